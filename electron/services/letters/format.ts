/**
 * Indonesian letter formats: dates ("12 Maret 2026"), Roman months, NIP grouping, money, the number
 * template and the body placeholders. Pure functions, shared by main and the render workers.
 */

export const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

/** yyyy-mm-dd → "12 Maret 2026" (calendar date, no time zone shift). */
export function tanggalIndonesia(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  return `${Number(m[3])} ${MONTHS_ID[Number(m[2]) - 1] ?? ''} ${m[1]}`;
}

export function romanMonth(month1to12: number): string {
  return ROMAN[month1to12 - 1] ?? '';
}

/** 197501012000031001 → "19750101 200003 1 001" (8-6-1-3). Anything else is returned unchanged. */
export function formatNip(nip: string | null | undefined): string {
  if (!nip) return '';
  const d = nip.replace(/\s/g, '');
  if (!/^\d{18}$/.test(d)) return nip;
  return `${d.slice(0, 8)} ${d.slice(8, 14)} ${d.slice(14, 15)} ${d.slice(15)}`;
}

/** Rp1.500.000 */
export function rupiah(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `Rp${s}`;
}

export interface NumberParts {
  seq: number;
  /** dotted kecamatan code, 35.09.27 */
  districtCode: string;
  /** yyyy-mm-dd of issue */
  date: string;
  classificationCode: string;
}

/**
 * Fills the office's number template. `{nomor:N}` pads the counter to N digits (`{nomor}` does not pad);
 * `{kode_kecamatan}` 35.09.27, `{kode_kecamatan_polos}` 350927, `{bulan_romawi}` III, `{bulan}` 03,
 * `{tahun}` 2026, `{kode_klasifikasi}` from the settings.
 */
export function formatLetterNumber(template: string, p: NumberParts): string {
  const [y, mo] = p.date.split('-');
  const month = Number(mo);
  return template.replace(/\{([a-z_]+)(?::(\d+))?\}/g, (whole, name: string, width?: string) => {
    switch (name) {
      case 'nomor':
        return width ? String(p.seq).padStart(Number(width), '0') : String(p.seq);
      case 'kode_kecamatan':
        return p.districtCode;
      case 'kode_kecamatan_polos':
        return p.districtCode.replace(/\./g, '');
      case 'bulan_romawi':
        return romanMonth(month);
      case 'bulan':
        return String(month).padStart(2, '0');
      case 'tahun':
        return y ?? '';
      case 'kode_klasifikasi':
        return p.classificationCode;
      default:
        return whole;
    }
  });
}

/** Replaces `{name}` with values; unknown names are left as they are (settings validation refuses them). */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(/\{([a-z_]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** "Kabupaten Jember" as printed in a sentence; "KAB. JEMBER" → "Kabupaten Jember"; a bare "Jember" is a kabupaten. */
export function regencyName(regencyName: string): string {
  return titleCase(regencyTitle(regencyName));
}

/** "Kabupaten Jember" → "KABUPATEN JEMBER"; a bare "Jember" is taken as a kabupaten. */
export function regencyTitle(regencyName: string): string {
  const n = regencyName.trim();
  if (/^(kabupaten|kota)\s/i.test(n)) return n.toUpperCase();
  if (/^kab\.\s*/i.test(n)) return `KABUPATEN ${n.replace(/^kab\.\s*/i, '')}`.toUpperCase();
  return `KABUPATEN ${n}`.toUpperCase();
}

/** The place of signing: the kecamatan's name ("Kalisat"). */
export function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}
