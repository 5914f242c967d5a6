import { describe, expect, it } from 'vitest';
import { testAppsCleanedAfterEach } from '../fixtures/app-hooks';

const newApp = testAppsCleanedAfterEach();

describe('first slice through the dispatcher', () => {
  it('registers a business with the next number of the yearly sequence', async () => {
    const app = await newApp({ now: () => new Date(2026, 2, 12, 10, 0) });
    const a = await app.call('business:create', {
      name: 'Keripik Tempe Bu Sri',
      ownerName: 'Sri Wahyuni',
      ownerNik: '3509 2745 0885 0003',
      villageName: 'Ajung',
    });
    const b = await app.call('business:create', {
      name: 'Sambel Pecel Mbok Darmi',
      ownerName: 'Darmi',
      villageName: 'Kalisat',
    });
    expect(a.registrationNumber).toBe('IKM-350927-2026-00001');
    expect(b.registrationNumber).toBe('IKM-350927-2026-00002');
    const list = await app.call('business:list', {
      query: 'keripik',
    });
    expect(list.total).toBe(1);
    expect(list.items[0]!.ownerNikMasked).toBe('3509••••••••0003');
  });
});
