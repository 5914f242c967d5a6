import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseDate, parseYear, splitPlaceDate } from '../../../shared/import/dates';
import {
  parseAmount,
  parseCount,
  parseDecimal,
  parseLocaleNumber,
  parseNumberWords,
} from '../../../shared/import/numbers';

const today = new Date(2026, 10, 23);

describe('Indonesian number words', () => {
  it.each([
    ['nol', 0],
    ['satu', 1],
    ['dua', 2],
    ['sembilan', 9],
    ['sepuluh', 10],
    ['sebelas', 11],
    ['dua belas', 12],
    ['lima belas', 15],
    ['dua puluh', 20],
    ['dua puluh lima', 25],
    ['Sembilan Puluh Sembilan', 99],
    ['seratus', 100],
    ['seratus sebelas', 111],
    ['seratus dua puluh lima', 125],
    ['tiga ratus', 300],
    ['seribu', 1000],
    ['seribu lima ratus', 1500],
    ['dua ribu lima ratus', 2500],
    ['sepuluh ribu', 10_000],
    ['dua ratus ribu', 200_000],
    ['lima juta', 5_000_000],
    ['satu juta dua ratus ribu', 1_200_000],
    ['dua miliar', 2_000_000_000],
  ])('%s = %d', (w, n) => expect(parseNumberWords(w)).toBe(n));

  it.each([
    '',
    'dua dua',
    'puluh',
    'belas',
    'dua belas tiga',
    'ratus dua',
    'dua ribu tiga juta',
    'orang',
    'nol puluh',
    'lima ratus seratus',
  ])('refuses %j', (w) => expect(parseNumberWords(w)).toBeNull());
});

describe('locale numbers', () => {
  it.each([
    ['1.500.000', 1_500_000],
    ['1,500,000', 1_500_000],
    ['1.500.000,50', 1_500_000.5],
    ['1,500,000.50', 1_500_000.5],
    ['2,5', 2.5],
    ['2.5', 2.5],
    ['1.500', 1500],
    ['2,500', 2500],
    ['12', 12],
  ])('%s = %d', (s, n) => expect(parseLocaleNumber(s)).toBe(n));

  it.each(['1.50.000', '1,5,0', 'abc', '1.500,000.5', ''])('refuses %j', (s) =>
    expect(parseLocaleNumber(s)).toBeNull(),
  );
});

describe('worker counts', () => {
  it.each([
    [3, 3, 'number'],
    ['3', 3, 'digits'],
    ['3 orang', 3, 'digits'],
    ['± 5 org.', 5, 'digits'],
    ['kurang lebih 10 karyawan', 10, 'digits'],
    ['5 (lima)', 5, 'digits'],
    ['1.200', 1200, 'digits'],
    ['dua', 2, 'words'],
    ['Tiga orang', 3, 'words'],
    ['sepuluh', 10, 'words'],
    ['dua puluh lima', 25, 'words'],
    ['sebelas orang', 11, 'words'],
  ] as const)('%j → %d via %s', (raw, value, via) =>
    expect(parseCount(raw)).toEqual({ kind: 'ok', value, via }),
  );

  it('splits counts by sex', () => {
    expect(parseCount('L 3 P 2')).toEqual({ kind: 'split', male: 3, female: 2 });
    expect(parseCount('L: 3, P: 2')).toEqual({ kind: 'split', male: 3, female: 2 });
    expect(parseCount('3 L 2 P')).toEqual({ kind: 'split', male: 3, female: 2 });
    expect(parseCount('Laki-laki 4 Perempuan 1')).toEqual({ kind: 'split', male: 4, female: 1 });
    expect(parseCount('3 laki-laki dan 2 perempuan')).toEqual({ kind: 'split', male: 3, female: 2 });
  });

  it('refuses what is not one count', () => {
    expect(parseCount('3-5')).toMatchObject({ kind: 'invalid', reason: 'range' });
    expect(parseCount('3 s.d. 5 orang')).toMatchObject({ kind: 'invalid', reason: 'range' });
    expect(parseCount('2,5')).toMatchObject({ kind: 'invalid', reason: 'fraction' });
    expect(parseCount(2.5)).toMatchObject({ kind: 'invalid', reason: 'fraction' });
    expect(parseCount(-1)).toMatchObject({ kind: 'invalid', reason: 'negative' });
    expect(parseCount('-2')).toMatchObject({ kind: 'invalid', reason: 'negative' });
    expect(parseCount('banyak')).toMatchObject({ kind: 'invalid', reason: 'words', original: 'banyak' });
    expect(parseCount('-')).toEqual({ kind: 'empty' });
    expect(parseCount(null)).toEqual({ kind: 'empty' });
  });
});

