import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { migrations } from '../../../db/migrations/index';

describe('migration 005 (backup_runs)', () => {
  it('migrates a version-4 database holding real rows and keeps them', async () => {
    const raw = new Database(':memory:');
    const upTo4 = migrations.filter((m) => m.version <= 4);
    await migrate(raw, { migrations: upTo4 });
    expect(raw.pragma('user_version', { simple: true })).toBe(4);
    raw
      .prepare(
        `INSERT INTO owners (uuid, name, created_at, updated_at) VALUES ('o1', 'Sri Wahyuni', '2026-01-02', '2026-01-02')`,
      )
      .run();
    raw
      .prepare(
        `INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name, created_at, updated_at)
         VALUES ('b1', 'IKM-350927-2026-00001', '2026-01-02', 'Keripik Tempe Bu Sri', 1, 'Ajung', '2026-01-02', '2026-01-02')`,
      )
      .run();
    await migrate(raw, { migrations: migrations.filter((m) => m.version <= 5) });
    expect(raw.pragma('user_version', { simple: true })).toBe(5);
    expect((raw.prepare('SELECT name FROM businesses').get() as { name: string }).name).toBe(
      'Keripik Tempe Bu Sri',
    );
    raw
      .prepare(
        `INSERT INTO backup_runs (uuid, kind, status, started_at, finished_at) VALUES ('r1', 'usb', 'ok', '2026-01-02', '2026-01-02')`,
      )
      .run();
    expect(() =>
      raw
        .prepare(
          `INSERT INTO backup_runs (uuid, kind, status, started_at, finished_at) VALUES ('r2', 'floppy', 'ok', '2026-01-02', '2026-01-02')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    raw.close();
  });
});
