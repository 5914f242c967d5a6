import type { Migration } from './types';

/**
 * The import's hold (migration 016's `report_counts_hold`) holds two more insert triggers of businesses: the
 * search queue (004: `businesses_search_ai`) and the permit gap lists (010: `businesses_permit_gap_ai`).
 * Measured on the import's commit (30,000 rows, bare owner + business inserts with the counts held): the two
 * triggers cost ~15 % of the inserts' CPU, about as much as the rows they write; held, the writer fills both
 * for every business inserted since the hold in one INSERT … SELECT each (db/queries/report-counts.ts,
 * `release`), in the same transaction, before the hold is lifted — the same rows, by a statement per batch
 * instead of a trigger program per row. Nothing else changes: the row of `report_counts_hold` exists only
 * inside the writer's transaction, so every other insert (the form, the seed, a restore) fires the triggers
 * as before, and a failed batch takes its rows, its queue entries and its gap rows back together.
 *
 * The bodies are those of 004 and 010; only the guard is new.
 */
const HELD = 'WHEN NOT EXISTS (SELECT 1 FROM report_counts_hold)';

export const m018: Migration = {
  version: 18,
  name: 'bulk_insert_hold',
  up(raw) {
    raw.exec(`
      DROP TRIGGER businesses_search_ai;
      CREATE TRIGGER businesses_search_ai AFTER INSERT ON businesses ${HELD} BEGIN
        INSERT OR IGNORE INTO search_queue(business_id, is_new) VALUES (new.id, 1);
      END;

      DROP TRIGGER businesses_permit_gap_ai;
      CREATE TRIGGER businesses_permit_gap_ai AFTER INSERT ON businesses ${HELD} BEGIN
        INSERT INTO permit_gap_none(business_id, village_code, kbli_code)
          SELECT new.id, new.village_code, new.kbli_code
          WHERE new.archived_at IS NULL AND new.merged_into_id IS NULL AND new.permits_held = 0;
        INSERT INTO permit_gap_food(business_id, village_code, kbli_code)
          SELECT new.id, new.village_code, new.kbli_code
          WHERE new.archived_at IS NULL AND new.merged_into_id IS NULL AND new.food_permits_held = 0
            AND new.kbli_code >= '10' AND new.kbli_code < '12';
      END;
    `);
  },
};
