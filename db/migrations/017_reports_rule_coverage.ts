import type { Migration } from './types';
import { keys013, reportCountsBackfill, reportCountsTriggersFor, type CountKeys } from './013_report_counts';

/**
 * Reports follow the office's PP 7/2021 rule, and permit coverage reads indexes (issue 11 item 9, issue 12).
 *
 * 1. report_counts: the `business` dimension (the larger class) becomes `pp7`, keyed by the PAIR of classes
 *    `<by capital>|<by sales>` (`-` for a missing figure; at most 25 keys). Any rule's class is a function of
 *    the pair, so the summary sums the pairs and maps each to its class under the rule read at that moment:
 *    changing the rule needs no recount, and the triggers write as many rows as before (the pair replaces the
 *    larger class; no extra upsert per business). The three business triggers are made again with the new
 *    dimension; the owner trigger (sex) is unchanged. Backfill: the `business` rows go, the `pp7` rows come
 *    from the businesses (one GROUP BY), in this migration's transaction.
 * 2. The business list's filter by PP 7/2021 class under the capital or sales rule compares
 *    `pp7ClassSql(rule)` (db/queries/pp7-class.ts): an index on each expression, live rows only, as the
 *    `larger` rule's `businesses_live_business_class` (migration 004). The expressions must stay the same text
 *    as pp7ClassSql's for SQLite to match them (test/unit/reports/pp7-rule.test.ts checks the plans).
 * 3. Permit coverage (reports/coverage.ts): the four-column GROUP BY of the current live permits read the
 *    whole table and sorted it; `permits_coverage` holds exactly those rows in that order (covering: with the
 *    desa copy for the desa filter, and the condition's own columns, which SQLite wants in a covering index), and `permits_coverage_business` the same rows in business order for the
 *    distinct count of businesses with a permit in force (no temporary b-tree); `permits_issued` the live
 *    permits by type and issue date for "issued in the period" (it read every permit's row).
 */
const CURRENT = 'is_current = 1 AND archived_at IS NULL AND b_live = 1';
/** the partial index's own condition columns, last: SQLite reads an index as covering only when it holds them */
const CURRENT_COLS = 'is_current, archived_at, b_live';
const LIVE = 'archived_at IS NULL AND merged_into_id IS NULL';
const LIVE_COLS = 'archived_at, merged_into_id';

/** the PP 7/2021 pair: each criterion's class, `-` when its figure is missing */
export const PP7_PAIR = (r: string) =>
  `COALESCE(${r}.business_class_capital, '-') || '|' || COALESCE(${r}.business_class_turnover, '-')`;

export const keys017: CountKeys = (r, nik, sex) =>
  keys013(r, nik, sex).map(([dim, key]) => (dim === 'business' ? ['pp7', PP7_PAIR(r)] : [dim, key]));

/** The triggers as they are now (the benchmark rebuilds them on a database migrated before a change). */
export const reportCountsTriggers = (): string => reportCountsTriggersFor(keys017, true);
/** Every dimension counted from the rows, as they are now. */
export const REPORT_COUNTS_BACKFILL_LATEST = reportCountsBackfill(keys017);

export const m017: Migration = {
  version: 17,
  name: 'reports_rule_coverage',
  up(raw) {
    raw.exec(`
      DROP TRIGGER report_counts_business_insert;
      DROP TRIGGER report_counts_business_delete;
      DROP TRIGGER report_counts_business_update;
      DROP TRIGGER report_counts_owner_sex;
      ${reportCountsTriggers()}
      DELETE FROM report_counts WHERE dim = 'business';
      ${reportCountsBackfill(keys017, ['pp7'])}

      CREATE INDEX businesses_live_pp7_capital
        ON businesses(COALESCE(business_class_capital, business_class_turnover), ${LIVE_COLS}) WHERE ${LIVE};
      CREATE INDEX businesses_live_pp7_turnover
        ON businesses(COALESCE(business_class_turnover, business_class_capital), ${LIVE_COLS}) WHERE ${LIVE};

      CREATE INDEX permits_coverage ON permits(type_id, revoked_at, while_operating, valid_until, b_village,
        business_id, ${CURRENT_COLS}) WHERE ${CURRENT};
      CREATE INDEX permits_coverage_business ON permits(business_id, revoked_at, while_operating, valid_until,
        b_village, ${CURRENT_COLS}) WHERE ${CURRENT};
      CREATE INDEX permits_issued ON permits(type_id, issue_date, b_village, archived_at, b_live)
        WHERE archived_at IS NULL AND b_live = 1;
    `);
  },
};
