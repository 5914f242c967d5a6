import { describe, expect, it } from 'vitest';
import { rawOf } from '../../../electron/app/context';
import { type TestApp } from '../../fixtures/app';
import { testAppForEach } from '../../fixtures/app-hooks';
import { insertBusiness } from '../letters/fixtures';
import { daysFromRange } from '../../../shared/schemas/activity';
import type { EnrolResult } from '../../../shared/schemas/activity';
import type { InputOf } from '../../../shared/ipc/contract';

const PELATIHAN = {
  type: 'pelatihan',
  title: 'Pelatihan Pengemasan Keripik',
  organiser: 'disperindag',
  funding: 'dbhcht',
  batch: 'Gelombang II',
  venue: 'Pendopo Kecamatan Kalisat',
  quota: 3,
  days: ['2026-03-12', '2026-03-10', '2026-03-17'],
} satisfies InputOf<'activity:create'>;

/** The enrolment's participant, failing the test when the enrolment was held back by a warning. */
function enrolled(r: EnrolResult): Extract<EnrolResult, { enrolled: true }> {
  if (!r.enrolled) throw new Error(`not enrolled: ${JSON.stringify(r.warnings)}`);
  return r;
}

type Fail = Error & { envelope: { code: string; message: string; fields?: Record<string, string> } };
async function fails(p: Promise<unknown>): Promise<Fail['envelope']> {
  try {
    await p;
  } catch (e) {
    return (e as Fail).envelope;
  }
  throw new Error('expected a failure');
}

