import { describe, expect, it } from 'vitest';
import { memoryDatabaseAt, migrateTo } from '../../fixtures/migration-db';

describe('migration 013 (report counts)', () => {
  it('migrates a version-9 database holding real rows and counts its live businesses, not the archived', async () => {
    const raw = await memoryDatabaseAt(9);
    expect(raw.pragma('user_version', { simple: true })).toBe(9);
    raw
      .prepare(
        `INSERT INTO owners (uuid, name, nik, created_at, updated_at) VALUES ('o1', 'Sri Wahyuni', '3509274405800003', 'x', 'x')`,
      )
      .run();
    const biz = raw.prepare(
      `INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name, status, archived_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 1, 'Ajung', 'aktif', ?, 'x', 'x')`,
    );
    biz.run('b1', 'IKM-350927-2026-00001', '2026-01-02', 'Keripik Tempe Bu Sri', null);
    biz.run('b2', 'IKM-350927-2026-00002', '2026-01-09', 'Tahu Bu Sri', null);
    biz.run('b3', 'IKM-350927-2025-00001', '2025-05-09', 'Tempe Lama', '2026-01-01');
    await migrateTo(raw, 13);
    expect(raw.pragma('user_version', { simple: true })).toBe(13);
    expect(raw.prepare('SELECT count(*) FROM businesses').pluck().get()).toBe(3);
    const counts = raw
      .prepare(`SELECT dim, month, village, key, n FROM report_counts ORDER BY dim, month`)
      .all() as { dim: string; month: string; village: string; key: string; n: number }[];
    expect(counts.find((c) => c.dim === 'sex' && c.month !== '*')).toEqual({
      dim: 'sex',
      month: '2026-01',
      village: '~Ajung',
      key: 'P',
      n: 2,
    });
    expect(counts.filter((c) => c.dim === 'status')).toEqual([
      { dim: 'status', month: '*', village: '~Ajung', key: 'aktif', n: 2 },
      { dim: 'status', month: '2026-01', village: '~Ajung', key: 'aktif', n: 2 },
    ]);
    expect(new Set(counts.map((c) => c.dim))).toEqual(
      new Set(['village', 'kbli', 'industry', 'business', 'bps', 'status', 'sex', 'year']),
    );
  });
});
