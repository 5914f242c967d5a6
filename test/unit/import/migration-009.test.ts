import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { migrations } from '../../../db/migrations/index';

describe('migration 009 (imports)', () => {
  it('migrates a version-8 database holding real rows, keeps them, and guards what an import records', async () => {
    const raw = new Database(':memory:');
    raw.pragma('foreign_keys = ON');
    await migrate(raw, { migrations: migrations.filter((m) => m.version <= 8) });
    expect(raw.pragma('user_version', { simple: true })).toBe(8);
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
    await migrate(raw, { migrations: migrations.filter((m) => m.version <= 9) });
    expect(raw.pragma('user_version', { simple: true })).toBe(9);
    expect(raw.prepare('SELECT name FROM businesses').pluck().get()).toBe('Keripik Tempe Bu Sri');

    const imp = raw
      .prepare(
        `INSERT INTO imports (uuid, file_name, status, rows_read, summary_json, mapping_json, started_at, created_at, updated_at)
         VALUES ('i1', 'data.xlsx', 'committed', 1, '{}', '{}', 'now', 'now', 'now')`,
      )
      .run().lastInsertRowid;
    raw
      .prepare(
        `INSERT INTO import_records (import_id, line, action, business_id, business_version) VALUES (?, 4, 'created', 1, 1)`,
      )
      .run(imp);
    expect(raw.prepare('SELECT kept_json FROM import_records').pluck().get()).toBe('[]');
    // what an import records refers to real rows, with the actions and statuses the code knows
    expect(() =>
      raw
        .prepare(
          `INSERT INTO import_records (import_id, line, action, business_id, business_version) VALUES (?, 5, 'created', 99, 1)`,
        )
        .run(imp),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      raw
        .prepare(
          `INSERT INTO import_records (import_id, line, action, business_id, business_version) VALUES (?, 5, 'deleted', 1, 1)`,
        )
        .run(imp),
    ).toThrow(/CHECK/);
    expect(() => raw.prepare(`UPDATE imports SET status = 'half-done' WHERE id = ?`).run(imp)).toThrow(
      /CHECK/,
    );
    raw
      .prepare(
        `INSERT INTO import_mappings (uuid, name, columns_json, options_json, created_at, updated_at)
         VALUES ('m1', 'Data Dinas', '{}', '{}', 'now', 'now')`,
      )
      .run();
    expect(() =>
      raw
        .prepare(
          `INSERT INTO import_mappings (uuid, name, columns_json, options_json, created_at, updated_at)
           VALUES ('m2', 'data dinas', '{}', '{}', 'now', 'now')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    raw.close();
  });
});