describe('activities', () => {
  let app: TestApp;
  testAppForEach((made) => (app = made), { now: () => new Date(2026, 2, 9, 9, 0) });
  const count = (table: string) =>
    rawOf(app.ctx).prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  /** Enrols a business's owner without confirming any warning; answers the participant (fails if held back). */
  const enrolOwner = async (activityId: number, businessId: number, attendeeName = 'Sri Wahyuni') =>
    enrolled(
      await app.call('activity:enrol', { activityId, businessId, attendeeName, attendeeRole: 'pemilik' }),
    ).participant;
  /** Updates Sri Wahyuni's participation (`p` at its version) with `changes`. */
  const updateSri = (
    p: { id: number; version: number },
    changes: Partial<InputOf<'activity:participantUpdate'>>,
  ) =>
    app.call('activity:participantUpdate', {
      id: p.id,
      version: p.version,
      attendeeName: 'Sri Wahyuni',
      attendeeRole: 'pemilik',
      ...changes,
    });

  it('creates an activity with non-consecutive days (sorted) and audits it', async () => {
    const a = await app.call('activity:create', PELATIHAN);
    expect(a.days.map((d) => d.day)).toEqual(['2026-03-10', '2026-03-12', '2026-03-17']);
    expect(a.firstDay).toBe('2026-03-10');
    expect(a.lastDay).toBe('2026-03-17');
    expect(a.funding).toBe('dbhcht');
    const audit = rawOf(app.ctx)
      .prepare(`SELECT action, user_name, after_json FROM audit_log WHERE table_name = 'activities'`)
      .all() as { action: string; user_name: string; after_json: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('create');
    expect(audit[0]!.user_name).toBe('siti');
    expect(JSON.parse(audit[0]!.after_json).days).toEqual(['2026-03-10', '2026-03-12', '2026-03-17']);
  });

  it('refuses bad days and a missing "lainnya" text with Indonesian field keys; nothing saved', async () => {
    for (const [days, key] of [
      [[], 'validation.activities.daysRequired'],
      [['2026-02-30'], 'validation.date'],
      [['2026-03-10', '2026-03-10'], 'validation.activities.dayTwice'],
    ] as const) {
      const e = await fails(app.call('activity:create', { ...PELATIHAN, days: [...days] }));
      expect(e.code).toBe('VALIDATION');
      expect(Object.values(e.fields!)).toContain(key);
    }
    const e = await fails(app.call('activity:create', { ...PELATIHAN, funding: 'lainnya' }));
    expect(e.fields).toEqual({ fundingOther: 'validation.activities.otherRequired' });
    expect(count('activities')).toBe(0);
    expect(count('activity_days')).toBe(0);
  });

  it('a range ending before it starts is refused beside the "to" field; a good range expands', () => {
    expect(daysFromRange('2026-03-12', '2026-03-10')).toEqual({
      ok: false,
      field: 'to',
      error: 'validation.activities.rangeReversed',
    });
    expect(daysFromRange('2026-02-27', '2026-03-02')).toEqual({
      ok: true,
      days: ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'],
    });
    expect(daysFromRange('2026-01-01', '2026-03-01')).toMatchObject({
      error: 'validation.activities.rangeTooLong',
    });
    expect(daysFromRange('2026-13-01', '2026-03-01')).toMatchObject({
      field: 'from',
      error: 'validation.date',
    });
  });

  it('enrolment warns (archived, not active, already enrolled, quota full) and saves only when confirmed', async () => {
    const a = await app.call('activity:create', PELATIHAN);
    const ok = insertBusiness(app, { name: 'Keripik Tempe Bu Sri' });
    const archived = insertBusiness(app, { name: 'Tape Singkong Pak Man' });
    const closed = insertBusiness(app, { name: 'Batik Kalisat' });
    const raw = rawOf(app.ctx);
    raw.prepare(`UPDATE businesses SET archived_at = '2026-03-01' WHERE id = ?`).run(archived);
    raw.prepare(`UPDATE businesses SET status = 'tutup' WHERE id = ?`).run(closed);
    const enrol = (businessId: number, confirm = false, attendeeName = 'Sri Wahyuni') =>
      app.call('activity:enrol', {
        activityId: a.id,
        businessId,
        attendeeName,
        attendeeRole: 'pemilik',
        confirm,
      });
    expect(await enrol(ok)).toMatchObject({ enrolled: true, warnings: [] });
    const w1 = await enrol(archived);
    expect(w1).toEqual({ enrolled: false, warnings: [{ code: 'archived' }] });
    expect(count('activity_participants')).toBe(1);
    expect((await enrol(archived, true)).enrolled).toBe(true);
    expect(await enrol(closed)).toEqual({
      enrolled: false,
      warnings: [{ code: 'notActive', status: 'tutup' }],
    });
    expect(await enrol(ok, false, 'Rina (pekerja)')).toEqual({
      enrolled: false,
      warnings: [{ code: 'alreadyEnrolled', attendeeName: 'Sri Wahyuni' }],
    });
    expect((await enrol(closed, true)).enrolled).toBe(true);
    // quota 3 reached
    const fourth = insertBusiness(app, { name: 'Kopi Kalisat' });
    expect(await enrol(fourth)).toEqual({
      enrolled: false,
      warnings: [{ code: 'quotaFull', quota: 3, count: 3 }],
    });
    expect(count('activity_participants')).toBe(3);
    const reasons = raw
      .prepare(`SELECT reason FROM audit_log WHERE table_name = 'activity_participants' ORDER BY id`)
      .pluck()
      .all();
    expect(reasons).toEqual([null, 'confirmed: archived', 'confirmed: notActive']);
  });

  it('saves a day of attendance for the whole list in one transaction; a day outside the activity saves nothing', async () => {
    const a = await app.call('activity:create', { ...PELATIHAN, quota: null });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const b = insertBusiness(app, { name: `Usaha ${i}` });
      const r = await app.call('activity:enrol', {
        activityId: a.id,
        businessId: b,
        attendeeName: `Peserta ${i}`,
        attendeeRole: 'pemilik',
      });
      if (r.enrolled) ids.push(r.participant.id);
    }
    const marks = ids.map((participantId, i) => ({
      participantId,
      status: (['hadir', 'hadir', 'izin', 'sakit', 'alpa'] as const)[i]!,
    }));
    const d = await app.call('activity:attendanceSave', {
      activityId: a.id,
      day: '2026-03-12',
      marks,
    });
    const dayId = d.days.find((x) => x.day === '2026-03-12')!.id;
    expect(d.days.find((x) => x.day === '2026-03-12')!.marked).toBe(5);
    expect(d.participants.map((p) => p.attendance[dayId])).toEqual([
      'hadir',
      'hadir',
      'izin',
      'sakit',
      'alpa',
    ]);

    // a day that is not one of the activity's days
    const e = await fails(
      app.call('activity:attendanceSave', { activityId: a.id, day: '2026-03-11', marks }),
    );
    expect(e).toMatchObject({ code: 'VALIDATION', message: 'activities.errors.dayOutside' });
    expect(e.fields).toEqual({ day: 'activities.errors.dayOutside' });
    // a mark for someone who is not a participant: nothing of the day is saved, not even the good marks
    const other = await app.call('activity:create', { ...PELATIHAN, quota: null });
    const ob = insertBusiness(app);
    const stranger = await enrolOwner(other.id, ob, 'X');
    const before = count('activity_attendance');
    const e2 = await fails(
      app.call('activity:attendanceSave', {
        activityId: a.id,
        day: '2026-03-17',
        marks: [...marks, { participantId: stranger.id, status: 'hadir' }],
      }),
    );
    expect(e2.fields).toEqual({ 'marks.5': 'activities.errors.notParticipant' });
    expect(count('activity_attendance')).toBe(before);

    // saving again changes only what changed; the audit row holds before and after
    await app.call('activity:attendanceSave', {
      activityId: a.id,
      day: '2026-03-12',
      marks: marks.map((m, i) => (i === 4 ? { ...m, status: 'hadir' } : m)),
    });
    const last = rawOf(app.ctx)
      .prepare(`SELECT before_json, after_json FROM audit_log WHERE action = 'attendance' ORDER BY id DESC`)
      .get() as { before_json: string; after_json: string };
    expect(JSON.parse(last.before_json)).toEqual({ day: '2026-03-12', marks: { [ids[4]!]: 'alpa' } });
    expect(JSON.parse(last.after_json)).toEqual({ day: '2026-03-12', marks: { [ids[4]!]: 'hadir' } });

    // a day holding attendance cannot be removed by an edit
    const cur = await app.call('activity:get', { id: a.id });
    const e3 = await fails(
      app.call('activity:update', {
        ...PELATIHAN,
        quota: null,
        id: a.id,
        version: cur.version,
        days: ['2026-03-10', '2026-03-17'],
      }),
    );
    expect(e3).toMatchObject({ code: 'VALIDATION', message: 'activities.errors.dayHasAttendance' });
    const moved = await app.call('activity:update', {
      ...PELATIHAN,
      quota: null,
      id: a.id,
      version: cur.version,
      days: ['2026-03-12', '2026-03-18', '2026-03-17'],
    });
    expect(moved.days.map((x) => x.day)).toEqual(['2026-03-12', '2026-03-17', '2026-03-18']);
    expect(moved.version).toBe(cur.version + 1);
  });

  it('the business list filters by "took part in activity Y"; a withdrawn participant leaves it (issue 8 item 6)', async () => {
    const a = await app.call('activity:create', PELATIHAN);
    const other = await app.call('activity:create', { ...PELATIHAN, title: 'Magang Batik' });
    const [b1, b2, b3] = [insertBusiness(app), insertBusiness(app), insertBusiness(app)];
    const enrol = (activityId: number, businessId: number) => enrolOwner(activityId, businessId, 'Peserta');
    await enrol(a.id, b1);
    const p2 = await enrol(a.id, b2);
    await enrol(other.id, b3);
    const ids = async (activity: number) =>
      (await app.call('business:list', { activity, sort: 'registrationNumber' })).items
        .map((r) => r.id)
        .sort((x, y) => x - y);
    expect(await ids(a.id)).toEqual([b1, b2]);
    expect(await ids(other.id)).toEqual([b3]);
    const page = await app.call('business:list', { activity: a.id });
    expect(page.total).toBe(2);
    await app.call('activity:participantWithdraw', { id: p2.id, reason: 'mengundurkan diri' });
    expect(await ids(a.id)).toEqual([b1]);
    const bad = await fails(app.callRaw('business:list', { activity: 'pelatihan' }));
    expect(bad.code).toBe('VALIDATION');
  });

  it('records outcomes (certificate, equipment in plain Rupiah), withdraws, and shows the business timeline', async () => {
    const a = await app.call('activity:create', { ...PELATIHAN, type: 'bantuan_alat' });
    const b = insertBusiness(app);
    const p = await enrolOwner(a.id, b);
    await app.call('activity:attendanceSave', {
      activityId: a.id,
      day: '2026-03-10',
      marks: [{ participantId: p.id, status: 'hadir' }],
    });
    const bad = await fails(
      updateSri(p, {
        equipmentValue: '12,5 juta',
      }),
    );
    expect(bad.fields).toMatchObject({ equipmentValue: 'validation.activities.rupiah' });
    const noPermit = await fails(
      updateSri(p, {
        permitId: 999,
      }),
    );
    expect(noPermit.fields).toEqual({ permitId: 'activities.errors.permitNotFound' });
    const d = await updateSri(p, {
      certificateNumber: '565/DISPERINDAG/III/2026',
      equipment: 'Mesin spinner peniris minyak',
      equipmentValue: 'Rp 12.500.000',
    });
    expect(d.participants[0]).toMatchObject({
      certificateNumber: '565/DISPERINDAG/III/2026',
      equipmentValue: 12_500_000,
      version: 2,
    });
    const tl = await app.call('activity:forBusiness', { businessId: b });
    expect(tl).toHaveLength(1);
    expect(tl[0]).toMatchObject({
      title: PELATIHAN.title,
      present: 1,
      dayCount: 3,
      certificateNumber: '565/DISPERINDAG/III/2026',
      equipmentValue: 12_500_000,
      withdrawn: false,
    });
    const w = await app.call('activity:participantWithdraw', {
      id: p.id,
      reason: 'mengundurkan diri',
    });
    expect(w.participants[0]!.archivedAt).not.toBeNull();
    expect(w.participantCount).toBe(0);
    expect(count('activity_participants')).toBe(1);
    const arch = await app.call('activity:archive', { id: a.id, reason: 'selesai' });
    expect(arch.archivedAt).not.toBeNull();
    expect(await app.call('activity:list', {})).toHaveLength(0);
    expect(await app.call('activity:list', { includeArchived: true })).toHaveLength(1);
    const e = await fails(
      app.call('activity:enrol', {
        activityId: a.id,
        businessId: b,
        attendeeName: 'X',
        attendeeRole: 'pemilik',
      }),
    );
    expect(e).toMatchObject({ code: 'CONFLICT', message: 'activities.errors.archived' });
    const actions = rawOf(app.ctx)
      .prepare(`SELECT action FROM audit_log WHERE table_name LIKE 'activit%' ORDER BY id`)
      .pluck()
      .all();
    expect(actions).toEqual(['create', 'enrol', 'attendance', 'update', 'withdraw', 'archive']);
  });
  it('labels a linkable permit by its type and number, and refuses another business\u2019s permit', async () => {
    const types = await app.call('permit:types');
    const typeId = (code: string) => types.find((t) => t.code === code)!.id;
    const b = insertBusiness(app);
    const other = insertBusiness(app, { name: 'Batik Tulis Bu Ani' });
    const nib = await app.call('permit:create', {
      businessId: b,
      typeId: typeId('nib'),
      number: '9120001234567',
      issueDate: '2024-05-02',
      whileOperating: true,
    });
    const foreign = await app.call('permit:create', {
      businessId: other,
      typeId: typeId('nib'),
      number: '9120001234568',
      issueDate: '2024-05-02',
      whileOperating: true,
    });
    expect(await app.call('activity:permitOptions', { businessId: b })).toEqual([
      { id: nib.id, label: 'NIB 9120001234567' },
    ]);
    const a = await app.call('activity:create', PELATIHAN);
    const p = await enrolOwner(a.id, b);
    const refused = await fails(
      updateSri(p, {
        permitId: foreign.id,
      }),
    );
    expect(refused.fields).toEqual({ permitId: 'activities.errors.permitNotFound' });
    const d = await updateSri(p, {
      permitId: nib.id,
    });
    expect(d.participants[0]).toMatchObject({ permitId: nib.id, permitLabel: 'NIB 9120001234567' });
  });
});
