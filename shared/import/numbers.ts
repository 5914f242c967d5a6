import { cellText, fold, isPlaceholder, type RawCell } from './cells';

/**
 * Numbers as offices write them: digits with Indonesian separators (`1.500.000`, `2,5`), amounts with
 * words (`1,5 juta`, `Rp 250 rb`), and counts in Indonesian number words (`dua`, `sepuluh`,
 * `dua puluh lima`, `3 orang`). No library reads Indonesian number words, so the small grammar is here.
 */

const UNITS: Record<string, number> = {
  nol: 0,
  satu: 1,
  se: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
};
/** words that hold their own multiplier */
const FUSED: Record<string, [number, string]> = {
  sepuluh: [1, 'puluh'],
  sebelas: [1, 'belas'],
  seratus: [1, 'ratus'],
  seribu: [1, 'ribu'],
  sejuta: [1, 'juta'],
  semiliar: [1, 'miliar'],
};
const SCALES: Record<string, number> = {
  ribu: 1e3,
  juta: 1e6,
  miliar: 1e9,
  milyar: 1e9,
  triliun: 1e12,
};

/**
 * `dua puluh lima` → 25, `seratus dua belas` → 112, `dua ribu lima ratus` → 2500, `sebelas` → 11.
 * Null when any word is not a number word or the words do not form a number ("dua dua", "puluh").
 */
export function parseNumberWords(text: string): number | null {
  const words = fold(text)
    .split(' ')
    .filter((w) => w && w !== 'dan');
  if (!words.length) return null;
  // expand fused words ("sebelas" = "se belas") into a unit and its multiplier
  const tokens: string[] = [];
  for (const w of words) {
    const fused = FUSED[w];
    if (fused) tokens.push('se', fused[1]);
    else tokens.push(w);
  }
  let total = 0;
  /** the part below a thousand being built */
  let group = 0;
  /** the unit just read, still waiting for puluh/belas/ratus */
  let unit: number | null = null;
  /** what the group already holds at each level: ratus 3, puluh 2, belas/unit 1 */
  let level = 4;
  /** scales must fall: "dua juta tiga ribu", never "dua ribu tiga juta" */
  let lastScale = Infinity;
  for (const t of tokens) {
    if (t in UNITS) {
      if (unit !== null) return null;
      unit = UNITS[t]!;
      continue;
    }
    if (t === 'ratus' || t === 'puluh' || t === 'belas') {
      if (unit === null || unit === 0) return null;
      const [mult, lvl] = t === 'ratus' ? [100, 3] : t === 'puluh' ? [10, 2] : [0, 1];
      if (lvl >= level) return null;
      group += t === 'belas' ? 10 + unit : unit * mult;
      unit = null;
      level = lvl;
      continue;
    }
    const scale = SCALES[t];
    if (scale !== undefined) {
      if (unit !== null) {
        if (level <= 1) return null;
        group += unit;
        unit = null;
      }
      if (group === 0 || scale >= lastScale) return null;
      lastScale = scale;
      total += group * scale;
      group = 0;
      level = 4;
      continue;
    }
    return null;
  }
  if (unit !== null) {
    if (level <= 1) return null;
    group += unit;
  }
  return total + group;
}

/**
 * Digits with separators as Indonesian sheets write them: `.` groups thousands and `,` is the decimal mark
 * (`1.500.000,50`); an English-style value (`1,500,000.50`) is read too. A single separator followed by
 * exactly three digits groups thousands (`1.500` = 1500, `2,500` = 2500); otherwise it is a decimal mark.
 */
export function parseLocaleNumber(text: string): number | null {
  const t = text.replace(/\s/g, '');
  if (!/^[+-]?\d[\d.,]*$/.test(t)) return null;
  const dots = (t.match(/\./g) ?? []).length;
  const commas = (t.match(/,/g) ?? []).length;
  let normalized: string;
  if (dots && commas) {
    const decimal = t.lastIndexOf(',') > t.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    if (t.split(decimal).length - 1 !== 1 || !groupedOk(t.split(decimal)[0]!, group)) return null;
    normalized = t.split(group).join('').replace(decimal, '.');
  } else if (dots || commas) {
    const sep = dots ? '.' : ',';
    const count = dots || commas;
    if (count > 1 || /^[+-]?\d{1,3}[.,]\d{3}$/.test(t)) {
      if (!groupedOk(t, sep)) return null;
      normalized = t.split(sep).join('');
    } else normalized = t.replace(sep, '.');
  } else normalized = t;
  const n = Number(normalized);
  return Number.isFinite(n) ? n : null;
}

function groupedOk(intPart: string, sep: string): boolean {
  const parts = intPart.replace(/^[+-]/, '').split(sep);
  return /^\d{1,3}$/.test(parts[0]!) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}

export type CountClean =
  | { kind: 'empty' }
  | { kind: 'ok'; value: number; via: 'number' | 'digits' | 'words' }
  /** `L 3 P 2`, `3 laki-laki 2 perempuan`: a count split by sex */
  | { kind: 'split'; male: number; female: number }
  | { kind: 'invalid'; reason: 'words' | 'range' | 'fraction' | 'negative'; original: string };

/** Words around a count that carry no number: `3 orang`, `± 5 org`, `kurang lebih 10 karyawan`. */
const COUNT_NOISE =
  /\b(?:orang|org|or|jiwa|tenaga\s*kerja|tk|pekerja|karyawan|pegawai|buruh|kurang\s*lebih|kurleb|sekitar|lebih\s*kurang|kira\s*-?\s*kira)\b\.?|±|\+\/-|~/gi;
