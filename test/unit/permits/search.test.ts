import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusinessListPage } from '../../../shared/schemas/business-search';
import { makeTestApp, type TestApp } from '../../fixtures/app';
import { insertBusiness } from '../letters/fixtures';

/** The business list's permit filter and the search by permit number (issue 8 item 6). */
describe('business list and search with permits', () => {
  let app: TestApp;
  let ids: number[];
  beforeAll(async () => {
    app = await makeTestApp({ now: () => new Date(2026, 11, 2, 9, 30) });
    const types = await app.call('permit:types');
    const type = (c: string) => types.find((t) => t.code === c)!.id;
    ids = ['Keripik Tempe Bu Sri', 'Kopi Bubuk Pak Joyo', 'Batik Tulis Bu Tin'].map((name) =>
      insertBusiness(app, { name }),
    );
    await app.call('permit:create', {
      businessId: ids[0]!,
      typeId: type('nib'),
      number: '9120001234567',
      whileOperating: true,
    });
    await app.call('permit:create', {
      businessId: ids[0]!,
      typeId: type('pirt'),
      number: '2063509010123-27',
      validUntil: '2027-03-12',
    });
    await app.call('permit:create', {
      businessId: ids[1]!,
      typeId: type('halal'),
      number: 'ID35110000123456789',
    });
    await app.call('permit:create', { businessId: ids[1]!, typeId: type('bpom'), number: 'MD 123456789012' });
  });
  afterAll(async () => {
    await app.cleanup();
  });
  const list = (input: object) => app.call('business:list', input);
  const names = (p: BusinessListPage) => p.items.map((i) => i.name).sort();

  it('filters by "has permit type X" and "has none"', async () => {
    const types = await app.call('permit:types');
    const pirt = types.find((t) => t.code === 'pirt')!.id;
    expect(names(await list({ permit: pirt }))).toEqual(['Keripik Tempe Bu Sri']);
    expect(names(await list({ permit: 'none' }))).toEqual(['Batik Tulis Bu Tin']);
    expect((await list({ permit: 'none' })).total).toBe(1);
  });

  it('finds a business by a permit number, typed as on the certificate', async () => {
    expect(names(await list({ query: '9120001234567' }))).toEqual(['Keripik Tempe Bu Sri']);
    expect(names(await list({ query: 'P-IRT 2063509010123-27'.replace('P-IRT ', '') }))).toEqual([
      'Keripik Tempe Bu Sri',
    ]);
    expect(names(await list({ query: 'ID35110000123456789' }))).toEqual(['Kopi Bubuk Pak Joyo']);
    expect(names(await list({ query: 'MD 123456789012' }))).toEqual(['Kopi Bubuk Pak Joyo']);
    expect(names(await list({ query: '912000123' }))).toEqual(['Keripik Tempe Bu Sri']);
  });
});
