import { describe, expect, it } from 'vitest';
import { cleanNik, lostToPrecision, nikColumnDamaged, readDigits } from '../../../shared/import/identifiers';
import { cleanPhone } from '../../../shared/import/phone';

const today = new Date(2026, 10, 23);

describe('reading long identifiers from a sheet', () => {
  it('keeps digits typed with separators, marks formatted numbers as numeric', () => {
    expect(readDigits('3509 2757 0875 0001')).toMatchObject({
      kind: 'digits',
      digits: '3509275708750001',
      numeric: false,
    });
    expect(readDigits('3509.2757.0875.0001')).toMatchObject({ digits: '3509275708750001', numeric: false });
    expect(readDigits('3.509.275.708.750.001')).toMatchObject({ digits: '3509275708750001', numeric: true });
    expect(readDigits('3,509,275,708,750,000')).toMatchObject({ digits: '3509275708750000', numeric: true });
    expect(readDigits('3509275708750000.00')).toMatchObject({ digits: '3509275708750000', numeric: true });
    expect(readDigits('3509275708750000,0')).toMatchObject({ digits: '3509275708750000', numeric: true });
    expect(readDigits(3509275708750000)).toMatchObject({ digits: '3509275708750000', numeric: true });
  });

  it('takes off the text marks a spreadsheet user adds', () => {
    expect(readDigits("'3509275708750001")).toMatchObject({ digits: '3509275708750001', numeric: false });
    expect(readDigits('="3509275708750001"')).toMatchObject({ digits: '3509275708750001', numeric: false });
  });

  it.each(['3,50927E+15', '3.50927E+15', '3.509275708750E+15', '3,5E15', '3.50927e+015', '3,50512E+15'])(
    'recognises scientific notation %s',
    (s) => expect(readDigits(s).kind).toBe('scientific'),
  );

  it('treats empty cells and placeholders as empty', () => {
    for (const v of [null, '', '  ', '-', '–', 'tidak ada', 'Belum Ada', 'N/A', '---'])
      expect(readDigits(v).kind).toBe('empty');
  });

  it('knows which values a 15-digit number type rounded', () => {
    expect(lostToPrecision('3509275708750000')).toBe(true);
    expect(lostToPrecision('3509275708750001')).toBe(false);
    expect(lostToPrecision('350927570875000')).toBe(false); // 15 digits: nothing lost
    expect(lostToPrecision('35092757087500000')).toBe(true);
  });
});

