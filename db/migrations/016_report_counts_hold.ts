import type { Migration } from './types';
import { keys013, reportCountsInsertBody } from './013_report_counts';

/**
 * The report counts' insert trigger can be held back by a bulk writer (the import's commit, issue 12 item 10).
 * The trigger does 16 upserts into `report_counts` for every business inserted — a third of an import's
 * commit. A flag table guards it now: while `report_counts_hold` has its row, inserted businesses are not
 * counted one by one; the writer then counts them all in one grouped statement and removes the row
 * (db/queries/report-counts.ts). The row is written and removed inside the writer's own transaction, so no
 * other connection ever sees it, a failed batch rolls it back with the rows, and the counts stay exact.
 *
 * `after_id`: the largest business id when the hold began. The businesses inserted under the hold are exactly
 * those above it (ids are max + 1, and only the holder writes during its transaction).
 */
export const m016: Migration = {
  version: 16,
  name: 'report_counts_hold',
  up(raw) {
    raw.exec(`
      CREATE TABLE report_counts_hold (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        after_id INTEGER NOT NULL
      ) STRICT;

      DROP TRIGGER report_counts_business_insert;
      CREATE TRIGGER report_counts_business_insert AFTER INSERT ON businesses
      WHEN NOT EXISTS (SELECT 1 FROM report_counts_hold)
      BEGIN
        ${reportCountsInsertBody(keys013)}
      END;
    `);
  },
};
