import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone, parsePhone } from '../../../shared/validators/phone';
import {
  formatLegacyNpwp,
  formatNpwp,
  legacyCheckDigit,
  legacyCheckDigitOk,
  parseNpwp,
} from '../../../shared/validators/npwp';
import { nameSimilarity, normalizeBusinessName } from '../../../shared/domain/business-name';

describe('phone', () => {
  // the ways a clerk types a mobile number
  it.each(['0812-3456-7890', '0812 3456 7890', '62 812 3456 7890', '+62 812-3456-7890', '81234567890'])(
    'normalises %s to +62',
    (raw) => {
      expect(normalizePhone(raw)).toBe('+6281234567890');
    },
  );
  it('normalises a landline with its area code', () => {
    expect(parsePhone('(0331) 591234')).toEqual({ ok: true, value: '+62331591234', mobile: false });
  });
  it.each([
    // letters, foreign prefixes and wrong lengths
    ['0812-abc', 'digits'],
    ['+6581234567', 'prefix'],
    ['0812345', 'mobileLength'],
    ['08123456789012345', 'mobileLength'],
    ['00812345678', 'prefix'],
    // issue 11 item 8: what the message says is what the rule does (a mobile number of 10–13 digits, no 14)
    ['08123456789012', 'mobileLength'],
    ['+62 812 3456 789012', 'mobileLength'],
    ['081234567', 'mobileLength'],
    // 62 is not read as the country code when what follows is no number
    ['622123456', 'landlineLength'],
    // numbers no Indonesian line has: 0123456789, 0800 free-phone, a bare area code
    ['0123456789', 'prefix'],
    ['0800 1234 567', 'prefix'],
    ['331591234', 'prefix'],
    ['+62 0812 3456 7890', 'prefix'],
    // a landline has 9–11 digits with its area code
    ['0331 1234', 'landlineLength'],
    ['021 1234 56789', 'landlineLength'],
  ])('refuses %s (%s)', (raw, error) => {
    expect(parsePhone(raw)).toEqual({ ok: false, error });
  });
  it.each([
    // a mobile number of 10–13 digits with its 0
    ['0812345678', { value: '+62812345678', mobile: true }],
    ['0812-3456-78901', { value: '+62812345678901' }],
    // 62 followed by a number is the country code
    ['62331591234', { value: '+62331591234', mobile: false }],
    // a landline of 9–11 digits with its area code
    ['021 1234 5678', { value: '+622112345678', mobile: false }],
    ['0911-312345', { value: '+62911312345' }],
  ])('takes %s', (raw, expected) => {
    expect(parsePhone(raw)).toMatchObject({ ok: true, ...expected });
  });
  it('formats for display', () => {
    expect(formatPhone('+6281234567890')).toBe('+62 812-3456-7890');
  });
});

describe('NPWP', () => {
  // 09.254.294.3-407.000: check digit computed by the rule (×1/×2 alternating, digit sum, up to ten).
  const base = '09254294';
  const good = `${base}${legacyCheckDigit(`${base}0000000`)}407000`;
  it('accepts a legacy 15-digit number and formats it', () => {
    const r = parseNpwp(formatLegacyNpwp(good));
    expect(r).toMatchObject({ ok: true, kind: 'legacy15', digits: good, warnings: [] });
    expect(formatLegacyNpwp(good)).toMatch(/^\d{2}\.\d{3}\.\d{3}\.\d-\d{3}\.\d{3}$/);
  });
  it('only warns on a wrong legacy check digit', () => {
    const bad = good.slice(0, 8) + String((Number(good[8]) + 1) % 10) + good.slice(9);
    expect(legacyCheckDigitOk(bad)).toBe(false);
    expect(parseNpwp(bad)).toMatchObject({ ok: true, kind: 'legacy15', warnings: ['checkDigit'] });
  });
  it('knows the 16-digit forms: badan (0 + old number) and NIK', () => {
    expect(parseNpwp(`0${good}`)).toMatchObject({ ok: true, kind: 'badan16', warnings: [] });
    expect(parseNpwp('3509274508850003')).toMatchObject({ ok: true, kind: 'nik16', warnings: [] });
    expect(parseNpwp('3509279999850003')).toMatchObject({ ok: true, kind: 'other16', warnings: ['notNik'] });
  });
  it('refuses other lengths and letters', () => {
    expect(parseNpwp('12345')).toEqual({ ok: false, error: 'length' });
    expect(parseNpwp('09.254.294.x-407.000')).toEqual({ ok: false, error: 'digits' });
  });
  it('refuses all zeros, which passes the check digit (issue 11 item 8)', () => {
    expect(legacyCheckDigitOk('000000000000000')).toBe(true);
    expect(parseNpwp('00.000.000.0-000.000')).toEqual({ ok: false, error: 'zero' });
    expect(parseNpwp('0000000000000000')).toEqual({ ok: false, error: 'zero' });
  });
  it('formats 16 digits in four groups of four, never as a hybrid of the dotted 15-digit form', () => {
    const badan = parseNpwp(`0${good}`);
    expect(good).toBe('092542943407000');
    expect(badan.ok && badan.formatted).toBe('0092 5429 4340 7000'); // was 009.254.294.3-407.000
    const nik = parseNpwp('3509274508850003');
    expect(nik.ok && nik.formatted).toBe('3509 2745 0885 0003');
    // what the record page shows for the stored digits
    expect(formatNpwp('3509274508850003')).toBe('3509 2745 0885 0003');
    expect(formatNpwp(good)).toBe(formatLegacyNpwp(good));
    expect(formatNpwp(null)).toBe('');
  });
  it('the rule matches a hand computation', () => {
    // 0 9 2 5 4 2 9 4 × 1 2 1 2 1 2 1 2 → 0, 18→9, 2, 10→1, 4, 4, 9, 8 = 37 → 40 - 37 = 3
    expect(legacyCheckDigit('092542940407000')).toBe(3);
  });
});

describe('business-name similarity', () => {
  it('drops honorifics and generic words', () => {
    expect(normalizeBusinessName('UD. Keripik Tempe "Bu Sri"')).toBe('keripik tempe sri');
    expect(normalizeBusinessName('Toko Sambel Pecel Mbok Darmi')).toBe('sambel pecel darmi');
  });
  it('catches near-identical names', () => {
    expect(nameSimilarity('Keripik Tempe Bu Sri', 'Kripik Tempe Sri')).toBeGreaterThanOrEqual(0.8);
    expect(nameSimilarity('Tempe Keripik Sri', 'Keripik Tempe Bu Sri')).toBeGreaterThanOrEqual(0.8);
  });
  it('does not match unrelated names, even with a shared product word', () => {
    expect(nameSimilarity('Keripik Tempe Bu Sri', 'Keripik Singkong Mawar')).toBeLessThan(0.8);
    expect(nameSimilarity('Tahu Tempe Pak Ahmad', 'Tahu Tempe Bu Sri')).toBeLessThan(0.8);
    expect(nameSimilarity('Batik Tulis Sekar', 'Mebel Jati Makmur')).toBeLessThan(0.8);
  });
});
