import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseNip } from '../../shared/validators/nip';
import { zOptionalNip } from '../../shared/schemas/common';
import { officeProfileSchema } from '../../shared/schemas/office';
import { TEST_SETUP, type TestApp } from '../fixtures/app';
import { testAppForAll } from '../fixtures/app-hooks';
import { SETTINGS_KEY } from '../../electron/services/letters/settings';

const today = new Date(2026, 11, 2); // 2 December 2026

describe('NIP of the signer (issue 11 item 8)', () => {
  it('reads birth date, CPNS appointment, sex and serial', () => {
    expect(parseNip('19750101 200003 1 001', today)).toEqual({
      ok: true,
      info: { birthDate: '1975-01-01', appointment: '2000-03', sex: 'L', serial: '001' },
    });
    expect(parseNip('198208152009022003', today)).toMatchObject({ ok: true, info: { sex: 'P' } });
  });

  it('refuses 197513452000031001: month 13 in the birth date', () => {
    expect(parseNip('197513452000031001', today)).toEqual({ ok: false, error: 'birthDate' });
  });

  it.each([
    ['1975010120000310', 'length'],
    ['19750101200003100A', 'digits'],
    ['197502302000031001', 'birthDate'], // 30 February
    ['193912312000031001', 'birthDate'], // before 1940
    ['202612032026121001', 'birthDate'], // born tomorrow
    ['197501012000001001', 'appointment'], // month 00
    ['197501012000131001', 'appointment'], // month 13
    ['197506011993051001', 'appointment'], // May 1993: before the month of the 18th birthday (June 1993)
    ['197501012027011001', 'appointment'], // after this month
    ['197501012000030001', 'sex'],
    ['197501012000033001', 'sex'],
    ['197501012000031000', 'serial'],
  ])('refuses %s (%s)', (nip, error) => {
    expect(parseNip(nip, today)).toEqual({ ok: false, error });
  });

  it('accepts the edges: born 1 January 1940, appointed in the month of the 18th birthday, this month', () => {
    expect(parseNip('194001011960011001', today).ok).toBe(true);
    expect(parseNip('197506201993061001', today).ok).toBe(true); // 18 on 20 June 1993, TMT 1 June 1993
    expect(parseNip('200001012026121001', today).ok).toBe(true); // appointed December 2026
    expect(parseNip('197501012000032999', today).ok).toBe(true);
  });

  describe('in the schemas where a signer NIP is entered', () => {
    afterEach(() => vi.useRealTimers());
    it('office set-up and letter settings share one rule, with a message per digit group', () => {
      vi.useFakeTimers({ now: today, toFake: ['Date'] });
      const office = officeProfileSchema.safeParse({ ...TEST_SETUP.office, camatNip: '197513452000031001' });
      expect(office.success).toBe(false);
      expect(office.error?.issues).toMatchObject([
        { path: ['camatNip'], message: 'validation.nip.birthDate' },
      ]);
      expect(zOptionalNip.safeParse('197501012000031000').error?.issues[0]?.message).toBe(
        'validation.nip.serial',
      );
      expect(zOptionalNip.parse('19750101 200003 1 001')).toBe('197501012000031001');
      expect(zOptionalNip.parse('')).toBeNull();
      expect(zOptionalNip.parse(null)).toBeNull();
    });
  });
});

describe('NIP through the channels', () => {
  let app: TestApp;
  testAppForAll((made) => (app = made));

  it('letter settings refuse a signer NIP with an impossible birth date, on the field', async () => {
    const view = await app.call('letter:settingsGet');
    const bad = await app.dispatch('letter:settingsSave', {
      ...view.settings,
      signerMode: 'an',
      signerOffice: 'Sekretaris Kecamatan',
      signerName: 'Sri Wahyuni',
      signerNip: '197513452000031001',
    });
    expect(!bad.ok && bad.error.fields).toEqual({ signerNip: 'validation.nip.birthDate' });
  });

  it('settings stored before the NIP rule keep everything but the refused NIP', async () => {
    const view = await app.call('letter:settingsGet');
    const stored = { ...view.settings, tembusan: 'Bupati Jember\nArsip', signerNip: '197513452000031001' };
    app.ctx.opened.raw
      .prepare(
        `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 'x') ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .run(SETTINGS_KEY, JSON.stringify(stored));
    const read = await app.call('letter:settingsGet');
    expect(read.settings.tembusan).toBe('Bupati Jember\nArsip');
    expect(read.settings.signerNip).toBeNull();
  });
});
