import { describe, expect, it } from 'vitest';
import { memoryDatabaseAt, migrateKeepingSri } from '../../fixtures/migration-db';

describe('migration 009 (imports)', () => {
  it('migrates a version-8 database holding real rows, keeps them, and guards what an import records', async () => {
    const raw = await memoryDatabaseAt(8);
    expect(raw.pragma('user_version', { simple: true })).toBe(8);
    await migrateKeepingSri(raw, 9);

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
