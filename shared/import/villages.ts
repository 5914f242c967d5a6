import { distance } from 'fastest-levenshtein';
import { fold } from './cells';

/**
 * Village names from a sheet matched to Kemendagri codes within the office's kabupaten. Offices write
 * "Ds. Sumberjati", "SUMBERJATI", "Desa Sumber Jati", "Sumberjatti": prefixes, case, spaces and small
 * misspellings. The closest name is proposed with its score; what is not clearly one village is left for the
 * clerk to confirm (doubtful, ambiguous) or to choose (unknown).
 */
export interface VillageRef {
  /** dotted Kemendagri code, 35.09.27.2007 */
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
}

export type VillageStatus = 'exact' | 'corrected' | 'doubtful' | 'ambiguous' | 'unknown';

export interface VillageCandidate {
  village: VillageRef;
  /** 0..1 */
  score: number;
}

export interface VillageMatch {
  status: VillageStatus;
  /** the proposed village (exact, corrected, doubtful); null when ambiguous or unknown */
  village: VillageRef | null;
  score: number;
  /** the closest villages, best first (at most 5), for the clerk's choice */
  candidates: VillageCandidate[];
  /** a prefix ("Ds.", "Kel.") or a kecamatan suffix was taken off, or case/spaces differ */
  normalized: boolean;
}

/** At or above: a small misspelling, corrected and shown. */
export const VILLAGE_CORRECT_MIN = 0.85;
/** At or above (and below the correction score): a guess the clerk must confirm. Below: unknown. */
export const VILLAGE_DOUBT_MIN = 0.6;
/** A correction needs this lead over the next different name, or it is only doubtful. */
const MARGIN = 0.06;

const PREFIX = /^(?:desa|ds|dsa|kel|kelurahan|lurah|kelur|dusun desa)\s+/;
/** "Sumberjati Kec. Silo", "Sumberjati, Kecamatan Silo": the kecamatan as a hint */
const DISTRICT_SUFFIX = /\s+(?:kec|kecamatan|kc)\s+(.+)$/;
const REGENCY_SUFFIX = /\s+(?:kab|kabupaten|kota)\s+.+$/;

export interface VillageKey {
  /** folded, prefix and suffixes removed: "sumber jati" */
  key: string;
  /** without spaces: "sumberjati" */
  compact: string;
  districtHint: string | null;
}

export function villageKey(raw: string): VillageKey {
  let s = fold(raw).replace(REGENCY_SUFFIX, '');
  let districtHint: string | null = null;
  const d = DISTRICT_SUFFIX.exec(s);
  if (d) {
    districtHint = d[1]!;
    s = s.slice(0, d.index);
  }
  const stripped = s.replace(PREFIX, '');
  if (stripped) s = stripped;
  return { key: s, compact: s.replace(/ /g, ''), districtHint };
}

/** A kecamatan name as a hint: "Kec. Ajung" → "ajung". */
export function districtKey(raw: string): string {
  return fold(raw)
    .replace(/^(?:kec|kecamatan|kc)\s+/, '')
    .replace(/ /g, '');
}

function ratio(a: string, b: string): number {
  const max = Math.max(a.length, b.length);
  return max === 0 ? 0 : 1 - distance(a, b) / max;
}

export class VillageMatcher {
  private readonly byCompact = new Map<string, VillageRef[]>();
  private readonly names: { compact: string; refs: VillageRef[] }[] = [];
  private readonly byCodeMap = new Map<string, VillageRef>();
  private readonly cache = new Map<string, VillageMatch>();

  constructor(
    villages: readonly VillageRef[],
    private readonly officeDistrictCode: string | null = null,
  ) {
    for (const v of villages) {
      const { compact } = villageKey(v.name);
      const list = this.byCompact.get(compact);
      if (list) list.push(v);
      else this.byCompact.set(compact, [v]);
      this.byCodeMap.set(v.code, v);
    }
    for (const [compact, refs] of this.byCompact) this.names.push({ compact, refs });
  }

