import type { Migration } from './types';

/**
 * Permits (issue 8 items 1, 2, 5, 6).
 *
 * - `permit_types`: the kinds of permit as data (an office adds its own). `number_rule` names the shared
 *   validator's rule (shared/validators/permit.ts); `food` marks P-IRT and BPOM, whose absence the food
 *   worklist looks for.
 * - `permits`: several per business, archived never deleted. `number_key` is the number reduced to letters and
 *   digits (duplicates, search). `is_current` = the newest live permit of its type for that business (a renewal
 *   takes the old one off the worklists), kept by the service in the same transaction as the write.
 *   `b_live`, `b_village`, `b_kbli` copy the business's state so the worklists read one partial index
 *   (at 1,000,000 businesses a join per counted permit costs tens of milliseconds); triggers keep them.
 * - `permit_scans`: the scan's bytes in the database itself. The backup copies the database (SQLite backup
 *   API snapshot) and nothing else from the data folder, so a scan kept as a file would be lost on restore;
 *   kept here it is in every backup, checked with it, and no stored path is ever opened.
 * - `businesses.permits_held` / `food_permits_held`: how many live, unrevoked permits (food ones) a business
 *   has, kept by triggers on permits. `permit_gap_none` / `permit_gap_food` hold the live businesses with none
 *   (food KBLI 10–11 without P-IRT/BPOM), kept by a trigger on businesses: the "no permit" count is then a
 *   count(*) over its own table or a range of its village/KBLI index instead of 1,000,000 NOT EXISTS probes.
 */
const LIVE = 'archived_at IS NULL AND merged_into_id IS NULL';
export const DUE = `is_current = 1 AND b_live = 1 AND revoked_at IS NULL AND while_operating = 0 AND valid_until IS NOT NULL`;

const TYPES: [string, string, string, string, number, number, string | null, number | null, number][] = [
  // code, name, short name, rule, number required, food, default issuer, validity years, while operating
  ['nib', 'Nomor Induk Berusaha', 'NIB', 'nib', 1, 0, 'Lembaga OSS', null, 1],
  [
    'pirt',
    'Sertifikat Produksi Pangan Industri Rumah Tangga',
    'P-IRT',
    'pirt',
    1,
    1,
    'Dinas Kesehatan',
    5,
    0,
  ],
  ['halal', 'Sertifikat Halal', 'Halal', 'halal', 1, 0, 'BPJPH', null, 1],
  ['sni', 'Sertifikat SNI (SPPT-SNI)', 'SNI', 'free', 0, 0, null, null, 0],
  ['bpom', 'Izin Edar BPOM (MD/ML)', 'BPOM', 'bpom', 1, 1, 'Badan POM', 5, 0],
  ['iumk', 'Izin Usaha Mikro Kecil', 'IUMK', 'free', 0, 0, 'Camat', null, 0],
  ['sku', 'Surat Keterangan Usaha', 'SKU', 'free', 0, 0, 'Kepala Desa/Lurah', 1, 0],
  ['iui', 'Izin Usaha Industri', 'IUI', 'free', 0, 0, null, null, 1],
  ['hki', 'Merek / HKI', 'Merek', 'free', 0, 0, 'DJKI', 10, 0],
  ['pkp', 'Sertifikat Penyuluhan Keamanan Pangan', 'PKP', 'free', 0, 0, 'Dinas Kesehatan', null, 1],
  ['siinas', 'Akun SIINas', 'SIINas', 'free', 0, 0, 'Kementerian Perindustrian', null, 1],
  ['lainnya', 'Izin lainnya', 'Lainnya', 'free', 0, 0, null, null, 0],
];

