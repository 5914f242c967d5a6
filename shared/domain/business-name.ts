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

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

export function normalizeBusinessName(name: string): string {
  let s = name.toLowerCase();
  // Accents only when there are any: NFKD is the slow part of comparing a whole desa.
  if (NON_ASCII.test(s)) s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return s
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

const sortWords = (s: string) => s.split(' ').sort().join(' ');

/** Similarity of a normalised draft name to a normalised candidate name, 0..1. */
function similarityNormalized(na: string, sortedA: string, nb: string, threshold = 0): number {
  if (!na || !nb) return 0;
  if (na === nb) return 1;
  // Very short names (one short word) only match exactly: "tahu" vs "tahi" is not a duplicate.
  if (Math.min(na.length, nb.length) < 5) return 0;
  // The distance is at least the difference in length: skip what cannot reach the threshold.
  const max = Math.max(na.length, nb.length);
  if (threshold > 0 && 1 - Math.abs(na.length - nb.length) / max < threshold) return 0;
  return Math.max(ratio(na, nb), ratio(sortedA, sortWords(nb)));
}

/** 0..1 on normalised names (1 = the same after normalisation). */
export function nameSimilarity(a: string, b: string): number {
  const na = normalizeBusinessName(a);
  return similarityNormalized(na, sortWords(na), normalizeBusinessName(b));
}

/**
 * For comparing one draft name with many (a whole desa): the draft is normalised once and candidates that
 * cannot reach `threshold` are skipped cheaply. Returns 0 for those.
 */
export function nameMatcher(
  draft: string,
  threshold = NAME_SIMILARITY_THRESHOLD,
): (candidate: string) => number {
  const na = normalizeBusinessName(draft);
  const sortedA = sortWords(na);
  return (candidate) => similarityNormalized(na, sortedA, normalizeBusinessName(candidate), threshold);
}

/** A name normalised once, for comparing it with many others (an import compares every row of a desa). */
export interface NormalizedName {
  norm: string;
  sorted: string;
  /** letter and digit counts: a lower bound of the edit distance to another name */
  bag: Uint8Array;
  /** which letters a–z occur (bit per letter): a cheaper, weaker bound checked first */
  mask: number;
  /** which letters occur at least twice, and at least three times: with `mask`, a tighter cheap bound */
  mask2: number;
  mask3: number;
}

const BAG_SIZE = 37;

export function normalizeName(name: string): NormalizedName {
  const norm = normalizeBusinessName(name);
  const bag = new Uint8Array(BAG_SIZE);
  let mask = 0;
  let mask2 = 0;
  let mask3 = 0;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    const k = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : 36;
    if (bag[k]! < 255) bag[k]!++;
    if (k < 26) {
      const bit = 1 << k;
      if (mask2 & bit) mask3 |= bit;
      else if (mask & bit) mask2 |= bit;
      mask |= bit;
    }
  }
  return { norm, sorted: sortWords(norm), bag, mask, mask2, mask3 };
}

