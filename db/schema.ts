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
  role: 'admin' | 'operator';
  password_hash: string;
  archived_at: string | null;
}

export interface OwnerTable extends Timestamps {
  id: Generated<number>;
  uuid: string;
  nik: string | null;
  name: string;
  archived_at: string | null;
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

export interface DB {
  office: OfficeTable;
  users: UserTable;
  owners: OwnerTable;
  businesses: BusinessTable;
  audit_log: AuditLogTable;
  sequences: SequenceTable;
  settings: SettingTable;
  secrets: SecretTable;
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
export type { ColumnType };
