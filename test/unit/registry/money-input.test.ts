import { describe, expect, it } from 'vitest';
import { businessCreateSchema } from '../../../shared/schemas/business';

/**
 * Issue 11 item 9: money through the API accepts only plain Rupiah. Before the fix `1.5e9` had its dot removed
 * and was read as 15e9 = Rp15.000.000.000; "1,5" and "1.5" were read as 15.
 */
const base = {
  name: 'Keripik Tempe Bu Sri',
  ownerName: 'Sri Wahyuni',
  villageName: 'Kalisat',
};
const capital = (v: unknown) => {
  const r = businessCreateSchema.safeParse({ ...base, capital: v });
  return r.success
    ? { ok: true as const, value: r.data.capital }
    : {
        ok: false as const,
        messages: r.error.issues.filter((i) => i.path[0] === 'capital').map((i) => i.message),
      };
};

describe('money input: plain Rupiah only', () => {
  it('accepts digits, dot-grouped thousands and an Rp prefix', () => {
    expect(capital('150000000')).toEqual({ ok: true, value: 150_000_000 });
    expect(capital('150.000.000')).toEqual({ ok: true, value: 150_000_000 });
    expect(capital('Rp150.000.000')).toEqual({ ok: true, value: 150_000_000 });
    expect(capital('Rp 1.500.000.000')).toEqual({ ok: true, value: 1_500_000_000 });
    expect(capital('')).toEqual({ ok: true, value: null });
    expect(capital(1_500_000_000)).toEqual({ ok: true, value: 1_500_000_000 });
    expect(capital('0')).toEqual({ ok: true, value: 0 });
  });

  it('refuses scientific notation, decimals and loose grouping with the plain-Rupiah message', () => {
    for (const v of ['1.5e9', '15e9', '1e3', '1,5', '1.5', '1.5 M', '150 jt', '1.50.000', '0x10', '-5'])
      expect(capital(v), v).toEqual({ ok: false, messages: ['validation.rupiahPlain'] });
  });

  it('says "too large" for a number too large and "negative" only for a negative number', () => {
    expect(capital(Number.MAX_SAFE_INTEGER + 2)).toMatchObject({ ok: false });
    expect(capital(-1)).toEqual({ ok: false, messages: ['validation.outOfRange'] });
    expect(capital('9.999.999.999.999.999.999')).toEqual({ ok: false, messages: ['validation.tooLarge'] });
  });
});

describe('money field kind (shared/records): the same rule', () => {
  it('refuses 1.5e9 and reads 150.000.000', async () => {
    const { zOptionalInt } = await import('../../../shared/records/zod-kinds');
    expect(zOptionalInt().safeParse('1.5e9').success).toBe(false);
    expect(zOptionalInt().parse('150.000.000')).toBe(150_000_000);
  });
});
