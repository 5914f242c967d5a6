import type { TestApp } from '../../fixtures/app';
import { rawOf } from '../../../electron/app/context';

let n = 0;

/**
 * Inserts a registered business with its owner straight into the real database (the registry's own forms
 * are tested by the registry); the letter reads every column it prints.
 */
export function insertBusiness(
  app: TestApp,
  o: { name?: string; owner?: string; nik?: string | null; date?: string; village?: string } = {},
): number {
  const raw = rawOf(app.ctx);
  n++;
  const now = new Date().toISOString();
  const owner = raw
    .prepare(
      `INSERT INTO owners (uuid, nik, name, sex, birth_date, birth_place, address_street, rt, rw, village_name, created_at, updated_at)
       VALUES (?, ?, ?, 'P', '1980-05-04', 'Jember', 'Dusun Krajan', '002', '005', ?, ?, ?)`,
    )
    .run(
      `owner-${n}-${Math.random()}`,
      o.nik === undefined ? '3509274405800003' : o.nik,
      o.owner ?? 'Sri Wahyuni',
      o.village ?? 'Kalisat',
      now,
      now,
    );
  const date = o.date ?? '2026-03-10';
  const b = raw
    .prepare(
      `INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name, status,
         products, kbli_code, kbli_version, address_street, rt, rw, year_started, workers_male, workers_female,
         investment, capital, annual_turnover, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'aktif', 'Keripik tempe, rempeyek kacang', '10794', '2020', 'Dusun Krajan', '002', '005',
         2015, 2, 4, 150000000, 120000000, 300000000, ?, ?)`,
    )
    .run(
      `biz-${n}-${Math.random()}`,
      `IKM-350927-${date.slice(0, 4)}-${String(n).padStart(5, '0')}`,
      date,
      o.name ?? 'Keripik Tempe Bu Sri',
      owner.lastInsertRowid,
      o.village ?? 'Kalisat',
      now,
      now,
    );
  return Number(b.lastInsertRowid);
}

/** Issues a letter for a business newly inserted with insertBusiness's defaults. */
export function issueLetter(app: TestApp, purpose: string, extra: { fullNik?: boolean } = {}) {
  return app.call('letter:issue', { businessId: insertBusiness(app), purpose, ...extra });
}
