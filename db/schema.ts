// Over 400 lines on purpose: the Kysely types of every table, one per migration's tables; the schema guard test reads this one file.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types (snake_case, as in the database). Every record table has a row id, a UUID, created and
 * updated times (ISO strings, UTC) and `archived_at` instead of deletion.
 */
type Timestamps = {
  created_at: string;
  updated_at: string;
};

export interface OfficeTable extends Timestamps {
  id: Generated<number>;
  uuid: string;
  province_code: string;
  province_name: string;
  regency_code: string;
  regency_name: string;
  district_code: string;
  district_name: string;
  address_line1: string;
  address_line2: string | null;
  phone: string | null;
  email: string | null;
  postal_code: string | null;
  camat_name: string;
  camat_rank: string | null;
  camat_nip: string | null;
}

export interface UserTable extends Timestamps {
  id: Generated<number>;
  uuid: string;
  username: string;
  full_name: string;
  role: 'admin' | 'operator' | 'viewer';
  password_hash: string;
  /** disabled (accounts are never deleted) */
  archived_at: string | null;
  /** wrong passwords in a row since the last good sign-in or unlock (migration 012) */
  failed_attempts: Generated<number>;
  /** ISO time before which sign-in is refused */
  locked_until: string | null;
  password_changed_at: string | null;
}

export interface OwnerTable extends Timestamps {
  id: Generated<number>;
  uuid: string;
  nik: string | null;
  name: string;
  archived_at: string | null;
  sex: 'L' | 'P' | null;
  birth_date: string | null;
  birth_place: string | null;
  /** normalised to +62… */
  phone: string | null;
  address_street: string | null;
  rt: string | null;
  rw: string | null;
  village_code: string | null;
  village_name: string | null;
  version: Generated<number>;
}

export interface BusinessTable extends Timestamps {
  id: Generated<number>;
  uuid: string;
  registration_number: string;
  registration_date: string;
  name: string;
  owner_id: number;
  village_name: string;
  status: string;
  archived_at: string | null;
  products: string | null;
  brand: string | null;
  kbli_code: string | null;
  kbli_version: string | null;
  sentra: string | null;
  address_street: string | null;
  rt: string | null;
  rw: string | null;
  village_code: string | null;
  year_started: number | null;
  /** null = not filled in (unknown), never read as 0 (migration 014) */
  workers_male: number | null;
  workers_female: number | null;
  /** rupiah, excluding land and buildings (Permenperin 64/2016) */
  investment: number | null;
  investment_land_building: number | null;
  /** modal usaha, rupiah, excluding land and buildings (PP 7/2021) */
  capital: number | null;
  annual_turnover: number | null;
  turnover_year: number | null;
  production_capacity: number | null;
  capacity_unit: string | null;
  raw_materials: string | null;
  energy_use: string | null;
  water_use: string | null;
  legal_form: string | null;
  npwp: string | null;
  npwp_same_as_nik: Generated<number>;
  status_reason: string | null;
  /** JSON array of constraint codes (modal, pemasaran, bahan_baku, …) */
  constraints_json: Generated<string>;
  /** JSON array of need codes (pendampingan_perizinan, pelatihan, …) */
  needs_json: Generated<string>;
  notes: string | null;
  merged_into_id: number | null;
  version: Generated<number>;
  /** live, unrevoked permits held (migration 010, kept by triggers on permits): read only */
  permits_held: ColumnType<number, never, never>;
  food_permits_held: ColumnType<number, never, never>;
  // ── computed by SQLite (migrations 004 and 014, VIRTUAL generated columns): read only ──
  /** null when both counts are unknown */
  workers_total: ColumnType<number | null, never, never>;
  /** Permenperin 64/2016: kecil | menengah | besar, null without investment or workers */
  industry_class: ColumnType<string | null, never, never>;
  /** PP 7/2021: mikro | kecil | menengah | besar, null without capital and turnover */
  business_class: ColumnType<string | null, never, never>;
  /** BPS by workers: rumah_tangga | kecil | sedang | besar, null without workers */
  bps_scale: ColumnType<string | null, never, never>;
  /** PP 7/2021 by each criterion (migration 014): the office's rule picks between them */
  business_class_capital: ColumnType<string | null, never, never>;
  business_class_turnover: ColumnType<string | null, never, never>;
}

/** The words the register uses, for the search's typo fallback (migration 004). */
export interface SearchVocabTable {
  id: Generated<number>;
  word: string;
  n: number;
}

/** Businesses whose search-index entry is missing or stale (filled by triggers, emptied by the search). */
export interface SearchQueueTable {
  business_id: number;
  is_new: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  uuid: string;
  at: string;
  user_id: number | null;
  user_name: string | null;
  table_name: string;
  record_id: number | null;
  record_uuid: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
}

