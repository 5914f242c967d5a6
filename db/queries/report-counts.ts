import type { RawDb } from '../connection';
import { reportCountsAddWhere } from '../migrations/013_report_counts';
import { keys017 } from '../migrations/017_reports_rule_coverage';

/**
 * The report counts' insert trigger held back for a bulk insert of businesses (the import's commit): `hold()`
 * inside the writer's transaction, the businesses inserted, then `release()` in the same transaction counts
 * every business inserted since the hold in one grouped statement, queues them for the search index and puts
 * them on the permit gap lists (the two other insert triggers the hold holds since migration 018), and lifts
 * the hold. The trigger's guard is
 * the row of `report_counts_hold`; other connections never see it (it never outlives the transaction).
 *
 * Between hold and release the writer only inserts businesses: an update or delete of a business inserted
 * under the hold (not yet counted), or of its owner's NIK, would move counts it never added.
 */
export function reportCountsHold(raw: RawDb): { hold(): void; release(): void } {
  const hold = raw.prepare(
    `INSERT INTO report_counts_hold (id, after_id) VALUES (1, (SELECT coalesce(max(id), 0) FROM businesses))`,
  );
  const count = raw.prepare(
    reportCountsAddWhere(keys017, `b.id > (SELECT after_id FROM report_counts_hold WHERE id = 1)`),
  );
  // the other insert triggers the hold holds (migration 018): the same rows, one statement per batch
  const heldAfter = `(SELECT after_id FROM report_counts_hold WHERE id = 1)`;
  const queue = raw.prepare(
    `INSERT OR IGNORE INTO search_queue(business_id, is_new) SELECT id, 1 FROM businesses WHERE id > ${heldAfter}`,
  );
  const gapNone = raw.prepare(`INSERT INTO permit_gap_none(business_id, village_code, kbli_code)
    SELECT id, village_code, kbli_code FROM businesses
     WHERE id > ${heldAfter} AND archived_at IS NULL AND merged_into_id IS NULL AND permits_held = 0`);
  const gapFood = raw.prepare(`INSERT INTO permit_gap_food(business_id, village_code, kbli_code)
    SELECT id, village_code, kbli_code FROM businesses
     WHERE id > ${heldAfter} AND archived_at IS NULL AND merged_into_id IS NULL AND food_permits_held = 0
       AND kbli_code >= '10' AND kbli_code < '12'`);
  const lift = raw.prepare(`DELETE FROM report_counts_hold`);
  const inTransaction = () => {
    if (!raw.inTransaction) throw new Error('report counts: hold and release inside a transaction');
  };
  return {
    hold() {
      inTransaction();
      hold.run();
    },
    release() {
      inTransaction();
      count.run();
      queue.run();
      gapNone.run();
      gapFood.run();
      lift.run();
    },
  };
}
