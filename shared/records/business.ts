import {
  defineRecord,
  emptyFormOf,
  f,
  formOf,
  historyNamesOf,
  recordToRow,
  rowToRecord,
  type AnyField,
  type FormValues,
  type ParsedValues,
  type RecordValues,
  type RowRead,
  type RowValues,
} from './field';

/**
 * The business record and its owner, as field tables. Adding a field: one line here (and its label in
 * renderer/locales/{id,en}/registry.json under `business.fields.<formKey>`) plus a migration adding the
 * column (and the column in db/schema.ts: the schema-guard test fails until the three agree). See
 * docs/design.md, "Records and their field tables".
 */

/** Option lists (codes stored; labels are i18n keys `business.<list>.<code>`). */
export const BUSINESS_STATUSES = ['aktif', 'musiman', 'tidak_aktif', 'tutup', 'pindah'] as const;
export type BusinessStatus = (typeof BUSINESS_STATUSES)[number];
export const LEGAL_FORMS = ['perorangan', 'cv', 'pt', 'koperasi', 'ud', 'firma', 'lainnya'] as const;
export const CONSTRAINTS = [
  'modal',
  'pemasaran',
  'bahan_baku',
  'air',
  'listrik',
  'perizinan',
  'sdm',
  'peralatan',
  'transportasi',
  'lainnya',
] as const;
export const NEEDS = [
  'pendampingan_perizinan',
  'pelatihan',
  'promosi',
  'akses_pasar',
  'bantuan_alat',
  'permodalan',
  'sertifikasi_halal',
  'kemasan',
  'lainnya',
] as const;
export const KBLI_VERSIONS = ['2020', '2025'] as const;
export type KbliVersion = (typeof KBLI_VERSIONS)[number];
export const SEXES = ['L', 'P'] as const;

/** The person owning a business. In the business form its fields are `owner<Key>` (`ownerName`, …). */
export const ownerRecord = defineRecord({
  name: 'owner',
  table: 'owners',
  formPrefix: 'owner',
  labels: 'business.fields',
  fields: [
    f.text('name', { required: true, max: 120 }),
    f.nik('nik'),
    /** pre-filled from the NIK in the form, overridable; derived from the NIK on save when left empty */
    f.enum('sex', SEXES, { optionLabel: 'business.sexFull' }),
    f.date('birthDate'),
    f.text('birthPlace', { max: 100 }),
    f.phone('phone'),
    f.text('street', { column: 'address_street', max: 200 }),
    f.rtRw('rt'),
    f.rtRw('rw'),
    f.regionCode('villageCode'),
    f.text('villageName', { max: 120, nullInForm: true }),
  ],
});

/**
 * The business. The only required fields are the business name and its desa (with the owner's name), so a
 * clerk can register a walk-in with what they know and complete it later.
 */
export const businessRecord = defineRecord({
  name: 'business',
  table: 'businesses',
  labels: 'business.fields',
  fields: [
    f.text('name', { required: true, max: 200 }),
    f.text('products', { max: 500 }),
    f.text('brand', { max: 120 }),
    f.kbli('kbliCode'),
    f.enum('kbliVersion', KBLI_VERSIONS, { nullInForm: true }),
    f.text('sentra', { max: 120 }),
    f.text('street', { column: 'address_street', max: 200 }),
    f.rtRw('rt'),
    f.rtRw('rw'),
    f.regionCode('villageCode'),
    f.text('villageName', { required: true, max: 120 }),
    f.year('yearStarted'),
    f.count('workersMale', { unitLabel: 'business.detail.people' }),
    f.count('workersFemale', { unitLabel: 'business.detail.people' }),
    /** rupiah, excluding land and buildings (Permenperin 64/2016) */
    f.money('investment'),
    f.money('investmentLandBuilding'),
    /** modal usaha, rupiah, excluding land and buildings (PP 7/2021) */
    f.money('capital'),
    f.money('annualTurnover'),
    f.year('turnoverYear'),
    f.decimal('productionCapacity'),
    f.text('capacityUnit', { max: 40 }),
    f.text('rawMaterials', { max: 500 }),
    f.text('energyUse', { max: 200 }),
    f.text('waterUse', { max: 200 }),
    f.enum('legalForm', LEGAL_FORMS, { optionLabel: 'business.legalForm' }),
    f.npwp('npwp'),
    f.bool('npwpSameAsNik'),
    f.enumDefault('status', BUSINESS_STATUSES, 'aktif', { optionLabel: 'business.status' }),
    f.text('statusReason', { max: 500 }),
    f.enumList('constraints', CONSTRAINTS, {
      column: 'constraints_json',
      optionLabel: 'business.constraint',
    }),
    f.enumList('needs', NEEDS, { column: 'needs_json', optionLabel: 'business.need' }),
    f.text('notes', { max: 2000 }),
  ],
});

export type OwnerValues = RecordValues<typeof ownerRecord>;
export type BusinessValues = RecordValues<typeof businessRecord>;
export type OwnerColumns = RowValues<typeof ownerRecord>;
export type BusinessColumns = RowValues<typeof businessRecord>;
/** What the form sends, parsed (owner fields prefixed `owner…`). */
export type RecordParsed = ParsedValues<typeof ownerRecord> & ParsedValues<typeof businessRecord>;
/** What the form holds for the two tables. */
export type RecordFormValues = FormValues<typeof ownerRecord> & FormValues<typeof businessRecord>;

/** Owner columns as the form describes them. */
export function ownerColumns(v: RecordParsed): OwnerColumns {
  return recordToRow(ownerRecord, v);
}

/** Business columns as the form describes them (not the owner, number, dates or version). */
export function businessColumns(v: RecordParsed): BusinessColumns {
  const row = recordToRow(businessRecord, v);
  // a KBLI version means nothing without its code
  return { ...row, kbli_version: v.kbliCode ? row.kbli_version : null };
}

export const ownerOfRow = (row: RowRead<typeof ownerRecord>): OwnerValues => rowToRecord(ownerRecord, row);
export const businessOfRow = (row: RowRead<typeof businessRecord>): BusinessValues =>
  rowToRecord(businessRecord, row);

/** column → the timeline's field name (the form's key). Other columns (owner_id, …) are camelCased. */
export const BUSINESS_HISTORY_NAMES = historyNamesOf(businessRecord);
export const OWNER_HISTORY_NAMES = historyNamesOf(ownerRecord);

/** An empty form for both tables. Built once: share it, do not rebuild it on every render. */
export const EMPTY_RECORD_FORM: Readonly<RecordFormValues> = Object.freeze({
  ...emptyFormOf(ownerRecord),
  ...emptyFormOf(businessRecord),
});

/** The form's values for a stored business and its owner (the NPWP field is empty when "same as NIK"). */
export function recordFormOf(b: BusinessValues, o: OwnerValues): RecordFormValues {
  return {
    ...formOf(ownerRecord, o),
    ...formOf(businessRecord, b),
    npwp: b.npwpSameAsNik ? '' : (b.npwp ?? ''),
  };
}

/** form key → field, both tables (labels and display format of any field of the business form). */
export const RECORD_FIELDS: ReadonlyMap<string, AnyField> = new Map<string, AnyField>([
  ...ownerRecord.byFormKey,
  ...businessRecord.byFormKey,
]);
