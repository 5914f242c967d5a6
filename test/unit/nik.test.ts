import { describe, expect, it } from 'vitest';
import { maskNik, normalizeNik, parseNik } from '../../shared/validators/nik';
import { businessCreateSchema } from '../../shared/schemas/business';

const today = new Date(2026, 10, 23);

describe('NIK', () => {
  it('derives region, sex and date of birth', () => {
    const r = parseNik('3509274508850003', today);
    expect(r).toEqual({
      ok: true,
      info: {
        provinceCode: '35',
        regencyCode: '35.09',
        districtCode: '35.09.27',
        sex: 'P',
        birthDate: '1985-08-05',
        serial: '0003',
      },
    });
    const m = parseNik('3509270101010001', today);
    expect(m.ok && m.info.sex).toBe('L');
    expect(m.ok && m.info.birthDate).toBe('2001-01-01');
  });

  it('accepts spaces, dots and dashes a clerk may type', () => {
    expect(normalizeNik('3509 2745-0885.0003')).toBe('3509274508850003');
    expect(parseNik('3509 2745 0885 0003', today).ok).toBe(true);
  });

  it.each([
    ['35092745088500', 'length'],
    ['35092745088500031', 'length'],
    ['3509A74508850003', 'digits'],
    ['3509271513850001', 'month'],
    ['3509270013850001', 'month'],
    ['3509270008850001', 'day'],
    ['3509273208850001', 'day'],
    ['3509274008850001', 'day'],
    ['3509277208850001', 'day'],
    ['3509273102850001', 'date'],
    ['3509277102850001', 'date'],
    ['3509272902010001', 'date'],
  ])('refuses %s (%s)', (nik, error) => {
    expect(parseNik(nik, today)).toEqual({ ok: false, error });
  });

  it('accepts the edges: day 31 and 41, 71 for women, 29 Feb in a leap year', () => {
    expect(parseNik('3509273101850001', today).ok).toBe(true);
    expect(parseNik('3509274101850001', today).ok).toBe(true);
    expect(parseNik('3509277101850001', today).ok).toBe(true);
    expect(parseNik('3509272902000001', today).ok).toBe(true);
  });

  it('puts a two-digit year after this year in the 1900s', () => {
    const r = parseNik('3509270101270001', today);
    expect(r.ok && r.info.birthDate).toBe('1927-01-01');
    const s = parseNik('3509270101260001', today);
    expect(s.ok && s.info.birthDate).toBe('2026-01-01');
  });

  it('masks all but the first and last four digits', () => {
    expect(maskNik('3509274508850003')).toBe('3509••••••••0003');
    expect(maskNik(null)).toBe('');
  });

  it('is the same validator in the form schema as in main', () => {
    const bad = businessCreateSchema.safeParse({
      name: 'a',
      ownerName: 'b',
      villageName: 'c',
      ownerNik: '3509271513850001',
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('validation.nik.month');
    const empty = businessCreateSchema.safeParse({
      name: 'a',
      ownerName: 'b',
      villageName: 'c',
      ownerNik: '',
    });
    expect(empty.success && empty.data.ownerNik).toBe(null);
  });
});
