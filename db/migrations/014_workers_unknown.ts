import type { Migration } from './types';
import { REPORT_COUNTS_BACKFILL } from './013_report_counts';

/**
 * Unknown worker counts stay unknown (issue 11 item 9). `workers_male` / `workers_female` were
 * `NOT NULL DEFAULT 0`, so an empty field became 0 and the record was shown as BPS "rumah tangga/mikro,
 * 1–4 tenaga kerja" and Permenperin "kecil". SQLite cannot drop a NOT NULL, so `businesses` is rebuilt with
 * the documented 12-step procedure (https://www.sqlite.org/lang_altertable.html#otheralter): foreign keys
 * off around the transaction (the runner does it, `foreignKeysOff`), a new table, the rows copied with
 * their ids, the old table dropped, the new one renamed, and every index and trigger that was there (read
 * from sqlite_master before, so the ones later migrations added come back too) created again. The triggers
 * on other tables that name `businesses` (permits, owners) are dropped first and restored after: the rename
 * checks every trigger's body and would fail on one naming a table that is gone for a moment.
 *
 * - `workers_total` is NULL when both counts are unknown; one count known and the other empty counts the
 *   empty one as 0 (the clerk filled the one that has people), as `classifyAll` does.
 * - `industry_class` and `bps_scale` are NULL without a worker total (`industry_class` also without
 *   investment): no class without the data it needs.
 * - `business_class_capital` / `business_class_turnover`: the PP 7/2021 class by each criterion, so the
 *   office's rule (settings, `sizeClass.pp7Rule`) can pick in queries. `business_class` stays the larger
 *   of the known ones (one of the rules, and what the list index was built on).
 * - Existing rows with 0 men and 0 women become unknown: the form wrote 0 for an empty field, so a stored
 *   0/0 cannot be told from "not filled", and a running industry always has at least one worker (BPS counts
 *   the owner and unpaid family workers as tenaga kerja), so 0/0 was never a real count. Any other pair is
 *   kept as it was. report_counts is rebuilt from the new columns.
 */
const CLASS_BY_CAPITAL = `CASE WHEN capital IS NULL THEN NULL WHEN capital <= 1000000000 THEN 'mikro'
          WHEN capital <= 5000000000 THEN 'kecil' WHEN capital <= 10000000000 THEN 'menengah' ELSE 'besar' END`;
const CLASS_BY_TURNOVER = `CASE WHEN annual_turnover IS NULL THEN NULL WHEN annual_turnover <= 2000000000 THEN 'mikro'
          WHEN annual_turnover <= 15000000000 THEN 'kecil' WHEN annual_turnover <= 50000000000 THEN 'menengah'
          ELSE 'besar' END`;

/** The stored (non-generated) columns, in table order: what the copy moves. */
const STORED = `id, uuid, registration_number, registration_date, name, owner_id, village_name, status, archived_at,
  created_at, updated_at, products, brand, kbli_code, kbli_version, sentra, address_street, rt, rw, village_code,
  year_started, workers_male, workers_female, investment, investment_land_building, capital, annual_turnover,
  turnover_year, production_capacity, capacity_unit, raw_materials, energy_use, water_use, legal_form, npwp,
  npwp_same_as_nik, status_reason, constraints_json, needs_json, notes, merged_into_id, version, permits_held,
  food_permits_held`;

