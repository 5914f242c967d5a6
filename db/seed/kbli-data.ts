/* The data, one line a row, is in kbli-data.json: generated from the sources named in db/seed/kbli.ts
 * (KBLI_DATASET); edit by hand with care. */
import data from './kbli-data.json';

/** KBLI 2020, kategori C, kelompok (5 digits): `code|title`. Titles from the DJP KLU table (upper case in the
 * source), written here in Indonesian title case (`kbliTitleCase` in kbli.ts; a unit test holds every title to it). */
export const KBLI_2020_LINES: readonly string[] = data.kbli2020;

/** KBLI 2025 (Peraturan BPS 7/2025), kategori C: `code|title`, titles from the BPS correspondence table
 * (Lampiran 5), in the same Indonesian title case as the 2020 titles. */
export const KBLI_2025_LINES: readonly string[] = data.kbli2025;

/** KBLI 2020 → KBLI 2025 from the BPS correspondence table: `code2020|code2025|kind`. */
export const KBLI_MAP_LINES: readonly string[] = data.map2020to2025;

/**
 * Everyday words a clerk types, per `version:code` (one line per code, sorted). Written for this app from the
 * kelompok descriptions of Peraturan BPS 2/2020 and 7/2025; each product is listed under the code(s) whose
 * description covers it, in both versions. Choices worth knowing: tape singkong with the processed
 * vegetables (10399 / 10309, like getuk singkong in BPJPH's self-declare table), tape ketan with the other
 * foods (10799); VCO with crude coconut oil (10422, not refined cooking oil 10423); charcoal (arang kayu,
 * arang tempurung) with the organic basic chemicals from farm and forest products (20115), charcoal
 * briquettes in KBLI 2025 under 19205 Industri Briket; bird cages with the other goods of wood and bamboo
 * (16299). Loaded by migration 003 (new databases) and reloaded by migration 008 (existing ones).
 */
export const KBLI_KEYWORD_LINES: readonly string[] = data.keywords;
