import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../fixtures/app';
import { rawOf } from '../../../electron/app/context';
import { formatRegistrationNumber } from '../../../electron/services/business-record';
import { insertBusiness } from '../letters/fixtures';

/**
 * Issue 11 item 11: past 99,999 registrations in a year the sequence grows to six digits. The rule: never
 * refused, never reused, and search by the sequence finds the record whose whole sequence matches. Before the
 * fix, "42" also found IKM-…-100042 (the last five characters), and "100042" found nothing.
 */
describe('registration numbers past 99,999', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await makeTestApp({ now: () => new Date(2026, 2, 12, 9, 30) });
    const raw = rawOf(app.ctx);
    const set = raw.prepare('UPDATE businesses SET registration_number = ?, name = ? WHERE id = ?');
    for (const seq of [42, 99_999, 100_000, 100_042])
      set.run(formatRegistrationNumber('35.09.27', 2026, seq), `Usaha ${seq}`, insertBusiness(app));
    set.run(formatRegistrationNumber('35.09.27', 2025, 42), 'Usaha 2025-42', insertBusiness(app));
  });
  afterAll(async () => {
    await app.cleanup();
  });
  const names = async (q: string) =>
    (await app.call('business:list', { query: q })).items.map((i) => i.name).sort();

  it('the number grows to six digits at the edge', () => {
    expect(formatRegistrationNumber('35.09.27', 2026, 99_999)).toBe('IKM-350927-2026-99999');
    expect(formatRegistrationNumber('35.09.27', 2026, 100_000)).toBe('IKM-350927-2026-100000');
  });

  it('search by sequence matches the whole sequence, not its last five digits', async () => {
    expect(await names('42')).toEqual(['Usaha 2025-42', 'Usaha 42']);
    expect(await names('100042')).toEqual(['Usaha 100042']);
    expect(await names('2026-100042')).toEqual(['Usaha 100042']);
    expect(await names('2026-00042')).toEqual(['Usaha 42']);
    expect(await names('99999')).toEqual(['Usaha 99999']);
    expect(await names('100000')).toEqual(['Usaha 100000']);
    // "00000" is not a sequence anyone was given
    expect(await names('2026-00000')).toEqual([]);
  });
});
