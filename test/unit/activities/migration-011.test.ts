import { describe, expect, it } from 'vitest';
import { memoryDatabaseAt, migrateKeepingSri } from '../../fixtures/migration-db';

describe('migration 011 (activities)', () => {
  it('migrates a previous-version database holding real rows, keeps them, and guards what activities record', async () => {
    const raw = await memoryDatabaseAt(10);
    const prev = raw.pragma('user_version', { simple: true }) as number;
    expect(prev).toBeGreaterThanOrEqual(9);
    await migrateKeepingSri(raw, 11);

    const a = raw
      .prepare(
        `INSERT INTO activities (uuid, type, title, organiser, funding, created_at, updated_at)
         VALUES ('a1', 'pelatihan', 'Pelatihan', 'disperindag', 'dbhcht', 'now', 'now')`,
      )
      .run().lastInsertRowid;
    expect(raw.prepare('SELECT version FROM activities').pluck().get()).toBe(1);
    const day = raw
      .prepare(`INSERT INTO activity_days (activity_id, day) VALUES (?, '2026-03-10')`)
      .run(a).lastInsertRowid;
    expect(() =>
      raw.prepare(`INSERT INTO activity_days (activity_id, day) VALUES (?, '2026-03-10')`).run(a),
    ).toThrow(/UNIQUE/);
    expect(() =>
      raw.prepare(`INSERT INTO activity_days (activity_id, day) VALUES (?, '10/03/2026')`).run(a),
    ).toThrow(/CHECK/);
    const p = raw
      .prepare(
        `INSERT INTO activity_participants (uuid, activity_id, business_id, attendee_name, attendee_role, created_at, updated_at)
         VALUES ('p1', ?, 1, 'Sri', 'pemilik', 'now', 'now')`,
      )
      .run(a).lastInsertRowid;
    expect(() =>
      raw
        .prepare(
          `INSERT INTO activity_participants (uuid, activity_id, business_id, attendee_name, attendee_role, created_at, updated_at)
           VALUES ('p2', ?, 99, 'X', 'pemilik', 'now', 'now')`,
        )
        .run(a),
    ).toThrow(/FOREIGN KEY/);
    raw.prepare(`INSERT INTO activity_attendance VALUES (?, ?, 'hadir', 'now')`).run(p, day);
    expect(() => raw.prepare(`UPDATE activity_attendance SET status = 'telat'`).run()).toThrow(/CHECK/);
    expect(() => raw.prepare(`UPDATE activities SET funding = 'hibah'`).run()).toThrow(/CHECK/);
    expect(() => raw.prepare(`UPDATE activity_participants SET equipment_value = -1`).run()).toThrow(/CHECK/);
    raw.close();
  });
});
