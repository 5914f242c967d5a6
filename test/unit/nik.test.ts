import { afterEach, describe, expect, it, vi } from 'vitest';
import { maskNik, nikWarnings, normalizeNik, parseNik } from '../../shared/validators/nik';
import { businessCreateSchema } from '../../shared/schemas/business';
import { zOptionalNik } from '../../shared/schemas/common';

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

describe('NIK at its edges (issue 11 item 7)', () => {
  afterEach(() => vi.useRealTimers());

  it('refuses a birth date after today: 3509270312260001 is born tomorrow on 2 December 2026', () => {
    expect(parseNik('3509270312260001', new Date(2026, 11, 2))).toEqual({ ok: false, error: 'future' });
    // the day itself and the days after are fine
    const born = parseNik('3509270312260001', new Date(2026, 11, 3));
    expect(born.ok && born.info.birthDate).toBe('2026-12-03');
    // a woman's day (+40) counts the same
    expect(parseNik('3509274312260001', new Date(2026, 11, 2))).toEqual({ ok: false, error: 'future' });
  });

  it('the schema refuses it too, against the clock it runs with', () => {
    vi.useFakeTimers({ now: new Date(2026, 11, 2, 9, 0), toFake: ['Date'] });
    const r = zOptionalNik.safeParse('3509270312260001');
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['validation.nik.future']);
    vi.setSystemTime(new Date(2026, 11, 3, 9, 0));
    expect(zOptionalNik.safeParse('3509270312260001').success).toBe(true);
  });

  it('warns, never refuses, when the owner would be under 17', () => {
    const nik = '3509270105100001'; // born 1 May 2010
    expect(nikWarnings(nik, new Date(2027, 3, 30))).toEqual([
      { code: 'underAge', key: 'validation.nikWarning.underAge', params: { age: '16' } },
    ]);
    expect(nikWarnings(nik, new Date(2027, 4, 1))).toEqual([]); // 17 on the day
    expect(parseNik(nik, new Date(2027, 3, 30)).ok).toBe(true);
    vi.useFakeTimers({ now: new Date(2027, 3, 30, 9, 0), toFake: ['Date'] });
    expect(zOptionalNik.safeParse(nik).success).toBe(true);
  });

  it('warns on serial 0000', () => {
    expect(nikWarnings('3509274508850000', today)).toEqual([
      { code: 'serialZero', key: 'validation.nikWarning.serialZero', params: {} },
    ]);
    expect(nikWarnings('3509274508850001', today)).toEqual([]);
    expect(nikWarnings('3509271513850000', today)).toEqual([]); // an invalid NIK gets its error, not warnings
  });

  it('normalises one way for the preview and the schema: a NIK typed with slashes is accepted by both', () => {
    const typed = '3509/2745/0885/0003';
    // the form's preview uses normalizeNik and shows the NIK's data for 16 digits
    expect(normalizeNik(typed)).toBe('3509274508850003');
    expect(parseNik(normalizeNik(typed), today).ok).toBe(true);
    // … and the save accepts what the preview showed
    const r = zOptionalNik.safeParse(typed);
    expect(r.success && r.data).toBe('3509274508850003');
    // what the preview does not accept, the schema refuses with a message
    const letters = zOptionalNik.safeParse('3509 2745 0885 000O');
    expect(letters.success).toBe(false);
    expect(/^\d{16}$/.test(normalizeNik('3509 2745 0885 000O'))).toBe(false);
  });
});
