import { BUSINESS_STATUSES, CONSTRAINTS, KBLI_VERSIONS, LEGAL_FORMS, NEEDS } from '../schemas/business';

/**
 * INTERIM (phase 1 of the import): the business and owner fields the import can fill, as the records'
 * field tables (shared/records/, issue 9) will describe them — form name, kind, options, required, label.
 * When the field tables land, this list is derived from them (`fieldsByFormKey(OWNER_RECORD,
 * BUSINESS_RECORD)`) and this copy goes.
 */
export type ImportFieldKind =
  | 'text'
  | 'longText'
  | 'nik'
  | 'phone'
  | 'rtRw'
  | 'date'
  | 'year'
  | 'count'
  | 'money'
  | 'decimal'
  | 'regionCode'
  | 'regionName'
  | 'kbli'
  | 'npwp'
  | 'enum'
  | 'enumList'
  | 'boolean';

export interface ImportRecordField {
  formKey: string;
  kind: ImportFieldKind;
  options?: readonly string[];
  required: boolean;
  label: string;
  owner: boolean;
}

const o = (formKey: string, kind: ImportFieldKind, extra: Partial<ImportRecordField> = {}) => ({
  formKey,
  kind,
  required: false,
  label: `business.fields.${formKey}`,
  owner: true,
  ...extra,
});
const b = (formKey: string, kind: ImportFieldKind, extra: Partial<ImportRecordField> = {}) => ({
  ...o(formKey, kind, extra),
  owner: false,
});

export const IMPORT_RECORD_FIELDS: readonly ImportRecordField[] = [
  o('ownerName', 'text', { required: true }),
  o('ownerNik', 'nik'),
  o('ownerSex', 'enum', { options: ['L', 'P'] }),
  o('ownerBirthDate', 'date'),
  o('ownerBirthPlace', 'text'),
  o('ownerPhone', 'phone'),
  o('ownerStreet', 'text'),
  o('ownerRt', 'rtRw'),
  o('ownerRw', 'rtRw'),
  o('ownerVillageCode', 'regionCode'),
  o('ownerVillageName', 'regionName'),
  b('name', 'text', { required: true }),
  b('products', 'text'),
  b('brand', 'text'),
  b('kbliCode', 'kbli'),
  b('kbliVersion', 'enum', { options: KBLI_VERSIONS }),
  b('sentra', 'text'),
  b('street', 'text'),
  b('rt', 'rtRw'),
  b('rw', 'rtRw'),
  b('villageCode', 'regionCode'),
  b('villageName', 'regionName', { required: true }),
  b('yearStarted', 'year'),
  b('workersMale', 'count'),
  b('workersFemale', 'count'),
  b('investment', 'money'),
  b('investmentLandBuilding', 'money'),
  b('capital', 'money'),
  b('annualTurnover', 'money'),
  b('turnoverYear', 'year'),
  b('productionCapacity', 'decimal'),
  b('capacityUnit', 'text'),
  b('rawMaterials', 'longText'),
  b('energyUse', 'text'),
  b('waterUse', 'text'),
  b('legalForm', 'enum', { options: LEGAL_FORMS }),
  b('npwp', 'npwp'),
  b('npwpSameAsNik', 'boolean'),
  b('status', 'enum', { options: BUSINESS_STATUSES }),
  b('statusReason', 'text'),
  b('constraints', 'enumList', { options: CONSTRAINTS }),
  b('needs', 'enumList', { options: NEEDS }),
  b('notes', 'longText'),
];