export const CREATE_BUSINESSES_014 = `CREATE TABLE businesses_new (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        registration_number TEXT NOT NULL UNIQUE,
        registration_date TEXT NOT NULL,
        name TEXT NOT NULL,
        owner_id INTEGER NOT NULL REFERENCES owners(id),
        village_name TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'aktif',
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        products TEXT, brand TEXT, kbli_code TEXT, kbli_version TEXT, sentra TEXT, address_street TEXT,
        rt TEXT, rw TEXT, village_code TEXT, year_started INTEGER,
        -- NULL = not filled in (unknown), never read as 0
        workers_male INTEGER CHECK (workers_male >= 0),
        workers_female INTEGER CHECK (workers_female >= 0),
        investment INTEGER, investment_land_building INTEGER, capital INTEGER, annual_turnover INTEGER,
        turnover_year INTEGER, production_capacity REAL, capacity_unit TEXT, raw_materials TEXT, energy_use TEXT,
        water_use TEXT, legal_form TEXT, npwp TEXT, npwp_same_as_nik INTEGER NOT NULL DEFAULT 0,
        status_reason TEXT, constraints_json TEXT NOT NULL DEFAULT '[]', needs_json TEXT NOT NULL DEFAULT '[]',
        notes TEXT, merged_into_id INTEGER REFERENCES businesses(id), version INTEGER NOT NULL DEFAULT 1,
        workers_total INTEGER GENERATED ALWAYS AS (
          CASE WHEN workers_male IS NULL AND workers_female IS NULL THEN NULL
               ELSE COALESCE(workers_male, 0) + COALESCE(workers_female, 0) END) VIRTUAL,
        industry_class TEXT GENERATED ALWAYS AS (
          CASE
            WHEN investment IS NULL OR workers_total IS NULL THEN NULL
            WHEN workers_total <= 19 THEN
              CASE WHEN investment < 1000000000 THEN 'kecil' ELSE 'menengah' END
            WHEN investment <= 15000000000 THEN 'menengah'
            ELSE 'besar'
          END) VIRTUAL,
        business_class TEXT GENERATED ALWAYS AS (
          CASE max(
              CASE WHEN capital IS NULL THEN -1 WHEN capital <= 1000000000 THEN 0
                   WHEN capital <= 5000000000 THEN 1 WHEN capital <= 10000000000 THEN 2 ELSE 3 END,
              CASE WHEN annual_turnover IS NULL THEN -1 WHEN annual_turnover <= 2000000000 THEN 0
                   WHEN annual_turnover <= 15000000000 THEN 1 WHEN annual_turnover <= 50000000000 THEN 2 ELSE 3 END)
            WHEN 0 THEN 'mikro' WHEN 1 THEN 'kecil' WHEN 2 THEN 'menengah' WHEN 3 THEN 'besar'
            ELSE NULL
          END) VIRTUAL,
        bps_scale TEXT GENERATED ALWAYS AS (
          CASE
            WHEN workers_total IS NULL THEN NULL
            WHEN workers_total <= 4 THEN 'rumah_tangga'
            WHEN workers_total <= 19 THEN 'kecil'
            WHEN workers_total <= 99 THEN 'sedang'
            ELSE 'besar'
          END) VIRTUAL,
        permits_held INTEGER NOT NULL DEFAULT 0,
        food_permits_held INTEGER NOT NULL DEFAULT 0,
        business_class_capital TEXT GENERATED ALWAYS AS (${CLASS_BY_CAPITAL}) VIRTUAL,
        business_class_turnover TEXT GENERATED ALWAYS AS (${CLASS_BY_TURNOVER}) VIRTUAL
      ) STRICT`;

export const m014: Migration = {
  version: 14,
  name: 'unknown worker counts stay unknown',
  foreignKeysOff: true,
  up(raw) {
    // Step 3 of the procedure: remember the indexes and triggers to make them again after the rename.
    const indexes = raw
      .prepare(
        `SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'businesses' AND sql IS NOT NULL`,
      )
      .pluck()
      .all() as string[];
    const triggers = raw
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'trigger'
           AND (tbl_name = 'businesses' OR sql LIKE '%businesses%')`,
      )
      .all() as { name: string; sql: string }[];
    const views = raw
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'view' AND sql LIKE '%businesses%'`)
      .all() as { name: string; sql: string }[];
    for (const t of triggers) raw.exec(`DROP TRIGGER "${t.name}"`);
    for (const v of views) raw.exec(`DROP VIEW "${v.name}"`);

    raw.exec(CREATE_BUSINESSES_014);
    raw.exec(`
      INSERT INTO businesses_new (${STORED})
        SELECT ${STORED.replace(
          'workers_male, workers_female',
          `CASE WHEN workers_male = 0 AND workers_female = 0 THEN NULL ELSE workers_male END,
           CASE WHEN workers_male = 0 AND workers_female = 0 THEN NULL ELSE workers_female END`,
        )}
        FROM businesses;
      DROP TABLE businesses;
      ALTER TABLE businesses_new RENAME TO businesses;
    `);
    for (const sql of indexes) raw.exec(sql);
    for (const v of views) raw.exec(v.sql);
    for (const t of triggers) raw.exec(t.sql);

    // the size-class keys of the moved records changed: count again from the rows
    raw.exec(`DELETE FROM report_counts; ${REPORT_COUNTS_BACKFILL}`);
  },
};
