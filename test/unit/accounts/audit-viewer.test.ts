import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, TEST_SETUP, type TestApp } from '../../fixtures/app';
import { changesOf, csvCell } from '../../../electron/services/audit-viewer';

let app: TestApp;
beforeAll(async () => {
  app = await makeTestApp({ now: () => new Date('2026-03-12T03:00:00Z') });
  await app
    .call('user:create', {
      username: '=cmd',
      fullName: '=HYPERLINK("http://x")',
      role: 'viewer',
      password: 'sandi-kalisat-1',
      passwordConfirm: 'sandi-kalisat-1',
    })
    .catch(() => undefined); // refused: usernames are [a-z0-9._-]
  await app.call('user:create', {
    username: 'budi',
    fullName: '=HYPERLINK("http://x")',
    role: 'operator',
    password: 'sandi-kalisat-1',
    passwordConfirm: 'sandi-kalisat-1',
  });
  await app.dispatch('auth:login', { username: 'budi', password: 'salah-sekali' }, { user: null });
});
afterAll(() => app.cleanup());

describe('audit viewer', () => {
  it('lists who did what, newest first, with sign-ins and failed sign-ins, filterable', async () => {
    const all = await app.call('audit:list', {});
    expect(all.entries[0]).toMatchObject({ action: 'login_failed', userName: 'budi', table: 'users' });
    const signIns = await app.call('audit:list', { signInsOnly: true });
    expect(signIns.entries.map((e) => e.action)).toEqual(['login_failed']);
    const users = await app.call('user:list');
    const siti = users.find((u) => u.username === TEST_SETUP.admin.username)!;
    const bySiti = await app.call('audit:list', { userId: siti.id });
    expect(bySiti.entries.every((e) => e.userId === siti.id)).toBe(true);
    expect(bySiti.entries.map((e) => e.table)).toContain('office');
    const office = await app.call('audit:list', { table: 'office', recordId: 1 });
    expect(office.entries).toHaveLength(1);
    expect(office.entries[0]!.changes.find((c) => c.field === 'districtName')).toEqual({
      field: 'districtName',
      before: null,
      after: 'Kalisat',
    });
    // dates are office days (WIB): 12 March 2026 10:00 WIB is in the 12th, not the 11th
    expect((await app.call('audit:list', { from: '2026-03-12', to: '2026-03-12' })).entries.length).toBe(
      all.entries.length,
    );
    expect((await app.call('audit:list', { to: '2026-03-11' })).entries).toEqual([]);
    // paging
    const p1 = await app.call('audit:list', { limit: 2 });
    const p2 = await app.call('audit:list', { limit: 2, beforeId: p1.nextBeforeId });
    expect(p2.entries[0]!.id).toBeLessThan(p1.entries[1]!.id);
  });

  it('shows before and after field by field, NIK and phone masked', () => {
    expect(
      changesOf(
        JSON.stringify({ name: 'Keripik', ownerNik: '3509276508850002', same: 1 }),
        JSON.stringify({ name: 'Keripik Tempe', ownerNik: '3509276508850003', same: 1 }),
      ),
    ).toEqual([
      { field: 'name', before: 'Keripik', after: 'Keripik Tempe' },
      { field: 'ownerNik', before: '3509••••••••0002', after: '3509••••••••0003' },
    ]);
  });

  it('exports CSV a spreadsheet cannot run: formulas become text', async () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+62812')).toBe('"\'+62812"');
    expect(csvCell('-1')).toBe('"\'-1"');
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvCell('Siti, "Aminah"')).toBe('"Siti, ""Aminah"""');
    const x = await app.call('audit:export', {});
    expect(x.fileName).toMatch(/^audit-2026-03-12-03-00-00\.csv$/);
    expect(x.csv.startsWith('\uFEFF"id","waktu"')).toBe(true);
    expect(x.csv).toContain('"\'=HYPERLINK(""http://x"")"');
    expect(x.csv).not.toMatch(/(^|,)"=/m);
    expect(x.truncated).toBe(false);
  });
});
