import type { Migration } from './types';

/**
 * Activities (issue 8 item 3): trainings, mentoring, apprenticeships, exhibitions, product curation,
 * certification support and equipment grants. `activities` is the record; `activity_days` its days (one or
 * many, not necessarily consecutive); `activity_participants` one business with the person who attends, and
 * that participant's outcomes; `activity_attendance` one mark per participant and day. Nothing is deleted:
 * activities and participants are archived; attendance marks are overwritten by the next save of that day
 * (the audit log keeps each save's before and after).
 *
 * `permit_id` (a permit obtained afterwards) has no foreign key here: the permits table is migration 010,
 * built concurrently; the service checks the permit exists and belongs to the participant's business.
 */
export const m011: Migration = {
  version: 11,
  name: 'activities',
  up(raw) {
    raw.exec(`
      CREATE TABLE activities (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL CHECK (type IN ('pelatihan', 'pendampingan', 'magang', 'pameran', 'kurasi',
          'fasilitasi_sertifikasi', 'bantuan_alat')),
        title TEXT NOT NULL,
        organiser TEXT NOT NULL CHECK (organiser IN ('disperindag', 'dinas_koperasi', 'kecamatan', 'bumn_csr',
          'lainnya')),
        organiser_other TEXT,
        funding TEXT NOT NULL CHECK (funding IN ('apbd', 'dbhcht', 'apbn', 'dak', 'csr', 'lainnya')),
        funding_other TEXT,
        batch TEXT,
        venue TEXT,
        quota INTEGER CHECK (quota IS NULL OR quota > 0),
        notes TEXT,
        archived_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE activity_days (
        id INTEGER PRIMARY KEY,
        activity_id INTEGER NOT NULL REFERENCES activities(id),
        day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        UNIQUE (activity_id, day)
      ) STRICT;
      CREATE INDEX activity_days_day ON activity_days(day);

      CREATE TABLE activity_participants (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        activity_id INTEGER NOT NULL REFERENCES activities(id),
        business_id INTEGER NOT NULL REFERENCES businesses(id),
        attendee_name TEXT NOT NULL,
        attendee_role TEXT NOT NULL CHECK (attendee_role IN ('pemilik', 'pekerja')),
        certificate_number TEXT,
        permit_id INTEGER,
        equipment TEXT,
        equipment_value INTEGER CHECK (equipment_value IS NULL OR equipment_value >= 0),
        outcome_notes TEXT,
        archived_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX activity_participants_activity ON activity_participants(activity_id, id);
      CREATE INDEX activity_participants_business ON activity_participants(business_id);

      CREATE TABLE activity_attendance (
        participant_id INTEGER NOT NULL REFERENCES activity_participants(id),
        day_id INTEGER NOT NULL REFERENCES activity_days(id),
        status TEXT NOT NULL CHECK (status IN ('hadir', 'izin', 'sakit', 'alpa')),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (participant_id, day_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX activity_attendance_day ON activity_attendance(day_id);
    `);
  },
};
