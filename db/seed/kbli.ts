/**
 * KBLI (Klasifikasi Baku Lapangan Usaha Indonesia), kategori C (Industri Pengolahan / Industri), five-digit
 * kelompok. Filled in below from the sources named in KBLI_DATASET; keywords are everyday words a clerk
 * types ("keripik", "sambel", "mebel").
 */
export type KbliVersion = '2020' | '2025';
export type KbliMapKind = 'one_to_one' | 'split' | 'merged';

export interface KbliSeed {
  code: string;
  title: string;
}

export const KBLI_DATASET = {
  name: 'kbli',
  version: 'KBLI 2020 (Peraturan BPS 2/2020) + KBLI 2025 (Peraturan BPS 7/2025), kategori C',
  source: 'pending',
  licence: 'Public government publication (BPS)',
  attribution: 'Badan Pusat Statistik',
} as const;

export const KBLI_2020: KbliSeed[] = [];
export const KBLI_2025: KbliSeed[] = [];
export const KBLI_MAP: [code2020: string, code2025: string, kind: KbliMapKind][] = [];
/** Everyday words per code, keyed `version:code`. */
export const KBLI_KEYWORDS: Record<string, string> = {};