const SEX_SPLIT =
  /^(?:(?:l|lk|laki\s*-?\s*laki|pria)\s*[:=]?\s*(\d+)\s*[,;/&]?\s*(?:dan\s*)?(?:p|pr|perempuan|wanita)\s*[:=]?\s*(\d+)|(\d+)\s*(?:l|lk|laki\s*-?\s*laki|pria)\s*[,;/&]?\s*(?:dan\s*)?(\d+)\s*(?:p|pr|perempuan|wanita))$/i;

/** A number of people: digits, Indonesian words, or a split by sex. */
export function parseCount(cell: RawCell | undefined): CountClean {
  if (cell === null || cell === undefined) return { kind: 'empty' };
  if (typeof cell === 'number') {
    if (cell < 0) return { kind: 'invalid', reason: 'negative', original: String(cell) };
    if (!Number.isInteger(cell)) return { kind: 'invalid', reason: 'fraction', original: String(cell) };
    return { kind: 'ok', value: cell, via: 'number' };
  }
  const original = cellText(cell);
  if (isPlaceholder(original)) return { kind: 'empty' };
  const split = SEX_SPLIT.exec(original.trim().replace(/\s+orang\b/gi, ''));
  if (split) {
    const male = Number(split[1] ?? split[3]);
    const female = Number(split[2] ?? split[4]);
    return { kind: 'split', male, female };
  }
  // "5 (lima)": the words repeat the digits
  const text = original
    .replace(/\([^)]*\)/g, ' ')
    .replace(COUNT_NOISE, ' ')
    .trim();
  if (/^\d+\s*(?:-|–|s\.?\s*d\.?|sampai)\s*\d+$/i.test(text))
    return { kind: 'invalid', reason: 'range', original };
  if (/^-\s*\d/.test(text)) return { kind: 'invalid', reason: 'negative', original };
  if (/^\d+$/.test(text)) return { kind: 'ok', value: Number(text), via: 'digits' };
  if (/^\d+[.,]\d+$/.test(text)) {
    const n = parseLocaleNumber(text);
    if (n !== null && Number.isInteger(n)) return { kind: 'ok', value: n, via: 'digits' };
    return { kind: 'invalid', reason: 'fraction', original };
  }
  const words = parseNumberWords(text);
  if (words !== null) return { kind: 'ok', value: words, via: 'words' };
  return { kind: 'invalid', reason: 'words', original };
}

export type AmountClean =
  | { kind: 'empty' }
  | { kind: 'ok'; value: number; via: 'number' | 'digits' | 'words'; scaled: boolean }
  | { kind: 'invalid'; original: string };

/** `jt`, `juta`, `rb`, `ribu`, `M` (miliar, as Indonesian books write it) after a number */
const AMOUNT_SCALE: [RegExp, number][] = [
  [/^(?:triliun|t)$/i, 1e12],
  [/^(?:miliar|milyar|m)$/i, 1e9],
  [/^(?:juta|jt|jta)$/i, 1e6],
  [/^(?:ribu|rb|rbu|k)$/i, 1e3],
];

/** An amount of rupiah: `Rp 1.500.000,-`, `1,5 juta`, `250 rb`, `lima juta`, a number cell. */
export function parseAmount(cell: RawCell | undefined): AmountClean {
  if (cell === null || cell === undefined) return { kind: 'empty' };
  if (typeof cell === 'number')
    return cell >= 0 && Number.isFinite(cell)
      ? { kind: 'ok', value: Math.round(cell), via: 'number', scaled: false }
      : { kind: 'invalid', original: String(cell) };
  const original = cellText(cell);
  if (isPlaceholder(original)) return { kind: 'empty' };
  const text = original
    .replace(/^\s*(?:rp\.?|idr)\s*/i, '')
    .replace(/[,.]\s*-+\s*$/, '')
    .replace(/\s*per\s+(?:tahun|thn|th)\s*$/i, '')
    .trim();
  const m = /^([+-]?\d[\d.,\s]*?)\s*([a-z]+)?$/i.exec(text);
  if (m) {
    const n = parseLocaleNumber(m[1]!.trim());
    let scale = 1;
    if (m[2]) {
      const hit = AMOUNT_SCALE.find(([re]) => re.test(m[2]!));
      if (!hit) return { kind: 'invalid', original };
      scale = hit[1];
    }
    if (n === null || n < 0) return { kind: 'invalid', original };
    return { kind: 'ok', value: Math.round(n * scale), via: 'digits', scaled: scale !== 1 };
  }
  const words = parseNumberWords(text);
  if (words !== null) return { kind: 'ok', value: words, via: 'words', scaled: false };
  return { kind: 'invalid', original };
}

export type DecimalClean =
  | { kind: 'empty' }
  | { kind: 'ok'; value: number; unit: string | null }
  | { kind: 'invalid'; original: string };

/** A quantity (production capacity): `1.500`, `2,5`, `500 kg/bulan` (the unit is returned apart). */
export function parseDecimal(cell: RawCell | undefined): DecimalClean {
  if (cell === null || cell === undefined) return { kind: 'empty' };
  if (typeof cell === 'number')
    return Number.isFinite(cell) && cell >= 0
      ? { kind: 'ok', value: cell, unit: null }
      : { kind: 'invalid', original: String(cell) };
  const original = cellText(cell);
  if (isPlaceholder(original)) return { kind: 'empty' };
  const m = /^(\d(?:[\d.,\s]*\d)?)\s*([^\d\s].*)?$/.exec(original.trim());
  const n = m ? parseLocaleNumber(m[1]!.trim()) : null;
  if (n === null || n < 0) return { kind: 'invalid', original };
  return { kind: 'ok', value: n, unit: m?.[2]?.trim() || null };
}
