import type { Migration } from './types';

/**
 * Counts for the reports page (issue 12 item 7), kept by triggers: one row per (dimension, month registered,
 * desa, key) with the number of live businesses (not archived, not merged). The page sums a few hundred of
 * these rows instead of grouping 1,000,000 businesses seven times (measured at 1M: each GROUP BY over a
 * covering index ≈ 100–300 ms, the page needs seven), and the period and desa filters are ranges on the
 * primary key.
 *
 * Dimensions: village (key = village code, or `~name` for a desa typed by name), kbli (`version:code`),
 * industry / business / bps (the three size schemes, `-` when not determined), status, sex (from the owner's
 * NIK: day + 40 for women; the owner's recorded sex when there is no usable NIK; `-` unknown). The year
 * registered is a dimension too (`year`). Every business counts twice per dimension: in its month, and in
 * the all-time rows (month `'*'`), which the page's first view reads (at 1M the months' rows are ~800,000:
 * summing them all took 3.5 s; the all-time rows are a few per desa and key).
 *
 * Triggers: a business inserted, deleted or changed in any counted column moves its contribution from the old
 * keys to the new; an owner whose NIK or sex changes moves the sex key of each of their live businesses.
 * `test/unit/reports/report-counts.test.ts` checks the counts against plain GROUP BY after random writes.
 */
const SEX = (nik: string, sex: string) => `CASE
  WHEN length(${nik}) = 16 AND ${nik} NOT GLOB '*[^0-9]*' AND CAST(substr(${nik}, 7, 2) AS INTEGER) BETWEEN 1 AND 31 THEN 'L'
  WHEN length(${nik}) = 16 AND ${nik} NOT GLOB '*[^0-9]*' AND CAST(substr(${nik}, 7, 2) AS INTEGER) BETWEEN 41 AND 71 THEN 'P'
  ELSE COALESCE(${sex}, '-') END`;

/** each dimension's key, from a business row `r` (NEW or OLD) and its owner's NIK and sex expressions */
export type CountKeys = (r: string, nik: string, sex: string) => [string, string][];

/** the dimensions as this migration made them (migration 017 replaces `business` by `pp7`) */
export const keys013: CountKeys = (r, nik, sex) => {
  return [
    ['village', `COALESCE(${r}.village_code, '~' || ${r}.village_name)`],
    ['kbli', `COALESCE(${r}.kbli_version, '-') || ':' || COALESCE(${r}.kbli_code, '-')`],
    ['industry', `COALESCE(${r}.industry_class, '-')`],
    ['business', `COALESCE(${r}.business_class, '-')`],
    ['bps', `COALESCE(${r}.bps_scale, '-')`],
    ['status', `${r}.status`],
    ['sex', SEX(nik, sex)],
    ['year', `substr(${r}.registration_date, 1, 4)`],
  ];
};

const village = (r: string) => `COALESCE(${r}.village_code, '~' || ${r}.village_name)`;
const month = (r: string) => `substr(${r}.registration_date, 1, 7)`;
const live = (r: string) => `${r}.archived_at IS NULL AND ${r}.merged_into_id IS NULL`;
const ownerNik = (r: string) => `(SELECT nik FROM owners WHERE id = ${r}.owner_id)`;
const ownerSex = (r: string) => `(SELECT sex FROM owners WHERE id = ${r}.owner_id)`;

/** one upsert per dimension for the row's month, and one for all time (month '*') */
function add(keys: CountKeys, r: string, sign: 1 | -1): string {
  return keys(r, ownerNik(r), ownerSex(r))
    .flatMap(([dim, key]) =>
      [month(r), `'*'`].map(
        (m) => `INSERT INTO report_counts (dim, month, village, key, n)
        SELECT '${dim}', ${m}, ${village(r)}, ${key}, ${sign} WHERE ${live(r)}
        ON CONFLICT (dim, month, village, key) DO UPDATE SET n = n + (${sign});`,
      ),
    )
    .join('\n');
}

const COUNTED = `registration_date, village_code, village_name, kbli_code, kbli_version, status, investment,
  capital, annual_turnover, workers_male, workers_female, owner_id, archived_at, merged_into_id`;

/**
 * The counts from the rows: every dimension of `keys`, or only those named in `only` (a later migration adding
 * a dimension backfills just that one).
 */
export function reportCountsBackfill(keys: CountKeys, only?: string[]): string {
  const dims = keys('b', 'o.nik', 'o.sex').filter(([dim]) => !only || only.includes(dim));
  const which = only ? ` AND dim IN (${only.map((d) => `'${d}'`).join(', ')})` : '';
  return `INSERT INTO report_counts (dim, month, village, key, n)
  ${dims
    .map(
      ([
        dim,
        key,
      ]) => `SELECT '${dim}' AS dim, ${month('b')} AS month, ${village('b')} AS village, ${key} AS key,
        count(*) AS n
        FROM businesses b JOIN owners o ON o.id = b.owner_id WHERE ${live('b')}
        GROUP BY 1, 2, 3, 4`,
    )
    .join('\n  UNION ALL ')};
  INSERT INTO report_counts (dim, month, village, key, n)
    SELECT dim, '*', village, key, sum(n) FROM report_counts WHERE month <> '*'${which} GROUP BY dim, village, key;`;
}