  get size(): number {
    return this.byCodeMap.size;
  }

  /** `35.09.27.2007` or `3509272007` → the village, when it lies in this kabupaten. */
  byCode(raw: string): VillageRef | null {
    const d = raw.replace(/\D/g, '');
    if (d.length !== 10) return null;
    return this.byCodeMap.get(`${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}.${d.slice(6)}`) ?? null;
  }

  /** The village a name stands for. `districtName`: a kecamatan column of the same row, if mapped. */
  match(raw: string, districtName?: string | null): VillageMatch {
    const cacheKey = `${raw}\u0000${districtName ?? ''}`;
    const hit = this.cache.get(cacheKey);
    if (hit) return hit;
    const result = this.compute(raw, districtName ?? null);
    this.cache.set(cacheKey, result);
    return result;
  }

  private compute(raw: string, districtName: string | null): VillageMatch {
    const k = villageKey(raw);
    const hint = districtName
      ? districtKey(districtName)
      : k.districtHint
        ? districtKey(k.districtHint)
        : null;
    if (!k.compact) return { status: 'unknown', village: null, score: 0, candidates: [], normalized: false };
    // The name of one village, as written or in another case or with a prefix: most rows of a sheet. Only
    // that name scores 1, so nothing else can change the answer; its candidates (shown only for a choice
    // the clerk makes, never for an exact match) are the villages of that name, not the four closest
    // others. This skips scoring every village of the kabupaten for 1,341 of the 2,427 spellings in the
    // benchmark's file.
    const same = this.byCompact.get(k.compact);
    const exact = same ? this.pick(same, hint) : null;
    if (same && exact)
      return {
        status: 'exact',
        village: exact,
        score: 1,
        candidates: this.prefer(same, hint).map((village) => ({ village, score: 1 })),
        normalized: raw.trim() !== exact.name,
      };

    const scored = this.names
      .map((n) => ({ n, score: n.compact === k.compact ? 1 : ratio(k.compact, n.compact) }))
      .sort((a, b) => b.score - a.score);
    const candidates: VillageCandidate[] = [];
    for (const s of scored) {
      for (const v of this.prefer(s.n.refs, hint)) candidates.push({ village: v, score: s.score });
      if (candidates.length >= 5) break;
    }
    const best = scored[0];
    if (!best || best.score < VILLAGE_DOUBT_MIN)
      return { status: 'unknown', village: null, score: best?.score ?? 0, candidates, normalized: true };
    const chosen = this.pick(best.n.refs, hint);
    if (!chosen)
      return { status: 'ambiguous', village: null, score: best.score, candidates, normalized: true };
    if (best.score === 1)
      return {
        status: 'exact',
        village: chosen,
        score: 1,
        candidates,
        normalized: raw.trim() !== chosen.name,
      };
    const second = scored[1];
    const clear = !second || best.score - second.score >= MARGIN;
    const status: VillageStatus = best.score >= VILLAGE_CORRECT_MIN && clear ? 'corrected' : 'doubtful';
    return { status, village: chosen, score: best.score, candidates, normalized: true };
  }

  /** Same-named villages in several kecamatan: the hinted kecamatan, else the office's, else none. */
  private pick(refs: VillageRef[], hint: string | null | undefined): VillageRef | null {
    if (refs.length === 1) return refs[0]!;
    if (hint) {
      const byHint = refs.filter((r) => districtKey(r.districtName) === hint);
      if (byHint.length === 1) return byHint[0]!;
    }
    const own = refs.filter((r) => r.districtCode === this.officeDistrictCode);
    return own.length === 1 ? own[0]! : null;
  }

  private prefer(refs: VillageRef[], hint: string | null | undefined): VillageRef[] {
    const first = this.pick(refs, hint);
    return first ? [first, ...refs.filter((r) => r !== first)] : refs;
  }
}