export interface SequenceTable {
  name: string;
  year: number;
  value: number;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

/** Secrets that never leave the machine: backup key material, the letter-signing key. */
export interface SecretTable {
  key: string;
  value: string;
  created_at: string;
}

/** Where a reference list came from (regions, KBLI): shown in About with its licence. */
export interface RefDatasetTable {
  name: string;
  version: string;
  source: string;
  licence: string;
  attribution: string | null;
  loaded_at: string;
}

/** Kemendagri region list (idn-area-data). Codes dotted: 35, 35.09, 35.09.27, 35.09.27.2007. */
export interface RegionTable {
  code: string;
  parent_code: string | null;
  level: 'province' | 'regency' | 'district' | 'village';
  name: string;
  display_name: string;
  search_name: string;
}

export interface KbliTable {
  id: Generated<number>;
  version: '2020' | '2025';
  code: string;
  title: string;
  keywords: string;
  search_text: string;
  source: string;
  added_by_office: number;
  created_at: string;
}

export interface KbliMapTable {
  code_2020: string;
  code_2025: string;
  kind: 'one_to_one' | 'split' | 'merged';
}

/** A printed registration letter (migration 006). */
export interface LetterTable {
  id: Generated<number>;
  uuid: string;
  business_id: number;
  number: string;
  seq: number;
  year: number;
  kind: 'original' | 'salinan';
  original_id: number | null;
  status: 'issued' | 'voided';
  void_reason: string | null;
  voided_at: string | null;
  voided_by: string | null;
  purpose: string;
  paper: 'A4' | 'F4';
  full_nik: number;
  file_path: string | null;
  page: number | null;
  sha256: string | null;
  payload: string;
  verification_code: string;
  content_json: string;
  batch_id: string | null;
  issued_at: string;
  issued_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Another office's public key, imported to verify its letters offline (migration 006). */
export interface LetterKeyTable {
  id: Generated<number>;
  uuid: string;
  office_code: string;
  office_name: string;
  public_key: string;
  fingerprint: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Desk decisions about possible duplicates and merges (migration 007). Append-only. */
export interface DuplicateDecisionTable {
  id: Generated<number>;
  uuid: string;
  decision: 'same' | 'different' | 'merged';
  business_id: number;
  other_business_id: number | null;
  reasons_json: string;
  draft_json: string | null;
  reason: string | null;
  user_id: number | null;
  user_name: string | null;
  decided_at: string;
}

/** A backup or restore that ran (migration 005). */
export interface BackupRunTable {
  id: Generated<number>;
  uuid: string;
  kind: 'usb' | 'cli' | 'restore';
  status: 'ok' | 'failed' | 'cancelled';
  target: string | null;
  file_name: string | null;
  bytes: number | null;
  sha256: string | null;
  error_code: string | null;
  counts_json: string | null;
  started_at: string;
  finished_at: string;
  user_name: string | null;
}

/** A committed import of an office's spreadsheet (migration 009). */
/** Counts for the reports page, kept by triggers (migration 013); read only. */
export interface ReportCountTable {
  dim: string;
  month: string;
  village: string;
  key: string;
  n: number;
}

/** A bulk writer's hold on the report counts' insert trigger (db/queries/report-counts.ts). */
export interface ReportCountHoldTable {
  id: number;
  after_id: number;
}

export interface ImportTable {
  id: Generated<number>;
  uuid: string;
  file_name: string;
  sheet: string | null;
  status: 'committing' | 'committed' | 'cancelled' | 'failed' | 'undone';
  rows_read: number;
  rows_imported: Generated<number>;
  summary_json: string;
  mapping_json: string;
  user_id: number | null;
  user_name: string | null;
  started_at: string;
  finished_at: string | null;
  undone_at: string | null;
  undone_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Which record a sheet row became (migration 009): the undo's list. */
export interface ImportRecordTable {
  id: Generated<number>;
  import_id: number;
  line: number;
  action: 'created' | 'merged' | 'filled';
  business_id: number;
  owner_id: number | null;
  business_version: number;
  owner_version: number | null;
  before_json: string | null;
  kept_json: Generated<string>;
}

/** A saved column mapping, by folded header (migration 009). */
export interface ImportMappingTable {
  id: Generated<number>;
  uuid: string;
  name: string;
  columns_json: string;
  options_json: string;
  created_at: string;
  updated_at: string;
}

/** A kind of permit (migration 010): data, an office may add its own. */
export interface PermitTypeTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string;
  number_rule: 'nib' | 'pirt' | 'halal' | 'bpom' | 'free';
  number_required: number;
  food: number;
  default_issuer: string | null;
  default_valid_years: number | null;
  while_operating_default: number;
  sort: number;
  added_by_office: Generated<number>;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A permit a business holds (migration 010). Archived, never deleted. */
export interface PermitTable {
  id: Generated<number>;
  uuid: string;
  business_id: number;
  type_id: number;
  number: string | null;
  /** upper-case letters and digits of the number: duplicates and search */
  number_key: string | null;
  issuer: string | null;
  issue_date: string | null;
  valid_until: string | null;
  while_operating: number;
  revoked_at: string | null;
  revoked_reason: string | null;
  notes: string | null;
  scan_id: number | null;
  /** the newest live permit of its type for the business (kept by the service) */
  is_current: Generated<number>;
  /** copies of the business's state, kept by triggers: read only */
  b_live: ColumnType<number, never, never>;
  b_village: ColumnType<string | null, never, never>;
  b_kbli: ColumnType<string | null, never, never>;
  archived_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A permit's scan, its bytes in the database so every backup carries it (migration 010). */
export interface PermitScanTable {
  id: Generated<number>;
  uuid: string;
  mime: 'application/pdf' | 'image/jpeg' | 'image/png';
  file_name: string;
  bytes: number;
  sha256: string;
  data: Buffer;
  created_at: string;
}

/** Live businesses without any permit / food businesses without P-IRT or BPOM (triggers, migration 010). */
export interface PermitGapTable {
  business_id: number;
  village_code: string | null;
  kbli_code: string | null;
}

/** An activity: training, mentoring, exhibition, grant … (migration 011). */
export interface ActivityTable extends Timestamps {
  id: Generated<number>;
  uuid: string;
  type: string;
  title: string;
  organiser: string;
  organiser_other: string | null;
  funding: string;
  funding_other: string | null;
  batch: string | null;
  venue: string | null;
  quota: number | null;
  notes: string | null;
  archived_at: string | null;
  version: Generated<number>;
}

/** One day of an activity (migration 011). */
export interface ActivityDayTable {
  id: Generated<number>;
  activity_id: number;
  /** yyyy-mm-dd */
  day: string;
}

/** A business enrolled in an activity, the person who attends, and the outcomes (migration 011). */
export interface ActivityParticipantTable extends Timestamps {
  id: Generated<number>;
  uuid: string;
  activity_id: number;
  business_id: number;
  attendee_name: string;
  attendee_role: 'pemilik' | 'pekerja';
  certificate_number: string | null;
  /** a permit obtained afterwards (permits(id)) */
  permit_id: number | null;
  equipment: string | null;
  /** rupiah */
  equipment_value: number | null;
  outcome_notes: string | null;
  archived_at: string | null;
  version: Generated<number>;
}

/** One participant's mark for one day (migration 011). */
export interface ActivityAttendanceTable {
  participant_id: number;
  day_id: number;
  status: 'hadir' | 'izin' | 'sakit' | 'alpa';
  updated_at: string;
}

export interface DB {
  office: OfficeTable;
  users: UserTable;
  owners: OwnerTable;
  businesses: BusinessTable;
  audit_log: AuditLogTable;
  sequences: SequenceTable;
  settings: SettingTable;
  secrets: SecretTable;
  duplicate_decisions: DuplicateDecisionTable;
  ref_dataset: RefDatasetTable;
  regions: RegionTable;
  kbli: KbliTable;
  kbli_map: KbliMapTable;
  letters: LetterTable;
  letter_keys: LetterKeyTable;
  backup_runs: BackupRunTable;
  search_vocab: SearchVocabTable;
  search_queue: SearchQueueTable;
  report_counts: ReportCountTable;
  report_counts_hold: ReportCountHoldTable;
  imports: ImportTable;
  import_records: ImportRecordTable;
  import_mappings: ImportMappingTable;
  permit_types: PermitTypeTable;
  permits: PermitTable;
  permit_scans: PermitScanTable;
  permit_gap_none: PermitGapTable;
  permit_gap_food: PermitGapTable;
  activities: ActivityTable;
  activity_days: ActivityDayTable;
  activity_participants: ActivityParticipantTable;
  activity_attendance: ActivityAttendanceTable;
}

export type OfficeRow = Selectable<OfficeTable>;
export type NewOffice = Insertable<OfficeTable>;
export type UserRow = Selectable<UserTable>;
export type OwnerRow = Selectable<OwnerTable>;
export type NewOwner = Insertable<OwnerTable>;
export type BusinessRow = Selectable<BusinessTable>;
export type NewBusiness = Insertable<BusinessTable>;
export type BusinessUpdate = Updateable<BusinessTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type RegionRow = Selectable<RegionTable>;
export type KbliRow = Selectable<KbliTable>;
export type PermitRow = Selectable<PermitTable>;
export type PermitTypeRow = Selectable<PermitTypeTable>;
export type RefDatasetRow = Selectable<RefDatasetTable>;
export type { ColumnType };
