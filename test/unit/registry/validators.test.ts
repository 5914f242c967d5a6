import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone, parsePhone } from '../../../shared/validators/phone';
import {
  formatLegacyNpwp,
  legacyCheckDigit,
  legacyCheckDigitOk,
  parseNpwp,
} from '../../../shared/validators/npwp';
import { nameSimilarity, normalizeBusinessName } from '../../../shared/domain/business-name';

describe('phone', () => {
  it('normalises the ways a clerk types a mobile number to +62', () => {
    for (const raw of [
      '0812-3456-7890',
      '0812 3456 7890',
      '62 812 3456 7890',
      '+62 812-3456-7890',
      '81234567890',
    ])
      expect(normalizePhone(raw)).toBe('+6281234567890');
  });
  it('normalises a landline with its area code', () => {
    expect(parsePhone('(0331) 591234')).toEqual({ ok: true, value: '+62331591234', mobile: false });
  });
  it('refuses letters, foreign prefixes and wrong lengths', () => {
    expect(parsePhone('0812-abc')).toEqual({ ok: false, error: 'digits' });
    expect(parsePhone('+6581234567')).toEqual({ ok: false, error: 'prefix' });
    expect(parsePhone('0812345')).toEqual({ ok: false, error: 'length' });
    expect(parsePhone('08123456789012345')).toEqual({ ok: false, error: 'length' });
    expect(parsePhone('00812345678')).toEqual({ ok: false, error: 'prefix' });
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
