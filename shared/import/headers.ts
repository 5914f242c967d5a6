// Over 400 lines on purpose: mostly data (the abbreviations and the known header names of each field as offices write them), with the small matcher that reads them; the table and its reader belong together.
import { distance } from 'fastest-levenshtein';
import { fold } from './cells';
import { TARGETS_BY_KEY } from './targets';

/**
 * Which column is which field, proposed from the headers offices write ("Nama Usaha", "Nm. Pemilik",
 * "No KTP", "Desa/Kel", "HP", "Izin", "Tenaga Kerja", "KBLI", …), each with a score the mapping step shows;
 * the clerk corrects what is wrong. Headers are folded, common abbreviations expanded ("nm" → nama,
 * "tgl" → tanggal, "tk" → tenaga kerja), then compared with each target's known names, word by word with
 * room for a typo.
 */

/** The abbreviations of office sheets, word by word. */
const ABBREVIATIONS: Record<string, string> = {
  nm: 'nama',
  nma: 'nama',
  no: 'nomor',
  nmr: 'nomor',
  nomer: 'nomor',
  tgl: 'tanggal',
  tg: 'tanggal',
  jml: 'jumlah',
  jmlh: 'jumlah',
  tk: 'tenaga kerja',
  kel: 'kelurahan',
  ds: 'desa',
  kec: 'kecamatan',
  kab: 'kabupaten',
  thn: 'tahun',
  th: 'tahun',
  telp: 'telepon',
  tlp: 'telepon',
  tlpn: 'telepon',
  telpon: 'telepon',
  lk: 'laki laki',
  pr: 'perempuan',
  l: 'laki laki',
  p: 'perempuan',
  alm: 'alamat',
  ush: 'usaha',
  prsh: 'perusahaan',
  ket: 'keterangan',
  inv: 'investasi',
  kap: 'kapasitas',
  prod: 'produksi',
  wa: 'whatsapp',
  ijin: 'izin',
  perijinan: 'perizinan',
  merk: 'merek',
  omset: 'omzet',
  pelaku: 'pelaku',
  hp: 'hp',
  ttl: 'tempat tanggal lahir',
  pj: 'penanggung jawab',
  kbli: 'kbli',
  ikm: 'ikm',
};

export function headerKey(header: string): string {
  return fold(header)
    .split(' ')
    .filter(Boolean)
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(' ');
}

/** Each target's names as sheets write them (folded and expanded like headers). A weight below 1 marks a
 * name that is only a guess ("Nama" alone is usually the owner). */
