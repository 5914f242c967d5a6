import type { Migration } from './types';

/**
 * The import's hold (migration 016's `report_counts_hold`) holds two more insert triggers of businesses: the
 * search queue (004: `businesses_search_ai`) and the permit gap lists (010: `businesses_permit_gap_ai`).
 * Measured on the import's commit (30,000 rows, bare owner + business inserts with the counts held): the two
 * triggers cost ~15 % of the inserts' CPU; held, the writer fills both for every business inserted since the
 * hold in one INSERT … SELECT each (db/queries/report-counts.ts, `release`), in the same transaction, before
 * the hold is lifted — the same rows, by a statement per batch instead of a trigger program per row. The row
 * of `report_counts_hold` exists only inside the writer's transaction, so every other insert (the form, the
 * seed, a restore) fires the triggers as before, and a failed batch takes its rows, its queue entries and its
 * gap rows back together.
 *
 * Each trigger is made again from its own stored text with the guard added: the bodies stay what 004 and 010
 * made them.
 */
const HELD = 'WHEN NOT EXISTS (SELECT 1 FROM report_counts_hold)';
const HEAD = /AFTER INSERT ON businesses\s+BEGIN/;

export const m018: Migration = {
  version: 18,
  name: 'bulk_insert_hold',
  up(raw) {
    for (const name of ['businesses_search_ai', 'businesses_permit_gap_ai']) {
      const sql = raw
        .prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`)
        .pluck()
        .get(name) as string | undefined;
      if (!sql || !HEAD.test(sql))
        throw new Error(`migration 018: trigger ${name} is not as 004/010 made it`);
      raw.exec(`DROP TRIGGER ${name}`);
      raw.exec(sql.replace(HEAD, `AFTER INSERT ON businesses ${HELD} BEGIN`));
    }
  },
};
