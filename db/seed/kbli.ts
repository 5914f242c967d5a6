import { KBLI_2020_LINES, KBLI_2025_LINES, KBLI_KEYWORD_LINES, KBLI_MAP_LINES } from './kbli-data';

/**
 * KBLI (Klasifikasi Baku Lapangan Usaha Indonesia), kategori C (Industri Pengolahan / Industri), five-digit
 * kelompok, for KBLI 2020 and KBLI 2025, with the 2020→2025 correspondence and everyday keywords.
 *
 * Sources (transcribed, not invented; see KBLI_DATASET.source):
 * - KBLI 2020 codes and titles: all 476 kategori C kelompok as listed in the DJP KLU table based on Peraturan
 *   BPS 2/2020 (upper case in the source; Indonesian title case here, see `kbliTitleCase`).
 * - KBLI 2025 codes and titles and the mapping: the BPS KBLI 2025 publication (Peraturan BPS 7/2025),
 *   Lampiran 5 "KBLI 2020 – KBLI 2025" correspondence table, every row whose 2020 code is in kategori C. The
 *   463 kategori C 2025 codes reached from a 2020 kategori C code are included; a 2025 code whose only
 *   predecessors lie outside kategori C (if any) is not, and the office can add it (kbli:add).
 * - Mapping kind: computed from the table's cardinality (one 2020 code to several 2025 codes: split; several
 *   to one: merged; otherwise one_to_one).
 * - Keywords: written for this app (everyday words, not part of KBLI).
 */
export type KbliMapKind = 'one_to_one' | 'split' | 'merged';

export interface KbliSeed {
  code: string;
  title: string;
}

export const KBLI_DATASET = {
  name: 'kbli',
  version: 'KBLI 2020 (Peraturan BPS 2/2020) dan KBLI 2025 (Peraturan BPS 7/2025), kategori C',
  source:
    'KBLI 2020: tabel KLU DJP berbasis KBLI 2020 (476 kelompok kategori C); KBLI 2025 dan padanannya: ' +
    'Lampiran 5 tabel korespondensi KBLI 2020–KBLI 2025 publikasi BPS (463 kelompok kategori C)',
  licence: 'Publikasi pemerintah (BPS, DJP)',
  attribution: 'Badan Pusat Statistik; Direktorat Jenderal Pajak',
} as const;

/**
 * Function words that stay lower case inside a title (PUEBI: "kecuali kata tugas seperti di, ke, dari, dan,
 * yang, dan untuk yang tidak terletak pada posisi awal"; with atau, serta, dengan, pada, oleh and bagi, the
 * conjunctions and prepositions KBLI titles use). "Dalam" is left out on purpose: in "Ban Dalam" and "Motor
 * Pembakaran Dalam" it is an adjective, not the preposition.
 */
export const TITLE_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'dan',
  'dari',
  'untuk',
  'di',
  'ke',
  'yang',
  'atau',
  'serta',
  'dengan',
  'pada',
  'oleh',
  'bagi',
]);

/**
 * Indonesian title case for KBLI titles: every word element starts with a capital, also after "/" and "-"
 * ("Tanah Liat/Keramik", "Buah-Buahan": PUEBI capitalises each part of a full reduplication in a title), except
 * the function words above when not first ("Furnitur dari Kayu", "dan/atau"). Acronyms written in capitals
 * (YTDL, 3D) and the rest of each word are kept as they are.
 */
export function kbliTitleCase(title: string): string {
  let first = true;
  return title.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const isFirst = first;
    first = false;
    const lower = word.toLowerCase();
    if (!isFirst && TITLE_FUNCTION_WORDS.has(lower)) return lower;
    if (word.length > 1 && word === word.toUpperCase() && /\p{L}/u.test(word)) return word;
    return word.charAt(0).toUpperCase() + word.slice(1);
  });
}

function rows(lines: readonly string[]): string[][] {
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => l.split('|'));
}

export const KBLI_2020: KbliSeed[] = rows(KBLI_2020_LINES).map(([code, title]) => ({
  code: code!,
  title: title!,
}));
export const KBLI_2025: KbliSeed[] = rows(KBLI_2025_LINES).map(([code, title]) => ({
  code: code!,
  title: title!,
}));
export const KBLI_MAP: [code2020: string, code2025: string, kind: KbliMapKind][] = rows(KBLI_MAP_LINES).map(
  ([a, b, kind]) => [a!, b!, kind as KbliMapKind],
);
/** Everyday words per code, keyed `version:code`. */
export const KBLI_KEYWORDS: Record<string, string> = Object.fromEntries(
  rows(KBLI_KEYWORD_LINES).map(([key, words]) => [key!, words!]),
);
