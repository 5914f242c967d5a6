import { cellText, fold, isPlaceholder, type RawCell } from './cells';

/**
 * A free-text "Izin" column (`NIB 1234567890123; PIRT 2063509010123-27, halal ID35110000123456789`) read into
 * permit candidates: the type and, where the text has one, the number in its expected shape (domain.md §1).
 * They stay candidates, shown in the review and the review sheet, until the permits feature can hold them.
 */
export const PERMIT_TYPES = [
  'nib',
  'pirt',
  'halal',
  'bpom_md',
  'bpom_ml',
  'sni',
  'iumk',
  'sku',
  'tdi',
  'iui',
  'npwp',
  'hki',
] as const;
export type PermitType = (typeof PERMIT_TYPES)[number];

export interface PermitCandidate {
  type: PermitType;
  /** the number in its canonical digits (P-IRT: 13 digits, dash, 2; halal: ID…), null when none was written */
  number: string | null;
  /** a number was written but has not the type's shape (an NIB of 12 digits): kept as written */
  numberProblem: boolean;
  /** the piece of text it came from */
  text: string;
}

export interface PermitsRead {
  candidates: PermitCandidate[];
  /** the cell says there is none ("belum ada", "-") */
  none: boolean;
  /** what was left that names no known permit */
  unrecognized: string | null;
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

interface Rule {
  type: PermitType | ((m: RegExpExecArray) => PermitType);
  re: RegExp;
  /** the number from the match, and whether it has the expected shape */
  number?: (m: RegExpExecArray) => { number: string; ok: boolean } | null;
}

const NUM = String.raw`(?:\s*(?:no\.?|nomor|nomer)\b)?\s*[:.#]?\s*`;

/** Ordered: the longer, labelled forms before bare numbers. */
const RULES: Rule[] = [
  {
    type: 'pirt',
    re: new RegExp(String.raw`\b(?:spp\s*-?\s*irt|p\s*-?\s*irt)\b${NUM}(\d[\d .\-]{9,}\d)?`, 'gi'),
    number: (m) => {
      if (!m[1]) return null;
      const d = digitsOf(m[1]);
      return {
        number: d.length >= 15 ? `${d.slice(0, -2)}-${d.slice(-2)}` : m[1].trim(),
        ok: d.length >= 15,
      };
    },
  },
  {
    type: 'nib',
    re: new RegExp(String.raw`\bnib\b${NUM}(\d[\d .\-]*\d)?`, 'gi'),
    number: (m) => {
      if (!m[1]) return null;
      const d = digitsOf(m[1]);
      return { number: d.length === 13 ? d : m[1].trim(), ok: d.length === 13 };
    },
  },
  {
    type: (m) => (m[1]!.toUpperCase() === 'ML' ? 'bpom_ml' : 'bpom_md'),
    re: /\b(?:(?:badan\s*)?pom\s*(?:ri)?\s*|bpom\s*(?:ri)?\s*)?\b(MD|ML)\b\s*[:.]?\s*(\d[\d ]{8,}\d)/gi,
    number: (m) => {
      const d = digitsOf(m[2]!);
      return { number: `${m[1]!.toUpperCase()} ${d}`, ok: d.length >= 12 && d.length <= 15 };
    },
  },
  {
    type: 'halal',
    re: new RegExp(
      String.raw`\b(?:(?:sertifikat|sert\.?)\s*)?halal\b(?:\s*(?:mui|bpjph))?${NUM}(ID\s*\d[\d ]{8,}\d)?`,
      'gi',
    ),
    number: (m) => {
      if (!m[1]) return null;
      const d = digitsOf(m[1]);
      return { number: `ID${d}`, ok: d.length >= 12 };
    },
  },
  {
    type: 'halal',
    re: /\bID\s?(\d{12,})\b/g,
    number: (m) => ({ number: `ID${m[1]}`, ok: true }),
  },
  {
    type: 'npwp',
    re: new RegExp(String.raw`\bnpwp\b${NUM}(\d[\d .\-]{12,}\d)?`, 'gi'),
    number: (m) => {
      if (!m[1]) return null;
      const d = digitsOf(m[1]);
      return { number: d, ok: d.length === 15 || d.length === 16 };
    },
  },
  {
    type: 'sni',
    re: /\bSNI\b\s*[:.]?\s*(\d[\d.\-:\s]*\d)?/gi,
    number: (m) => (m[1] ? { number: `SNI ${m[1].replace(/\s+/g, '')}`, ok: true } : null),
  },
  { type: 'iumk', re: /\biumk\b|\bizin\s+usaha\s+mikro(?:\s+(?:dan\s+)?kecil)?\b/gi },
  { type: 'sku', re: /\bsku\b|\bsurat\s+keterangan\s+usaha\b|\bsk\s*usaha\b/gi },
  { type: 'tdi', re: /\btdi\b|\btanda\s+daftar\s+industri\b/gi },
  { type: 'iui', re: /\biui\b|\bizin\s+usaha\s+industri\b/gi },
  { type: 'hki', re: /\bhki\b|\bhaki\b|\bmerek\s+terdaftar\b|\bsertifikat\s+merek\b/gi },
  { type: 'bpom_md', re: /\bbpom\b|\bbadan\s*pom\b/gi },
  // bare numbers: 13 digits is an NIB; 13 digits, a dash and 2 more is a P-IRT number
  {
    type: 'pirt',
    re: /\b(\d{13,15})\s*-\s*(\d{2})\b/g,
    number: (m) => ({ number: `${m[1]}-${m[2]}`, ok: m[1]!.length >= 13 }),
  },
  { type: 'nib', re: /(?<![\d-])(\d{13})(?![\d-])/g, number: (m) => ({ number: m[1]!, ok: true }) },
];

const NONE =
  /^(?:belum|blm|tidak|tdk|tak|tanpa)\s*(?:ada|punya|memiliki|mempunyai)?\s*(?:izin|ijin|perizinan|legalitas)?(?:\s*(?:apa\s*)?apa)?$/;
/** words that may stand between permits and name none */
const FILLER = new Set([
  'dan',
  'no',
  'nomor',
  'nomer',
  'izin',
  'ijin',
  'sudah',
  'ada',
  'punya',
  'memiliki',
  'sertifikat',
  'ri',
  'mui',
  'dll',
  'proses',
  'dalam',
]);

export function parsePermits(cell: RawCell | undefined): PermitsRead {
  const text = typeof cell === 'number' ? cellText(cell) : cellText(cell ?? null);
  if (isPlaceholder(text) || NONE.test(fold(text))) return { candidates: [], none: true, unrecognized: null };
  const taken: [number, number][] = [];
  const found: (PermitCandidate & { at: number })[] = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].trim() === '' || !free(start, end)) continue;
      taken.push([start, end]);
      const n = rule.number?.(m) ?? null;
      found.push({
        type: typeof rule.type === 'function' ? rule.type(m) : rule.type,
        number: n?.number ?? null,
        numberProblem: n ? !n.ok : false,
        text: m[0].trim(),
        at: start,
      });
    }
  }
  let rest = '';
  let pos = 0;
  for (const [a, b] of [...taken].sort((x, y) => x[0] - y[0])) {
    rest += ` ${text.slice(pos, a)}`;
    pos = b;
  }
  rest += ` ${text.slice(pos)}`;
  // what is left, piece by piece, without the separators and the words that name nothing
  const pieces = rest
    .split(/[;,|+\n]|\s\/\s|\s-\s/)
    .map((p) => p.trim())
    .filter((p) =>
      fold(p)
        .split(' ')
        .some((w) => w && !FILLER.has(w)),
    );
  return {
    candidates: found.sort((a, b) => a.at - b.at).map(({ at: _at, ...c }) => c),
    none: false,
    unrecognized: pieces.length ? pieces.join(', ') : null,
  };
}
