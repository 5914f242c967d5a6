import { rawOf } from '../electron/app/context';
import type { TestApp } from '../test/fixtures/app';

/** Registered businesses with every column a letter prints, inserted in one transaction. */
export function insertBusinesses(app: TestApp, n: number, date: string): number[] {
  const raw = rawOf(app.ctx);
  const now = new Date().toISOString();
  const owner = raw.prepare(
    `INSERT INTO owners (uuid, nik, name, sex, birth_date, birth_place, address_street, rt, rw, village_name, created_at, updated_at)
     VALUES (?, ?, ?, 'P', '1980-05-04', 'Jember', 'Dusun Krajan', '002', '005', 'Kalisat', ?, ?)`,
  );
  const biz = raw.prepare(
    `INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name, status,
       products, kbli_code, kbli_version, address_street, rt, rw, year_started, workers_male, workers_female,
       investment, capital, annual_turnover, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'Kalisat', 'aktif', 'Keripik tempe, rempeyek kacang', '10794', '2020', 'Dusun Krajan',
       '002', '005', 2015, 2, 4, 150000000, 120000000, 300000000, ?, ?)`,
  );
  const ids: number[] = [];
  raw.transaction(() => {
    for (let i = 0; i < n; i++) {
      const o = owner.run(
        `bo-${i}`,
        `35092744058${String(i).padStart(5, '0')}`,
        `Pemilik Usaha ${i + 1}`,
        now,
        now,
      );
      const b = biz.run(
        `bb-${i}`,
        `IKM-350927-2026-${String(i + 1).padStart(5, '0')}`,
        date,
        `Usaha Keripik Nomor ${i + 1}`,
        o.lastInsertRowid,
        now,
        now,
      );
      ids.push(Number(b.lastInsertRowid));
    }
  })();
  return ids;
}