/** migration 013's dimensions (migration 014 counted again with them) */
export const REPORT_COUNTS_BACKFILL = reportCountsBackfill(keys013);

/**
 * What the insert trigger adds, for the live businesses matching `where` (on `b`, the business, and `o`, its
 * owner), in one grouped statement: each month's rows and the all-time rows. A bulk writer that holds the
 * insert trigger back (db/queries/report-counts.ts) counts its rows with this instead of 16 upserts a row.
 * The matching businesses are read once, each with every dimension's key (`nb`), and grouped per dimension
 * from there: one pass over the rows and their owners instead of one per dimension (a 2,000-row batch of an
 * import: 24 → 20 ms).
 */
export function reportCountsAddWhere(keys: CountKeys, where: string): string {
  const dims = keys('b', 'o.nik', 'o.sex');
  return `WITH nb AS MATERIALIZED (
    SELECT ${month('b')} AS month, ${village('b')} AS village,
      ${dims.map(([, key], i) => `${key} AS k${i}`).join(',\n      ')}
    FROM businesses b JOIN owners o ON o.id = b.owner_id WHERE (${where}) AND ${live('b')}),
  added AS (
  ${dims
    .map(
      ([dim], i) =>
        `SELECT '${dim}' AS dim, month, village, k${i} AS key, count(*) AS n FROM nb GROUP BY 2, 3, 4`,
    )
    .join('\n  UNION ALL ')})
  INSERT INTO report_counts (dim, month, village, key, n)
    SELECT * FROM (
      SELECT dim, month, village, key, n FROM added
      UNION ALL SELECT dim, '*', village, key, sum(n) FROM added GROUP BY dim, village, key
    ) WHERE true
    ON CONFLICT (dim, month, village, key) DO UPDATE SET n = n + excluded.n;`;
}

/** The body of the insert trigger: one upsert per dimension and month ('*' too) for the new business. */
export function reportCountsInsertBody(keys: CountKeys): string {
  return add(keys, 'NEW', 1);
}

function ownerTrigger(): string {
  const move = (
    m: string,
    nik: string,
    sex: string,
    sign: string,
  ) => `INSERT INTO report_counts (dim, month, village, key, n)
          SELECT 'sex', ${m}, ${village('b')}, ${SEX(nik, sex)}, ${sign}count(*)
          FROM businesses b WHERE b.owner_id = OLD.id AND ${live('b')} GROUP BY 2, 3
          ON CONFLICT (dim, month, village, key) DO UPDATE SET n = n + excluded.n;`;
  return `CREATE TRIGGER report_counts_owner_sex BEFORE UPDATE OF nik, sex ON owners
      WHEN COALESCE(OLD.nik, '') IS NOT COALESCE(NEW.nik, '') OR COALESCE(OLD.sex, '') IS NOT COALESCE(NEW.sex, '')
      BEGIN
        ${move(month('b'), 'OLD.nik', 'OLD.sex', '-')}
        ${move(month('b'), 'NEW.nik', 'NEW.sex', '')}
        ${move(`'*'`, 'OLD.nik', 'OLD.sex', '-')}
        ${move(`'*'`, 'NEW.nik', 'NEW.sex', '')}
      END;`;
}

/**
 * The triggers over the dimensions of `keys` (migration 017 makes them again with its own). `held`: the insert
 * trigger is guarded by migration 016's `report_counts_hold` (a bulk writer counts its rows itself).
 */
export function reportCountsTriggersFor(keys: CountKeys, held = false): string {
  const guard = held ? 'WHEN NOT EXISTS (SELECT 1 FROM report_counts_hold)' : '';
  return `
      CREATE TRIGGER report_counts_business_insert AFTER INSERT ON businesses ${guard} BEGIN
        ${add(keys, 'NEW', 1)}
      END;
      CREATE TRIGGER report_counts_business_delete AFTER DELETE ON businesses BEGIN
        ${add(keys, 'OLD', -1)}
      END;
      CREATE TRIGGER report_counts_business_update AFTER UPDATE OF ${COUNTED} ON businesses BEGIN
        ${add(keys, 'OLD', -1)}
        ${add(keys, 'NEW', 1)}
      END;
      ${ownerTrigger()}`;
}

export const reportCountsTriggers013 = (): string => reportCountsTriggersFor(keys013);

export const m013: Migration = {
  version: 13,
  name: 'report_counts',
  up(raw) {
    raw.exec(`
      CREATE TABLE report_counts (
        dim TEXT NOT NULL,
        month TEXT NOT NULL,
        village TEXT NOT NULL,
        key TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (dim, month, village, key)
      ) WITHOUT ROWID;

      ${reportCountsTriggers013()}
    `);
    raw.exec(REPORT_COUNTS_BACKFILL);
  },
};
