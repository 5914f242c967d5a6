import type { Migration } from './types';

/**
 * Decisions taken at the desk about possible duplicates ("it is this one" / "a different business") and
 * merges. Linked to both records; append-only like the audit log, because a decision is history.
 */
export const m007: Migration = {
  version: 7,
  name: 'duplicate decisions',
  up(raw) {
    raw.exec(`
      CREATE TABLE duplicate_decisions (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        decision TEXT NOT NULL CHECK (decision IN ('same', 'different', 'merged')),
        -- the existing record shown as a candidate (for a merge: the survivor)
        business_id INTEGER NOT NULL REFERENCES businesses(id),
        -- the record being registered (different), or the merged duplicate; NULL for "same" (nothing saved)
        other_business_id INTEGER REFERENCES businesses(id),
        -- JSON array: nik, phone, name
        reasons_json TEXT NOT NULL DEFAULT '[]',
        -- what the clerk had typed, for "same"
        draft_json TEXT,
        reason TEXT,
        user_id INTEGER REFERENCES users(id),
        user_name TEXT,
        decided_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX duplicate_decisions_business ON duplicate_decisions(business_id);
      CREATE INDEX duplicate_decisions_other ON duplicate_decisions(other_business_id);
      CREATE TRIGGER duplicate_decisions_no_update BEFORE UPDATE ON duplicate_decisions
        BEGIN SELECT RAISE(ABORT, 'duplicate_decisions is append-only'); END;
      CREATE TRIGGER duplicate_decisions_no_delete BEFORE DELETE ON duplicate_decisions
        BEGIN SELECT RAISE(ABORT, 'duplicate_decisions is append-only'); END;
      CREATE INDEX businesses_merged_into ON businesses(merged_into_id) WHERE merged_into_id IS NOT NULL;
    `);
  },
};
