import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { migrations } from '../../../db/migrations/index';

describe('migration 012 (accounts)', () => {
  it('migrates a version-9 database holding users and audit rows: users become admins, references kept', async () => {
    const raw = new Database(':memory:');
    raw.pragma('foreign_keys = ON');
    await migrate(raw, { migrations: migrations.filter((m) => m.version <= 9) });
    const addUser = raw.prepare(
      `INSERT INTO users (uuid, username, full_name, role, password_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'scrypt$x', '2026-01-02', '2026-01-02')`,
    );
    addUser.run('u1', 'siti', 'Siti Aminah', 'admin');
    addUser.run('u2', 'budi', 'Budi Santoso', 'operator');
    raw
      .prepare(
        `INSERT INTO audit_log (uuid, at, user_id, user_name, table_name, record_id, action)
         VALUES ('a1', '2026-01-02T08:00:00Z', 2, 'budi', 'users', 2, 'login')`,
      )
      .run();
    await migrate(raw, { migrations: migrations.filter((m) => m.version <= 12) });
    expect(raw.pragma('user_version', { simple: true })).toBe(12);
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    const users = raw
      .prepare('SELECT id, username, role, failed_attempts, locked_until FROM users ORDER BY id')
      .all();
    expect(users).toEqual([
      { id: 1, username: 'siti', role: 'admin', failed_attempts: 0, locked_until: null },
      { id: 2, username: 'budi', role: 'admin', failed_attempts: 0, locked_until: null },
    ]);
    // the audit row still points at its user, and the reference is still enforced
    expect(raw.prepare('SELECT user_id FROM audit_log').pluck().get()).toBe(2);
    expect(() =>
      raw
        .prepare(
          `INSERT INTO audit_log (uuid, at, user_id, table_name, action) VALUES ('a2', 'now', 99, 'users', 'x')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    // the viewer role exists now; unknown roles are still refused
    raw.prepare(`UPDATE users SET role = 'viewer' WHERE id = 2`).run();
    expect(() => raw.prepare(`UPDATE users SET role = 'camat' WHERE id = 2`).run()).toThrow(/CHECK/);
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    raw.close();
  });
});
