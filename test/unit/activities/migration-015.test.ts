import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { migrations } from '../../../db/migrations/index';

/** Migration 015: a participant's "permit obtained afterwards" must be a permit of that same business. */
describe('migration 015 (participant permit key)', () => {
  async function previous() {
    const raw = new Database(':memory:');
    raw.pragma('foreign_keys = ON');
    await migrate(raw, { migrations: migrations.filter((m) => m.version < 15) });
    raw
      .prepare(`INSERT INTO owners (uuid, name, created_at, updated_at) VALUES ('o1', 'Sri', 'now', 'now')`)
      .run();
    const biz = raw.prepare(
      `INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name, village_code, kbli_code, created_at, updated_at)
       VALUES (?, ?, '2026-01-02', ?, 1, 'Ajung', '35.09.27.2001', '10794', 'now', 'now')`,
    );
    biz.run('b1', 'IKM-350927-2026-00001', 'Keripik Tempe');
    biz.run('b2', 'IKM-350927-2026-00002', 'Batik Tulis');
    const pirt = raw.prepare(`SELECT id FROM permit_types WHERE code = 'pirt'`).pluck().get() as number;
    const permit = raw.prepare(
      `INSERT INTO permits (uuid, business_id, type_id, number, issue_date, valid_until, created_at, updated_at)
       VALUES (?, ?, ?, ?, '2022-03-12', '2027-03-12', 'now', 'now')`,
    );
    permit.run('q1', 1, pirt, '2063509010123-27'); // id 1, business 1
    permit.run('q2', 2, pirt, '2063509010124-27'); // id 2, business 2
    raw
      .prepare(
        `INSERT INTO activities (uuid, type, title, organiser, funding, created_at, updated_at)
         VALUES ('a1', 'pelatihan', 'Pelatihan', 'disperindag', 'dbhcht', 'now', 'now')`,
      )
      .run();
    raw.prepare(`INSERT INTO activity_days (activity_id, day) VALUES (1, '2026-03-10')`).run();
    const part = raw.prepare(
      `INSERT INTO activity_participants (uuid, activity_id, business_id, attendee_name, attendee_role, permit_id, outcome_notes, created_at, updated_at)
       VALUES (?, 1, 1, 'Sri', 'pemilik', ?, ?, 'now', 'now')`,
    );
    part.run('p1', 1, null); // its own permit: kept
    part.run('p2', 2, 'Sertifikat menyusul'); // another business's permit: cleared, noted
    part.run('p3', 99, null); // no such permit: cleared, noted
    raw.prepare(`INSERT INTO activity_attendance VALUES (1, 1, 'hadir', 'now')`).run();
    return raw;
  }

  it('before it, a participant can point at another business’s permit or at nothing', async () => {
    const raw = await previous();
    expect(raw.prepare('SELECT permit_id FROM activity_participants ORDER BY id').pluck().all()).toEqual([
      1, 2, 99,
    ]);
  });

  it('keeps every participant and mark, clears broken links into the notes, and then holds the rule', async () => {
    const raw = await previous();
    await migrate(raw, { migrations });
    expect(raw.pragma('user_version', { simple: true })).toBe(migrations[migrations.length - 1]!.version);
    const rows = raw
      .prepare('SELECT uuid, permit_id, outcome_notes FROM activity_participants ORDER BY id')
      .all();
    expect(rows).toEqual([
      { uuid: 'p1', permit_id: 1, outcome_notes: null },
      {
        uuid: 'p2',
        permit_id: null,
        outcome_notes: 'Sertifikat menyusul [Tautan izin #2 dilepas: izin tidak ditemukan pada usaha ini]',
      },
      {
        uuid: 'p3',
        permit_id: null,
        outcome_notes: '[Tautan izin #99 dilepas: izin tidak ditemukan pada usaha ini]',
      },
    ]);
    expect(raw.prepare('SELECT count(*) FROM activity_attendance').pluck().get()).toBe(1);
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    const indexes = raw
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'activity_participants'`)
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining([
        'activity_participants_activity',
        'activity_participants_business',
        'activity_participants_permit',
      ]),
    );

    // another business's permit, or none at all, is refused by the database itself
    expect(() => raw.prepare('UPDATE activity_participants SET permit_id = 2 WHERE id = 1').run()).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => raw.prepare('UPDATE activity_participants SET permit_id = 42 WHERE id = 1').run()).toThrow(
      /FOREIGN KEY/,
    );
    // attendance still points at the rebuilt table
    expect(() => raw.prepare(`INSERT INTO activity_attendance VALUES (77, 1, 'hadir', 'now')`).run()).toThrow(
      /FOREIGN KEY/,
    );
    // a merge moves the permit and the participant in one transaction: the key is checked at commit
    raw.transaction(() => {
      raw.prepare('UPDATE activity_participants SET business_id = 2 WHERE id = 1').run();
      raw.prepare('UPDATE permits SET business_id = 2 WHERE id = 1').run();
    })();
    expect(
      raw.prepare('SELECT business_id, permit_id FROM activity_participants WHERE id = 1').get(),
    ).toEqual({
      business_id: 2,
      permit_id: 1,
    });
    // …and a transaction that leaves the pair broken is rolled back whole
    expect(() =>
      raw.transaction(() => {
        raw.prepare('UPDATE activity_participants SET business_id = 1 WHERE id = 1').run();
      })(),
    ).toThrow(/FOREIGN KEY/);
    expect(raw.prepare('SELECT business_id FROM activity_participants WHERE id = 1').pluck().get()).toBe(2);
  });
});
