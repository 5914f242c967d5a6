import { distance } from 'fastest-levenshtein';

/**
 * Business-name similarity for duplicate checks at the desk. Names are normalised (lower case, punctuation
 * removed, honorifics and generic words dropped: "UD", "Bu", "Pak", "Mbok", "Toko", "Usaha"…) and compared by
 * edit distance, both as written and with the words sorted, so "Keripik Tempe Bu Sri" and "Kripik Tempe Sri"
 * match while "Keripik Singkong Mawar" does not.
 */
export const NAME_STOPWORDS = new Set([
  'ud',
  'cv',
  'pt',
  'bu',
  'ibu',
  'pak',
  'bapak',
  'mbok',
  'mbak',
  'mak',
  'mas',
  'bude',
  'pakde',
  'cak',
  'ning',
  'toko',
  'usaha',
  'home',
  'industri',
  'industry',
  'ikm',
  'ukm',
  'umkm',
  'dan',
  'the',
]);

/** The threshold above which two names in the same desa are shown as a possible duplicate. */
export const NAME_SIMILARITY_THRESHOLD = 0.8;

export function normalizeBusinessName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w && !NAME_STOPWORDS.has(w))
    .join(' ');
}

function ratio(a: string, b: string): number {
  const max = Math.max(a.length, b.length);
  if (max === 0) return 0;
  return 1 - distance(a, b) / max;
}

/** 0..1 on normalised names (1 = the same after normalisation). */
export function nameSimilarity(a: string, b: string): number {
  const na = normalizeBusinessName(a);
  const nb = normalizeBusinessName(b);
  if (!na || !nb) return 0;
  if (na === nb) return 1;
  // Very short names (one short word) only match exactly: "tahu" vs "tahi" is not a duplicate.
  if (Math.min(na.length, nb.length) < 5) return 0;
  const sorted = (s: string) => s.split(' ').sort().join(' ');
  return Math.max(ratio(na, nb), ratio(sorted(na), sorted(nb)));
}