export const m010: Migration = {
  version: 10,
  name: 'permits',
  up(raw) {
    raw.exec(`
      CREATE TABLE permit_types (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        short_name TEXT NOT NULL,
        number_rule TEXT NOT NULL CHECK (number_rule IN ('nib', 'pirt', 'halal', 'bpom', 'free')),
        number_required INTEGER NOT NULL DEFAULT 0 CHECK (number_required IN (0, 1)),
        food INTEGER NOT NULL DEFAULT 0 CHECK (food IN (0, 1)),
        default_issuer TEXT,
        default_valid_years INTEGER,
        while_operating_default INTEGER NOT NULL DEFAULT 0 CHECK (while_operating_default IN (0, 1)),
        sort INTEGER NOT NULL,
        added_by_office INTEGER NOT NULL DEFAULT 0,
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE permit_scans (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        mime TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png')),
        file_name TEXT NOT NULL,
        bytes INTEGER NOT NULL CHECK (bytes > 0 AND bytes <= 5242880),
        sha256 TEXT NOT NULL,
        data BLOB NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE permits (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        business_id INTEGER NOT NULL REFERENCES businesses(id),
        type_id INTEGER NOT NULL REFERENCES permit_types(id),
        number TEXT,
        number_key TEXT,
        issuer TEXT,
        issue_date TEXT,
        valid_until TEXT,
        while_operating INTEGER NOT NULL DEFAULT 0 CHECK (while_operating IN (0, 1)),
        revoked_at TEXT,
        revoked_reason TEXT,
        notes TEXT,
        scan_id INTEGER REFERENCES permit_scans(id),
        is_current INTEGER NOT NULL DEFAULT 1 CHECK (is_current IN (0, 1)),
        b_live INTEGER NOT NULL DEFAULT 1,
        b_village TEXT,
        b_kbli TEXT,
        archived_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (valid_until IS NULL OR issue_date IS NULL OR valid_until >= issue_date),
        CHECK (NOT (while_operating = 1 AND valid_until IS NOT NULL))
      ) STRICT;
      CREATE INDEX permits_business ON permits(business_id, type_id);
      CREATE INDEX permits_number ON permits(number_key) WHERE number_key IS NOT NULL AND archived_at IS NULL;
      CREATE INDEX permits_type_business ON permits(type_id, business_id) WHERE archived_at IS NULL;
      -- the "ends within 90 days / ended" worklist: a range of valid_until, per desa, per KBLI
      CREATE INDEX permits_due ON permits(valid_until, id) WHERE ${DUE};
      CREATE INDEX permits_due_village ON permits(b_village, valid_until, id) WHERE ${DUE};
      CREATE INDEX permits_due_kbli ON permits(b_kbli, valid_until, id) WHERE ${DUE};

      ALTER TABLE businesses ADD COLUMN permits_held INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE businesses ADD COLUMN food_permits_held INTEGER NOT NULL DEFAULT 0;

      CREATE TABLE permit_gap_none (
        business_id INTEGER PRIMARY KEY REFERENCES businesses(id),
        village_code TEXT,
        kbli_code TEXT
      ) STRICT;
      CREATE INDEX permit_gap_none_village ON permit_gap_none(village_code, kbli_code);
      CREATE INDEX permit_gap_none_kbli ON permit_gap_none(kbli_code);
      CREATE TABLE permit_gap_food (
        business_id INTEGER PRIMARY KEY REFERENCES businesses(id),
        village_code TEXT,
        kbli_code TEXT
      ) STRICT;
      CREATE INDEX permit_gap_food_village ON permit_gap_food(village_code, kbli_code);
      CREATE INDEX permit_gap_food_kbli ON permit_gap_food(kbli_code);

      -- a permit's business state, copied when it is added or moved to another business (merge)
      CREATE TRIGGER permits_business_ai AFTER INSERT ON permits BEGIN
        UPDATE permits SET
          b_live = (SELECT ${LIVE} FROM businesses WHERE id = new.business_id),
          b_village = (SELECT village_code FROM businesses WHERE id = new.business_id),
          b_kbli = (SELECT kbli_code FROM businesses WHERE id = new.business_id)
        WHERE id = new.id;
        UPDATE businesses SET
          permits_held = permits_held + (new.archived_at IS NULL AND new.revoked_at IS NULL),
          food_permits_held = food_permits_held + ((new.archived_at IS NULL AND new.revoked_at IS NULL)
            * (SELECT food FROM permit_types WHERE id = new.type_id))
        WHERE id = new.business_id;
      END;
      CREATE TRIGGER permits_business_au AFTER UPDATE OF business_id ON permits
      WHEN new.business_id IS NOT old.business_id BEGIN
        UPDATE permits SET
          b_live = (SELECT ${LIVE} FROM businesses WHERE id = new.business_id),
          b_village = (SELECT village_code FROM businesses WHERE id = new.business_id),
          b_kbli = (SELECT kbli_code FROM businesses WHERE id = new.business_id)
        WHERE id = new.id;
      END;
      -- how many permits a business holds
      CREATE TRIGGER permits_held_au AFTER UPDATE OF business_id, type_id, archived_at, revoked_at ON permits BEGIN
        UPDATE businesses SET
          permits_held = permits_held - (old.archived_at IS NULL AND old.revoked_at IS NULL),
          food_permits_held = food_permits_held - ((old.archived_at IS NULL AND old.revoked_at IS NULL)
            * (SELECT food FROM permit_types WHERE id = old.type_id))
        WHERE id = old.business_id;
        UPDATE businesses SET
          permits_held = permits_held + (new.archived_at IS NULL AND new.revoked_at IS NULL),
          food_permits_held = food_permits_held + ((new.archived_at IS NULL AND new.revoked_at IS NULL)
            * (SELECT food FROM permit_types WHERE id = new.type_id))
        WHERE id = new.business_id;
      END;
      CREATE TRIGGER permits_held_ad AFTER DELETE ON permits BEGIN
        UPDATE businesses SET
          permits_held = permits_held - (old.archived_at IS NULL AND old.revoked_at IS NULL),
          food_permits_held = food_permits_held - ((old.archived_at IS NULL AND old.revoked_at IS NULL)
            * (SELECT food FROM permit_types WHERE id = old.type_id))
        WHERE id = old.business_id;
      END;

      -- the gap lists follow the business
      CREATE TRIGGER businesses_permit_gap_ai AFTER INSERT ON businesses BEGIN
        INSERT INTO permit_gap_none(business_id, village_code, kbli_code)
          SELECT new.id, new.village_code, new.kbli_code
          WHERE new.archived_at IS NULL AND new.merged_into_id IS NULL AND new.permits_held = 0;
        INSERT INTO permit_gap_food(business_id, village_code, kbli_code)
          SELECT new.id, new.village_code, new.kbli_code
          WHERE new.archived_at IS NULL AND new.merged_into_id IS NULL AND new.food_permits_held = 0
            AND new.kbli_code >= '10' AND new.kbli_code < '12';
      END;
      CREATE TRIGGER businesses_permit_gap_au AFTER UPDATE OF permits_held, food_permits_held, archived_at,
          merged_into_id, village_code, kbli_code ON businesses BEGIN
        DELETE FROM permit_gap_none WHERE business_id = old.id;
        DELETE FROM permit_gap_food WHERE business_id = old.id;
        INSERT INTO permit_gap_none(business_id, village_code, kbli_code)
          SELECT new.id, new.village_code, new.kbli_code
          WHERE new.archived_at IS NULL AND new.merged_into_id IS NULL AND new.permits_held = 0;
        INSERT INTO permit_gap_food(business_id, village_code, kbli_code)
          SELECT new.id, new.village_code, new.kbli_code
          WHERE new.archived_at IS NULL AND new.merged_into_id IS NULL AND new.food_permits_held = 0
            AND new.kbli_code >= '10' AND new.kbli_code < '12';
      END;
      CREATE TRIGGER businesses_permit_copy_au AFTER UPDATE OF archived_at, merged_into_id, village_code,
          kbli_code ON businesses BEGIN
        UPDATE permits SET
          b_live = (new.archived_at IS NULL AND new.merged_into_id IS NULL),
          b_village = new.village_code,
          b_kbli = new.kbli_code
        WHERE business_id = new.id;
      END;
    `);
    const now = new Date().toISOString();
    const ins = raw.prepare(
      `INSERT INTO permit_types (code, name, short_name, number_rule, number_required, food, default_issuer,
         default_valid_years, while_operating_default, sort, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    TYPES.forEach((t, i) => ins.run(...t, (i + 1) * 10, now, now));
    // every business already registered has no permit yet
    raw.exec(`
      INSERT INTO permit_gap_none(business_id, village_code, kbli_code)
        SELECT id, village_code, kbli_code FROM businesses WHERE ${LIVE};
      INSERT INTO permit_gap_food(business_id, village_code, kbli_code)
        SELECT id, village_code, kbli_code FROM businesses
        WHERE ${LIVE} AND kbli_code >= '10' AND kbli_code < '12';
    `);
  },
};