describe('amounts of rupiah', () => {
  it.each([
    [25_000_000, 25_000_000, 'number', false],
    ['Rp 1.500.000', 1_500_000, 'digits', false],
    ['Rp. 25.000.000,-', 25_000_000, 'digits', false],
    ['Rp1.500.000,00', 1_500_000, 'digits', false],
    ['IDR 2,000,000', 2_000_000, 'digits', false],
    ['1,5 juta', 1_500_000, 'digits', true],
    ['1.5jt', 1_500_000, 'digits', true],
    ['250 rb', 250_000, 'digits', true],
    ['2 M', 2_000_000_000, 'digits', true],
    ['lima juta', 5_000_000, 'words', false],
    ['Rp 10.000.000 per tahun', 10_000_000, 'digits', false],
  ] as const)('%j → %d', (raw, value, via, scaled) =>
    expect(parseAmount(raw)).toEqual({ kind: 'ok', value, via, scaled }),
  );

  it('refuses the rest', () => {
    expect(parseAmount('banyak')).toEqual({ kind: 'invalid', original: 'banyak' });
    expect(parseAmount('5 kg')).toEqual({ kind: 'invalid', original: '5 kg' });
    expect(parseAmount(-5)).toMatchObject({ kind: 'invalid' });
    expect(parseAmount('')).toEqual({ kind: 'empty' });
  });

  it('reads quantities with their unit apart', () => {
    expect(parseDecimal('500 kg/bulan')).toEqual({ kind: 'ok', value: 500, unit: 'kg/bulan' });
    expect(parseDecimal('2,5')).toEqual({ kind: 'ok', value: 2.5, unit: null });
    expect(parseDecimal(1.25)).toEqual({ kind: 'ok', value: 1.25, unit: null });
    expect(parseDecimal('sedikit')).toEqual({ kind: 'invalid', original: 'sedikit' });
  });
});

