import type { Migration } from './types';
import { loadRegions, REGION_DATASET, searchForm } from '../seed/regions';
import { KBLI_2020, KBLI_2025, KBLI_DATASET, KBLI_KEYWORDS, KBLI_MAP, type KbliSeed } from '../seed/kbli';

/**
 * Reference data as tables: the Kemendagri region list (idn-area-data) and KBLI kategori C (2020 and 2025)
 * with the 2020→2025 mapping and everyday keywords; `ref_dataset` records where each list came from.
 * Loaded synchronously with prepared statements inside the migration's transaction.
 */
export const m003: Migration = {
  version: 3,
  name: 'reference data: regions (Kemendagri 2025) and KBLI kategori C',
  up(raw) {
    raw.exec(`
      CREATE TABLE ref_dataset (
        name TEXT PRIMARY KEY,
        version TEXT NOT NULL,
        source TEXT NOT NULL,
        licence TEXT NOT NULL,
        attribution TEXT,
        loaded_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE regions (
        code TEXT PRIMARY KEY,
        parent_code TEXT,
        level TEXT NOT NULL CHECK (level IN ('province', 'regency', 'district', 'village')),
        name TEXT NOT NULL,
        display_name TEXT NOT NULL,
        -- lower case, letters and digits only: what name search compares against
        search_name TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX regions_parent ON regions(parent_code, display_name);
      -- name search: the trigram index regions_fts below (a b-tree index cannot serve LIKE '%x%')

      CREATE TABLE kbli (
        id INTEGER PRIMARY KEY,
        version TEXT NOT NULL CHECK (version IN ('2020', '2025')),
        code TEXT NOT NULL CHECK (length(code) = 5 AND code NOT GLOB '*[^0-9]*'),
        title TEXT NOT NULL,
        keywords TEXT NOT NULL DEFAULT '',
        -- lower-case title and keywords, for search
        search_text TEXT NOT NULL,
        source TEXT NOT NULL,
        added_by_office INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        UNIQUE (version, code)
      ) STRICT;

      CREATE TABLE kbli_map (
        code_2020 TEXT NOT NULL,
        code_2025 TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('one_to_one', 'split', 'merged')),
        PRIMARY KEY (code_2020, code_2025)
      ) STRICT;
      CREATE INDEX kbli_map_2025 ON kbli_map(code_2025);
    `);
    const now = new Date().toISOString();
    const ds = raw.prepare(
      `INSERT INTO ref_dataset (name, version, source, licence, attribution, loaded_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    loadRegions(raw);
    // trigram index for name search ("jung" finds Ajung); the list only changes through a migration
    raw.exec(`
      CREATE VIRTUAL TABLE regions_fts USING fts5(search_name, code UNINDEXED, tokenize = 'trigram');
      INSERT INTO regions_fts (search_name, code) SELECT search_name, code FROM regions;
    `);
    ds.run(
      REGION_DATASET.name,
      REGION_DATASET.version,
      REGION_DATASET.source,
      REGION_DATASET.licence,
      REGION_DATASET.attribution,
      now,
    );

    const ins = raw.prepare(
      `INSERT INTO kbli (version, code, title, keywords, search_text, source, added_by_office, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 0, ?)`,
    );
    const load = (version: '2020' | '2025', list: KbliSeed[]) => {
      for (const k of list) {
        const keywords = KBLI_KEYWORDS[`${version}:${k.code}`] ?? '';
        ins.run(
          version,
          k.code,
          k.title,
          keywords,
          searchForm(`${k.title} ${keywords}`),
          KBLI_DATASET.name,
          now,
        );
      }
    };
    load('2020', KBLI_2020);
    load('2025', KBLI_2025);
    const map = raw.prepare(`INSERT OR IGNORE INTO kbli_map (code_2020, code_2025, kind) VALUES (?, ?, ?)`);
    for (const [a, b, kind] of KBLI_MAP) map.run(a, b, kind);
    ds.run(
      KBLI_DATASET.name,
      KBLI_DATASET.version,
      KBLI_DATASET.source,
      KBLI_DATASET.licence,
      KBLI_DATASET.attribution,
      now,
    );
  },
};
