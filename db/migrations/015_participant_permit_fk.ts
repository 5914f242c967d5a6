import type { Migration } from './types';

/**
 * The outcome "a permit obtained afterwards" (issue 8 item 3) becomes a real foreign key. Migration 011 left
 * `activity_participants.permit_id` unchecked because the permits table was being built beside it; the
 * service checked the link. Now the database holds the rule itself: the permit must exist AND belong to the
 * participant's business — a composite key `(permit_id, business_id) → permits(id, business_id)`.
 *
 * - The key is DEFERRABLE INITIALLY DEFERRED: a merge re-points a duplicate's permits and its participant
 *   rows in one transaction (business-merge.ts), and in between the pair does not match.
 * - A composite parent key needs a unique index over exactly those columns (`permits_id_business`).
 * - Links that would break the key (a permit of another business, or a row that does not exist — possible
 *   only through a restored or hand-edited database) are cleared, and the participant's outcome notes keep
 *   what was there, so nothing the clerk typed disappears silently.
 * - SQLite cannot add a constraint to a table: this is its documented 12-step rebuild (the runner turns
 *   foreign keys off around it and runs `foreign_key_check` before committing). `activity_attendance` points
 *   at `activity_participants(id)` by name and keeps pointing at the rebuilt table.
 */
export const m015: Migration = {
  version: 15,
  name: 'participant_permit_fk',
  foreignKeysOff: true,
  up(raw) {
    raw.exec(`
      CREATE UNIQUE INDEX permits_id_business ON permits(id, business_id);

      UPDATE activity_participants
         SET outcome_notes = trim(coalesce(outcome_notes || ' ', '') ||
               '[Tautan izin #' || permit_id || ' dilepas: izin tidak ditemukan pada usaha ini]'),
             permit_id = NULL
       WHERE permit_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM permits p
                          WHERE p.id = activity_participants.permit_id
                            AND p.business_id = activity_participants.business_id);

      CREATE TABLE activity_participants_new (
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
        updated_at TEXT NOT NULL,
        FOREIGN KEY (permit_id, business_id) REFERENCES permits(id, business_id) DEFERRABLE INITIALLY DEFERRED
      ) STRICT;
      INSERT INTO activity_participants_new (id, uuid, activity_id, business_id, attendee_name, attendee_role,
        certificate_number, permit_id, equipment, equipment_value, outcome_notes, archived_at, version,
        created_at, updated_at)
      SELECT id, uuid, activity_id, business_id, attendee_name, attendee_role, certificate_number, permit_id,
        equipment, equipment_value, outcome_notes, archived_at, version, created_at, updated_at
        FROM activity_participants;
      DROP TABLE activity_participants;
      ALTER TABLE activity_participants_new RENAME TO activity_participants;
      CREATE INDEX activity_participants_activity ON activity_participants(activity_id, id);
      CREATE INDEX activity_participants_business ON activity_participants(business_id);
      CREATE INDEX activity_participants_permit ON activity_participants(permit_id) WHERE permit_id IS NOT NULL;
    `);
  },
};