const ALIASES: Record<string, (string | [string, number])[]> = {
  ownerName: [
    'nama pemilik',
    'pemilik',
    'nama pelaku usaha',
    'pelaku usaha',
    'nama pengusaha',
    'pengusaha',
    'penanggung jawab',
    'nama penanggung jawab',
    'nama pemilik usaha',
    'nama lengkap',
    'owner',
    ['nama', 0.75],
  ],
  ownerNik: ['nik', 'nomor ktp', 'ktp', 'nik pemilik', 'nomor nik', 'nomor induk kependudukan', 'nik ktp'],
  ownerSex: ['jenis kelamin', 'kelamin', 'laki laki perempuan', 'gender', 'sex', 'jenis kelamin pemilik'],
  ownerBirthDate: ['tanggal lahir', 'lahir', 'tanggal lahir pemilik'],
  ownerBirthPlace: ['tempat lahir'],
  ownerBirthPlaceDate: ['tempat tanggal lahir', 'tempat dan tanggal lahir'],
  ownerPhone: [
    'hp',
    'nomor hp',
    'telepon',
    'nomor telepon',
    'whatsapp',
    'nomor whatsapp',
    'kontak',
    'handphone',
    'telepon hp',
    'hp whatsapp',
    'nomor kontak',
  ],
  ownerStreet: ['alamat pemilik', 'alamat rumah', 'alamat ktp', 'alamat tinggal', 'alamat domisili'],
  ownerRt: ['rt pemilik'],
  ownerRw: ['rw pemilik'],
  ownerVillageCode: ['kode desa pemilik'],
  ownerVillageName: ['desa pemilik', 'kelurahan pemilik', 'desa domisili', 'desa kelurahan pemilik'],
  name: [
    'nama usaha',
    'nama perusahaan',
    'nama ikm',
    'nama industri',
    'usaha',
    'perusahaan',
    'nama umkm',
    'nama ukm',
    'nama unit usaha',
    'nama badan usaha',
    'nama tempat usaha',
    'ikm',
  ],
  products: [
    'produk',
    'jenis produk',
    'komoditi',
    'komoditas',
    'hasil produksi',
    'jenis usaha',
    'bidang usaha',
    'produk utama',
    'nama produk',
    'jenis industri',
    'cabang industri',
  ],
  brand: ['merek', 'merek dagang', 'brand', 'merek produk'],
  kbliCode: ['kbli', 'kode kbli', 'nomor kbli', 'kbli 2020', 'kbli 2025'],
  kbliVersion: ['versi kbli', 'tahun kbli'],
  sentra: ['sentra', 'nama sentra', 'sentra ikm'],
  street: [
    'alamat',
    'alamat usaha',
    'alamat perusahaan',
    'jalan',
    'alamat lokasi',
    'lokasi usaha',
    'alamat tempat usaha',
    'alamat ikm',
  ],
  rt: ['rt'],
  rw: ['rw'],
  rtRw: ['rt rw', 'rt dan rw'],
  villageCode: ['kode desa', 'kode wilayah', 'kode kelurahan', 'kode desa kelurahan'],
  villageName: [
    'desa',
    'kelurahan',
    'desa kelurahan',
    'nama desa',
    'desa usaha',
    'lokasi desa',
    'desa lokasi usaha',
    'nama desa kelurahan',
  ],
  districtName: ['kecamatan', 'nama kecamatan'],
  yearStarted: [
    'tahun berdiri',
    'tahun mulai',
    'tahun mulai usaha',
    'berdiri sejak',
    'sejak',
    'tahun usaha',
    'mulai usaha',
  ],
  workersMale: [
    'tenaga kerja laki laki',
    'tenaga kerja pria',
    'laki laki',
    'pria',
    'jumlah tenaga kerja laki laki',
  ],
  workersFemale: [
    'tenaga kerja perempuan',
    'tenaga kerja wanita',
    'perempuan',
    'wanita',
    'jumlah tenaga kerja perempuan',
  ],
  workersTotal: [
    'tenaga kerja',
    'jumlah tenaga kerja',
    'karyawan',
    'jumlah karyawan',
    'pekerja',
    'jumlah pekerja',
    'tenaga kerja orang',
    'jumlah tenaga kerja orang',
  ],
  investment: ['investasi', 'nilai investasi', 'investasi mesin peralatan', 'investasi tanpa tanah bangunan'],
  investmentLandBuilding: ['investasi tanah bangunan', 'nilai tanah bangunan', 'tanah bangunan'],
  capital: ['modal', 'modal usaha', 'permodalan', 'nilai modal'],
  annualTurnover: [
    'omzet',
    'omzet tahunan',
    'omzet tahun',
    'omzet per tahun',
    'hasil penjualan',
    'penjualan tahunan',
    'penjualan',
  ],
  turnoverYear: ['tahun omzet'],
  productionCapacity: ['kapasitas produksi', 'kapasitas'],
  capacityUnit: ['satuan', 'satuan kapasitas', 'satuan produksi'],
  rawMaterials: ['bahan baku', 'bahan baku utama'],
  energyUse: ['energi', 'bahan bakar', 'listrik', 'penggunaan energi'],
  waterUse: ['air', 'penggunaan air'],
  legalForm: ['bentuk usaha', 'badan usaha', 'bentuk badan usaha', 'badan hukum', 'bentuk badan hukum'],
  npwp: ['npwp', 'nomor npwp'],
  status: ['status', 'status usaha', 'keadaan usaha', 'kondisi usaha'],
  statusReason: ['alasan status'],
  notes: ['keterangan', 'catatan', 'keterangan lain'],
  permits: [
    'izin',
    'perizinan',
    'legalitas',
    'izin usaha',
    'izin yang dimiliki',
    'legalitas usaha',
    'sertifikat',
    'nib',
    'pirt',
    'izin izin',
    'nib pirt halal',
  ],
  registrationDate: ['tanggal daftar', 'tanggal terdaftar', 'tanggal registrasi', 'tanggal pendaftaran'],
  previousNumber: [
    'nomor register',
    'nomor registrasi',
    'nomor pendaftaran',
    'nomor daftar',
    'nomor induk',
    'nomor tanda daftar',
  ],
};

/** A column that is nobody's field (the row number). */
const IGNORED = new Set(['nomor', 'nomor urut', 'urut', 'nomor baris']);

const ALIAS_KEYS: { target: string; key: string; words: string[]; weight: number }[] = Object.entries(
  ALIASES,
).flatMap(([target, names]) =>
  names.map((n) => {
    const [name, weight] = typeof n === 'string' ? [n, 1] : n;
    const key = headerKey(name);
    return { target, key, words: key.split(' '), weight };
  }),
);

function wordsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 5) return false;
  return 1 - distance(a, b) / Math.max(a.length, b.length) >= 0.8;
}

/** 0..1: how well a header's words fit a name's words (order free, a typo allowed in long words). */
function fit(words: string[], alias: string[]): number {
  const used = new Set<number>();
  let common = 0;
  for (const w of words) {
    const i = alias.findIndex((a, j) => !used.has(j) && wordsMatch(w, a));
    if (i >= 0) {
      used.add(i);
      common++;
    }
  }
  return (2 * common) / (words.length + alias.length);
}

export interface TargetScore {
  target: string;
  score: number;
}

