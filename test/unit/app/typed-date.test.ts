import { describe, expect, it } from 'vitest';
import { parseTypedDate } from '../../../renderer/lib/typed-date';
import { itEachMaps } from '../../fixtures/tables';

/** Issue 11 item 16: dates are typed the Indonesian way; the field keeps yyyy-mm-dd. */
describe('typed dates (dd/mm/yyyy first)', () => {
  // day first, with / - . and Indonesian month names
  itEachMaps('reads %s as %s', parseTypedDate, [
    ['05/08/1985', '1985-08-05'],
    ['5/8/1985', '1985-08-05'],
    ['05-08-1985', '1985-08-05'],
    ['05.08.1985', '1985-08-05'],
    ['15 Agustus 1975', '1975-08-15'],
    [' 15  agustus 1975 ', '1975-08-15'],
    ['1 Mei 2026', '2026-05-01'],
    ['1985-08-05', '1985-08-05'],
  ]);

  it('refuses what is not a date, never guesses month-first', () => {
    expect(parseTypedDate('')).toBeNull();
    expect(parseTypedDate('31/02/2026')).toBeNull();
    expect(parseTypedDate('08/31/1985')).toBeNull(); // an American date: month 31 does not exist
    expect(parseTypedDate('15 August 1975')).toBeNull();
    expect(parseTypedDate('kemarin')).toBeNull();
  });
});
