import { z } from 'zod';
import { BUSINESS_STATUSES, type BusinessListItem } from './business';
import { zFilterText, zKbliPrefix, zListWindow } from './common';

/** The list's sort orders. `relevance`: best matches first when searching, newest first otherwise. */
export const LIST_SORTS = ['relevance', 'registrationNumber', 'name', 'village', 'registrationDate'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export const INDUSTRY_CLASSES = ['kecil', 'menengah', 'besar'] as const;
export const BUSINESS_CLASSES = ['mikro', 'kecil', 'menengah', 'besar'] as const;
export const BPS_SCALES = ['rumah_tangga', 'kecil', 'sedang', 'besar'] as const;

/** The most a list page asks for at once: the virtualised table fetches windows, never the whole list. */
export const LIST_WINDOW_MAX = 500;
/**
 * Counts stop here ("lebih dari 1.000"): counting every match of a common word at 1,000,000 businesses costs
 * tens of milliseconds (measured: up to 60 ms for 10,000 matches, ≤ 6 ms for 1,000). Below the cap the count
 * is exact. The plain list without filters is always counted exactly (count(*) minus the archived).
 */
export const SEARCH_COUNT_CAP = 1_000;
/** Filtered lists (no search words) read a covering index, so they can count further. */
export const LIST_COUNT_CAP = 10_000;

export const businessListSchema = z
  .object({
    /** one box: business name, owner, product, brand, NIK, registration number or desa */
    query: zFilterText(200),
    villageCode: zFilterText(20),
    /** desa by name (records whose desa was typed, or when no region list is loaded) */
    villageName: zFilterText(120),
    /** a KBLI code or its first digits (105 = all of golongan 105) */
    kbliCode: zKbliPrefix,
    status: z.array(z.enum(BUSINESS_STATUSES)).max(BUSINESS_STATUSES.length).optional(),
    industryClass: z.enum(INDUSTRY_CLASSES).optional(),
    businessClass: z.enum(BUSINESS_CLASSES).optional(),
    bpsScale: z.enum(BPS_SCALES).optional(),
    /** holds a live permit of this type (its id), or 'none': no permit at all (issue 8 item 6) */
    permit: z.union([z.literal('none'), z.number().int().positive()]).optional(),
    /** enrolled (not withdrawn) in this activity (its id): who took part in a training (issue 8 item 6) */
    activity: z.number().int().positive().optional(),
    /** archived and merged records are left out unless asked for */
    includeArchived: z.boolean().default(false),
    ...zListWindow(LIST_SORTS, {
      sort: 'relevance',
      direction: 'desc',
      limit: 100,
      maxLimit: LIST_WINDOW_MAX,
      maxOffset: 100_000_000,
    }),
    /** later windows of the same list skip the count */
    withTotal: z.boolean().default(true),
  })
  .prefault({});
export type BusinessListInput = z.input<typeof businessListSchema>;
export type BusinessListQuery = z.output<typeof businessListSchema>;

/** A row of the registry list: the record's identity (BusinessListItem) and what the list's columns show. */
export interface BusinessListRow extends BusinessListItem {
  villageCode: string | null;
  products: string | null;
  kbliCode: string | null;
  industryClass: string | null;
  businessClass: string | null;
  bpsScale: string | null;
  archived: boolean;
  merged: boolean;
  /** found by the typo-tolerant fallback, not by the words as typed */
  similar: boolean;
  /** the desa's kecamatan ("Ledokombo"), from its code; null without a code */
  districtName: string | null;
}

/**
 * How the query was read: `list` (no query), `nik` (16 digits), `registration` (a registration number or
 * its digits), `prefix` (1–2 characters), `text` (words of ≥ 3 characters anywhere), and whether similar
 * spellings were added.
 */
export type SearchMode = 'list' | 'nik' | 'registration' | 'digits' | 'prefix' | 'text';

export interface BusinessListPage {
  items: BusinessListRow[];
  /** -1 when not counted (withTotal: false) */
  total: number;
  /** true when the count stopped at its cap (`total` is then the cap): show "lebih dari 1.000" */
  totalCapped: boolean;
  mode: SearchMode;
  /** the spellings the typo fallback searched for as well (e.g. ["keripik"] for "kripik") */
  similarWords: string[];
}