describe('dates', () => {
  // the three common formats and date cells
  it.each([
    ['15/08/1975', '1975-08-15', 'dmy'],
    ['1975-08-15', '1975-08-15', 'ymd'],
    [27621, '1975-08-15', 'serial'],
    [new Date(Date.UTC(1975, 7, 15)), '1975-08-15', 'cell'],
  ] as const)('reads %s as %s (%s), a four-digit year', (input, iso, via) => {
    expect(parseDate(input, today)).toEqual({ kind: 'ok', iso, via, twoDigitYear: false });
  });

  it.each([
    ['15-08-1975', '1975-08-15', 'dmy'],
    ['5.8.1975', '1975-08-05', 'dmy'],
    ['1975-08-15 00:00:00', '1975-08-15', 'ymd'],
    ['27621', '1975-08-15', 'serial'],
  ])('reads %s as %s (%s)', (input, iso, via) => {
    expect(parseDate(input, today)).toMatchObject({ iso, via });
  });

  it('reads month names in Indonesian and English, old spellings too', () => {
    expect(parseDate('15 Agustus 1975', today)).toMatchObject({ iso: '1975-08-15', via: 'words' });
    expect(parseDate('15-Agt-75', today)).toMatchObject({ iso: '1975-08-15', twoDigitYear: true });
    expect(parseDate('1 Pebruari 1980', today)).toMatchObject({ iso: '1980-02-01' });
    expect(parseDate('30 Nopember 1990', today)).toMatchObject({ iso: '1990-11-30' });
    expect(parseDate('15 Aug. 1975', today)).toMatchObject({ iso: '1975-08-15' });
    expect(parseDate('Jumat, 15 Agustus 1975', today)).toMatchObject({ iso: '1975-08-15' });
    expect(parseDate('Agustus 15, 1975', today)).toMatchObject({ iso: '1975-08-15' });
  });

  it('puts two-digit years in the right century', () => {
    expect(parseDate('15/08/75', today)).toMatchObject({ iso: '1975-08-15', twoDigitYear: true });
    expect(parseDate('15/08/05', today)).toMatchObject({ iso: '2005-08-15', twoDigitYear: true });
    expect(parseDate('15/08/26', today)).toMatchObject({ iso: '2026-08-15' });
    expect(parseDate('15/08/27', today)).toMatchObject({ iso: '1927-08-15' });
  });

  it('reads month-first only when the day cannot be a month, and says so', () => {
    expect(parseDate('08/15/1975', today)).toMatchObject({ iso: '1975-08-15', via: 'mdy' });
    expect(parseDate('05/08/1975', today)).toMatchObject({ iso: '1975-08-05', via: 'dmy' });
  });

  it('refuses impossible dates', () => {
    for (const s of [
      '31/02/1975',
      '29/02/1975',
      '32/01/1975',
      '13/13/1975',
      '1975-13-01',
      '15 Agustusan 1975',
      'kemarin',
      '00/01/1975',
    ])
      expect(parseDate(s, today)).toEqual({ kind: 'invalid', original: s });
    expect(parseDate('29/02/1976', today)).toMatchObject({ iso: '1976-02-29' });
    expect(parseDate(60, today)).toMatchObject({ kind: 'invalid' }); // Excel's phantom 29 Feb 1900
    expect(parseDate('', today)).toEqual({ kind: 'empty' });
  });

  it('converts Excel serials around the 1900 leap-year bug', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
    expect(excelSerialToIso(0)).toBeNull();
  });

  it('reads years alone or from dates', () => {
    expect(parseYear(1998, today)).toEqual({ kind: 'ok', year: 1998, fromDate: false });
    expect(parseYear('th. 1998', today)).toEqual({ kind: 'ok', year: 1998, fromDate: false });
    expect(parseYear("'98", today)).toEqual({ kind: 'ok', year: 1998, fromDate: false });
    expect(parseYear('15/08/1998', today)).toEqual({ kind: 'ok', year: 1998, fromDate: true });
    expect(parseYear(new Date(Date.UTC(2001, 0, 1)), today)).toMatchObject({ year: 2001 });
    expect(parseYear('lama', today)).toEqual({ kind: 'invalid', original: 'lama' });
    expect(parseYear(19.5, today)).toMatchObject({ kind: 'invalid' });
  });

  it('splits "tempat, tanggal lahir"', () => {
    expect(splitPlaceDate('Jember, 15-08-1975', today)).toEqual({
      place: 'Jember',
      date: { kind: 'ok', iso: '1975-08-15', via: 'dmy', twoDigitYear: false },
    });
    expect(splitPlaceDate('Jember 15 Agustus 1975', today)).toMatchObject({
      place: 'Jember',
      date: { iso: '1975-08-15' },
    });
    expect(splitPlaceDate('Jember', today)).toEqual({ place: 'Jember', date: { kind: 'empty' } });
    expect(splitPlaceDate('Jember, kemarin', today)).toEqual({
      place: 'Jember, kemarin',
      date: { kind: 'empty' },
    });
  });
});
