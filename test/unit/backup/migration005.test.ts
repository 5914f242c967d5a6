import { describe, expect, it } from 'vitest';
import { memoryDatabaseAt, migrateKeepingSri } from '../../fixtures/migration-db';

describe('migration 005 (backup_runs)', () => {
  it('migrates a version-4 database holding real rows and keeps them', async () => {
    const raw = await memoryDatabaseAt(4, { foreignKeys: false });
    expect(raw.pragma('user_version', { simple: true })).toBe(4);
    await migrateKeepingSri(raw, 5);
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