/** The targets a header may stand for, best first (score ≥ 0.5). */
export function scoreHeader(header: string): TargetScore[] {
  const key = headerKey(header);
  if (!key) return [];
  const words = key.split(' ');
  const best = new Map<string, number>();
  for (const a of ALIAS_KEYS) {
    let s: number;
    if (a.key === key) s = 1;
    else {
      const f = fit(words, a.words);
      s = f === 1 ? 0.97 : 0.9 * f;
    }
    s *= a.weight;
    if (s > (best.get(a.target) ?? 0)) best.set(a.target, s);
  }
  return [...best.entries()]
    .filter(([, s]) => s >= 0.5)
    .map(([target, score]) => ({ target, score: Math.round(score * 100) / 100 }))
    .sort((a, b) => b.score - a.score);
}

export interface ColumnProposal {
  /** 0-based column index */
  index: number;
  header: string;
  /** proposed target key, or null (not imported) */
  target: string | null;
  /** 0..1; 0 when nothing was proposed */
  score: number;
  /** the next best targets, for the clerk's choice */
  alternatives: TargetScore[];
}

/** Below this a column is left unmapped: the clerk chooses. */
export const PROPOSAL_MIN = 0.7;

/**
 * One proposal per column. Each target goes to at most one column, the best-scoring pair first; a column
 * whose header is a row number ("No") is left out.
 */
export function proposeMapping(headers: readonly string[]): ColumnProposal[] {
  const scored = headers.map((h, index) => ({ index, header: h, scores: scoreHeader(h) }));
  const pairs = scored
    .flatMap((c) => c.scores.map((s) => ({ index: c.index, ...s })))
    .filter((p) => p.score >= PROPOSAL_MIN && TARGETS_BY_KEY.has(p.target))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const byColumn = new Map<number, TargetScore>();
  const takenTargets = new Set<string>();
  for (const p of pairs) {
    if (byColumn.has(p.index) || takenTargets.has(p.target)) continue;
    if (IGNORED.has(headerKey(headers[p.index]!))) continue;
    byColumn.set(p.index, { target: p.target, score: p.score });
    takenTargets.add(p.target);
  }
  return scored.map((c) => {
    const chosen = byColumn.get(c.index);
    return {
      index: c.index,
      header: c.header,
      target: chosen?.target ?? null,
      score: chosen?.score ?? 0,
      alternatives: c.scores.filter((s) => s.target !== chosen?.target).slice(0, 4),
    };
  });
}

/** How header-like a row is: the sum of its cells' best scores (numbers and dates count nothing). */
function headerScore(cells: readonly unknown[]): { score: number; filled: number } {
  let score = 0;
  let filled = 0;
  for (const c of cells) {
    if (typeof c !== 'string' || !c.trim()) continue;
    filled++;
    score += scoreHeader(c)[0]?.score ?? 0;
  }
  return { score, filled };
}

/** Labels of a second header row under a merged cell ("Tenaga Kerja" over "L" and "P"). */
const SUB_LABEL = /^[^\d]{1,20}$/;

export interface HeaderFound {
  /** index of the header row among the rows given */
  index: number;
  /** rows taken by the header (2 with a sub-header row) */
  rows: number;
  headers: string[];
}

/**
 * The header row among the first rows of a sheet: offices put a title ("DATA IKM KECAMATAN KALISAT 2024")
 * and blank lines above it. The row whose cells read most like field names wins (at least two filled).
 * A second row of short labels under merged cells is joined to its parent ("Tenaga Kerja L").
 */
export function findHeader(rows: readonly { cells: readonly unknown[] }[]): HeaderFound | null {
  let best: { index: number; score: number } | null = null;
  rows.forEach((r, index) => {
    const { score, filled } = headerScore(r.cells);
    if (filled < 2) return;
    if (!best || score > best.score + 1e-9) best = { index, score };
  });
  const found = best as { index: number; score: number } | null;
  if (!found) return null;
  const head = rows[found.index]!.cells.map((c) =>
    typeof c === 'string' ? c.trim() : c == null ? '' : String(c),
  );
  const next = rows[found.index + 1]?.cells ?? [];
  const width = Math.max(head.length, next.length);
  // a sub-header: its filled cells are short labels standing under an empty header cell or a group's first
  // cell, and at least one stands under an empty header cell (a merged parent)
  const subFilled = next.map((c, i) => ({ c, i })).filter(({ c }) => typeof c === 'string' && c.trim());
  const isSub =
    subFilled.length > 0 &&
    subFilled.every(
      ({ c, i }) => SUB_LABEL.test(String(c).trim()) && ((head[i] ?? '') === '' || head[i + 1] === ''),
    ) &&
    subFilled.some(({ i }) => (head[i] ?? '') === '') &&
    next.every((c) => c === null || c === undefined || typeof c === 'string');
  if (!isSub) return { index: found.index, rows: 1, headers: head };
  const headers: string[] = [];
  let parent = '';
  for (let i = 0; i < width; i++) {
    const h = head[i] ?? '';
    if (h) parent = h;
    const sub = typeof next[i] === 'string' ? (next[i] as string).trim() : '';
    if (!sub) headers.push(h);
    else headers.push(h ? `${h} ${sub}` : parent ? `${parent} ${sub}` : sub);
  }
  return { index: found.index, rows: 2, headers };
}
