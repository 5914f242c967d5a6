import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/id';

dayjs.extend(customParseFormat);

/** What a clerk types: 15/08/1975, 15-8-1975, 15.08.1975, 15 Agustus 1975, 15 Agu 1975, 1975-08-15. */
const TYPED_FORMATS = [
  'DD/MM/YYYY',
  'D/M/YYYY',
  'DD-MM-YYYY',
  'D-M-YYYY',
  'DD.MM.YYYY',
  'D.M.YYYY',
  'D MMMM YYYY',
  'D MMM YYYY',
  'YYYY-MM-DD',
];

/** A typed date in one of the shapes above (Indonesian month names), as yyyy-mm-dd, or null. */
export function parseTypedDate(text: string): string | null {
  // month names as the calendar writes them ("agustus", "AGUSTUS" → "Agustus")
  const s = text
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/(^|\s)(\p{L})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase());
  if (!s) return null;
  for (const f of TYPED_FORMATS) {
    const d = dayjs(s, f, 'id', true);
    if (d.isValid()) return d.format('YYYY-MM-DD');
  }
  return null;
}
