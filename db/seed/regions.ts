import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { RawDb } from '../connection';

/**
 * The Kemendagri region list from the `idn-area-data` npm package (Kepmendagri 300.2.2-2138/2025, data under
 * ODbL). The package is ESM-only and its getters are async, so we read its CSV files directly.
 */
export const REGION_DATASET = {
  name: 'idn-area-data',
  version: '4.0.1',
  source: 'idn-area-data 4.0.1 (npm, github.com/fityannugroho/idn-area-data), Kepmendagri 300.2.2-2138/2025',
  licence: 'ODbL 1.0 (data), MIT (code)',
  attribution: '© idn-area-data contributors; data: Kementerian Dalam Negeri 2025',
} as const;

export type RegionLevel = 'province' | 'regency' | 'district' | 'village';

/** The folder holding provinces.csv … villages.csv. */
export function regionDataDir(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('idn-area-data/package.json');
  return path.join(path.dirname(pkg), 'data');
}

/**
 * A form fit for display. The 2025 data keeps official mixed case ("Kalisat"); older lists were upper case
 * ("KALISAT"), so a name written entirely in capitals with a long word is title-cased. Acronyms such as
 * "WKO" are left alone.
 */
export function displayRegionName(name: string): string {
  if (name !== name.toUpperCase() || !/[A-Z]{5,}/.test(name)) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s(./-])(\p{L})/gu, (_m, p: string, ch: string) => p + ch.toUpperCase());
}

/** Lower case, letters and digits only, single spaces: what name search compares against. */
export function searchForm(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const FILES: { file: string; level: RegionLevel; parent: string | null }[] = [
  { file: 'provinces.csv', level: 'province', parent: null },
  { file: 'regencies.csv', level: 'regency', parent: 'province_code' },
  { file: 'districts.csv', level: 'district', parent: 'regency_code' },
  { file: 'villages.csv', level: 'village', parent: 'district_code' },
];

/**
 * Loads every level into `regions` with one prepared statement (the caller holds the transaction). Returns
 * the number of rows per level.
 */
export function loadRegions(raw: RawDb, dir = regionDataDir()): Record<RegionLevel, number> {
  const insert = raw.prepare(
    `INSERT INTO regions (code, parent_code, level, name, display_name, search_name)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const counts = { province: 0, regency: 0, district: 0, village: 0 } as Record<RegionLevel, number>;
  for (const f of FILES) {
    // RFC 4180 (names such as `"Lubuk Pakam I,II"` and `"Soka""an"` are quoted); strict: a malformed file
    // fails the migration instead of loading a shifted column
    const rows = parse(readFileSync(path.join(dir, f.file), 'utf8'), {
      bom: true,
      skip_empty_lines: true,
      columns: (header: string[]) => {
        if (!header.includes('code') || !header.includes('name') || (f.parent && !header.includes(f.parent)))
          throw new Error(`${f.file}: unexpected header ${header.join(',')}`);
        return header;
      },
    }) as Record<string, string>[];
    for (const row of rows) {
      const code = row.code;
      if (!code) continue;
      const display = displayRegionName(row.name ?? '');
      insert.run(
        code,
        f.parent ? row[f.parent]! : null,
        f.level,
        row.name ?? '',
        display,
        searchForm(display),
      );
      counts[f.level]++;
    }
  }
  return counts;
}