/** `d` edits at least between names of which the longer has `max` characters: below the threshold? */
function boundFails(d: number, max: number, threshold: number): boolean {
  return 1 - d / max < threshold;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Letters `a` has more often than `b`, counted up to three of each: a lower bound of the bag's surplus. */
function surplus3(a: NormalizedName, b: NormalizedName): number {
  return popcount(a.mask & ~b.mask) + popcount(a.mask2 & ~b.mask2) + popcount(a.mask3 & ~b.mask3);
}

/**
 * The same similarity as `nameSimilarity`, on names normalised once; 0 for pairs that cannot reach
 * `threshold`. Bounds skip most pairs before the edit distance: the difference in length, then the letters
 * one name has more often than the other (each costs at least one edit; sorting words keeps the letters),
 * first by which letters occur, then by whether they occur twice and three times (bit masks, a few
 * instructions; on an import's 888,000 pairs within a desa they leave 16,000 of the 430,000 the first mask
 * passed), then by the full counts.
 */
export function normalizedSimilarity(a: NormalizedName, b: NormalizedName, threshold = 0): number {
  if (!a.norm || !b.norm) return 0;
  if (a.norm === b.norm) return 1;
  if (Math.min(a.norm.length, b.norm.length) < 5) return 0;
  const max = Math.max(a.norm.length, b.norm.length);
  if (threshold > 0) {
    // a bound d on the distance fails when even d edits are too many; written as the final comparison is
    // (1 - d / max against the threshold), so that floating point rounds both the same way (a function of
    // its own, not a closure: this runs for millions of pairs in an import)
    if (boundFails(Math.abs(a.norm.length - b.norm.length), max, threshold)) return 0;
    const letters = Math.max(popcount(a.mask & ~b.mask), popcount(b.mask & ~a.mask));
    if (boundFails(letters, max, threshold)) return 0;
    // a letter b lacks, or has once where a has it twice, or twice where a has it three times: one edit each
    if (boundFails(Math.max(surplus3(a, b), surplus3(b, a)), max, threshold)) return 0;
    let onlyA = 0;
    let onlyB = 0;
    const ba = a.bag;
    const bb = b.bag;
    for (let i = 0; i < BAG_SIZE; i++) {
      const d = ba[i]! - bb[i]!;
      if (d > 0) onlyA += d;
      else onlyB -= d;
    }
    if (boundFails(Math.max(onlyA, onlyB), max, threshold)) return 0;
  }
  return Math.max(ratio(a.norm, b.norm), ratio(a.sorted, b.sorted));
}

/** The names of one length in a `NameIndex`: their letter masks side by side, scanned without a pointer. */
interface LengthBucket<T> {
  items: T[];
  names: NormalizedName[];
  /** `mask`, `mask2`, `mask3` of each name, three per name */
  masks: Int32Array;
  n: number;
}

/** The most edits `d` that still reach `threshold` between names of which the longer has `max` characters. */
function editsAllowed(max: number, threshold: number): number {
  let d = -1;
  while (d < max && !boundFails(d + 1, max, threshold)) d++;
  return d;
}

/**
 * Names of one desa, kept by length so a new name meets only those whose length can reach the threshold
 * (a ratio of 0.8 allows lengths within 20 % of the longer). Within a length, the names' letter masks sit in
 * one typed array: the first bounds of `normalizedSimilarity` (the letters one name has more often than the
 * other, up to three of each) run over it without reaching each name's object, and only the names they pass
 * are compared in full (an import's name check went from pointer chasing to a linear scan).
 */
export class NameIndex<T> {
  private readonly byLength = new Map<number, LengthBucket<T>>();

  add(item: T, name: NormalizedName): void {
    const len = name.norm.length;
    let b = this.byLength.get(len);
    if (!b) this.byLength.set(len, (b = { items: [], names: [], masks: new Int32Array(24), n: 0 }));
    if ((b.n + 1) * 3 > b.masks.length) {
      const grown = new Int32Array(b.masks.length * 2);
      grown.set(b.masks);
      b.masks = grown;
    }
    b.items.push(item);
    b.names.push(name);
    b.masks[b.n * 3] = name.mask;
    b.masks[b.n * 3 + 1] = name.mask2;
    b.masks[b.n * 3 + 2] = name.mask3;
    b.n++;
  }

  /** Items whose name is at least `threshold` similar, with the similarity. */
  similar(name: NormalizedName, threshold = NAME_SIMILARITY_THRESHOLD): { item: T; similarity: number }[] {
    const out: { item: T; similarity: number }[] = [];
    const len = name.norm.length;
    if (!len) return out;
    // generous by a hair: 15 × 0.8 is 12.000000000000002 in floating point
    const lo = Math.ceil(len * threshold - 1e-9);
    const hi = Math.floor(len / threshold + 1e-9);
    const a1 = name.mask;
    const a2 = name.mask2;
    const a3 = name.mask3;
    for (let l = lo; l <= hi; l++) {
      const b = this.byLength.get(l);
      if (!b) continue;
      // the same bound normalizedSimilarity applies, as a count of edits for this pair of lengths
      const allowed = editsAllowed(Math.max(len, l), threshold);
      if (allowed < 0) continue;
      const m = b.masks;
      for (let i = 0, k = 0; i < b.n; i++, k += 3) {
        const b1 = m[k]!;
        const b2 = m[k + 1]!;
        const b3 = m[k + 2]!;
        if (popcount(a1 & ~b1) + popcount(a2 & ~b2) + popcount(a3 & ~b3) > allowed) continue;
        if (popcount(b1 & ~a1) + popcount(b2 & ~a2) + popcount(b3 & ~a3) > allowed) continue;
        const s = normalizedSimilarity(name, b.names[i]!, threshold);
        if (s >= threshold) out.push({ item: b.items[i]!, similarity: s });
      }
    }
    return out;
  }
}