describe('NIK cleaning', () => {
  it('accepts a valid NIK in any typed form', () => {
    expect(cleanNik('3509275708750001', today)).toEqual({
      kind: 'ok',
      nik: '3509275708750001',
      trailingZero: false,
      fromNumber: false,
    });
    expect(cleanNik('3509 2757 0875 0001', today)).toMatchObject({ kind: 'ok', nik: '3509275708750001' });
    expect(cleanNik('NIK: 3509275708750001', today)).toMatchObject({ kind: 'ok', nik: '3509275708750001' });
  });

  it('flags scientific notation as damaged, never guessed', () => {
    expect(cleanNik('3,50927E+15', today)).toEqual({
      kind: 'damaged',
      reason: 'scientific',
      original: '3,50927E+15',
    });
    expect(cleanNik('3.50512E+15', today)).toMatchObject({ kind: 'damaged', reason: 'scientific' });
  });

  it('flags a number cell of 16 digits ending in 0 as damaged (15 significant digits)', () => {
    expect(cleanNik(3509275708750000, today)).toEqual({
      kind: 'damaged',
      reason: 'precision',
      original: '3509275708750000',
    });
    expect(cleanNik('3.509.275.708.750.000', today)).toMatchObject({ kind: 'damaged', reason: 'precision' });
    expect(cleanNik('3509275708750000.00', today)).toMatchObject({ kind: 'damaged', reason: 'precision' });
  });

  it('keeps a number cell whose 16th digit survived, and says it came from a number', () => {
    expect(cleanNik(3509275708750001, today)).toEqual({
      kind: 'ok',
      nik: '3509275708750001',
      trailingZero: false,
      fromNumber: true,
    });
  });

  it('marks a plain NIK ending in 0 only as a suspect (decided over the column)', () => {
    expect(cleanNik('3509275708750010', today)).toMatchObject({
      kind: 'ok',
      trailingZero: true,
      fromNumber: false,
    });
  });

  it('reports the validator error of an invalid NIK', () => {
    expect(cleanNik('350927570875001', today)).toMatchObject({ kind: 'invalid', error: 'length' });
    expect(cleanNik('3509271513750001', today)).toMatchObject({ kind: 'invalid', error: 'month' });
    expect(cleanNik('35092757O8750001', today)).toMatchObject({ kind: 'invalid', error: 'digits' });
    expect(cleanNik(350927570875001, today)).toMatchObject({ kind: 'invalid', error: 'length' });
    expect(cleanNik(3.5, today)).toMatchObject({ kind: 'invalid' });
  });

  it('judges a column damaged on visible damage or mostly trailing zeros', () => {
    expect(nikColumnDamaged({ damaged: 1, valid: 100, trailingZero: 3 })).toBe(true);
    expect(nikColumnDamaged({ damaged: 0, valid: 100, trailingZero: 10 })).toBe(false);
    expect(nikColumnDamaged({ damaged: 0, valid: 8, trailingZero: 8 })).toBe(true);
    expect(nikColumnDamaged({ damaged: 0, valid: 4, trailingZero: 4 })).toBe(false); // too few to judge
    expect(nikColumnDamaged({ damaged: 0, valid: 10, trailingZero: 5 })).toBe(false); // half is not most
  });
});

describe('phone cleaning (shared validator)', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['62 812 3456 7890', '+6281234567890'],
    ['+62812.3456.7890', '+6281234567890'],
    ['HP: 0812 3456 7890', '+6281234567890'],
    ['WA 081234567890', '+6281234567890'],
    ['(0331) 591234', '+62331591234'],
    ['0331/591234', '+62331591234'],
  ])('%s → %s', (raw, value) => expect(cleanPhone(raw)).toMatchObject({ kind: 'ok', value }));

  it('restores the number a number cell stripped of its 0, and says so', () => {
    expect(cleanPhone(81234567890)).toEqual({
      kind: 'ok',
      value: '+6281234567890',
      others: [],
      fromNumber: true,
    });
    expect(cleanPhone(6281234567890)).toMatchObject({
      kind: 'ok',
      value: '+6281234567890',
      fromNumber: false,
    });
  });

  it('takes the first of several numbers and keeps the others', () => {
    expect(cleanPhone('0812-3456-7890 / 0813 1111 2222')).toEqual({
      kind: 'ok',
      value: '+6281234567890',
      others: ['+6281311112222'],
      fromNumber: false,
      original: '0812-3456-7890 / 0813 1111 2222',
    });
    expect(cleanPhone('0812 3456 7890 atau 0813 1111 2222')).toMatchObject({ others: ['+6281311112222'] });
    expect(cleanPhone('0812 3456 7890, rumah')).toMatchObject({ value: '+6281234567890', others: [] });
  });

  it('flags damage and invalid numbers', () => {
    expect(cleanPhone('8,12346E+10')).toEqual({ kind: 'damaged', original: '8,12346E+10' });
    expect(cleanPhone('0812')).toMatchObject({ kind: 'invalid', error: 'mobileLength' });
    expect(cleanPhone('+1 555 1234')).toMatchObject({ kind: 'invalid', error: 'prefix' });
    expect(cleanPhone('nomor lupa')).toMatchObject({ kind: 'invalid', error: 'digits' });
    expect(cleanPhone('-')).toEqual({ kind: 'empty' });
  });
});
