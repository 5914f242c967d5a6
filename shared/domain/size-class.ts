/**
 * Size classes are computed from the raw figures, never typed by the clerk. Each result names the rule that
 * decided it so the record (and the letter) can show why.
 *
 * - Industry class: Permenperin 64/M-IND/PER/7/2016 (workers and investment excluding land and buildings).
 * - Business class: PP 7/2021 (modal usaha excluding land and buildings; for an existing business, annual
 *   sales when known). The class is the larger of the two criteria that are known.
 * - BPS statistical scale by workers: rumah tangga/mikro 1–4, kecil 5–19, sedang 20–99, besar ≥ 100.
 */
export const RULES = {
  industry: 'Permenperin 64/M-IND/PER/7/2016',
  business: 'PP 7/2021 Pasal 35–36',
  bps: 'BPS (skala tenaga kerja)',
} as const;

const MILIAR = 1_000_000_000;

export type IndustryClass = 'kecil' | 'menengah' | 'besar';
export type BusinessClass = 'mikro' | 'kecil' | 'menengah' | 'besar';
export type BpsScale = 'rumah_tangga' | 'kecil' | 'sedang' | 'besar';

export interface Classified<T> {
  value: T | null;
  /** i18n key explaining the criterion that decided (or why there is no class yet) */
  reason: string;
  rule: string;
}

/**
 * Permenperin 64/2016: kecil = ≤ 19 workers and investment < Rp1 miliar; menengah = (≤ 19 workers and
 * investment ≥ Rp1 miliar) or (≥ 20 workers and investment ≤ Rp15 miliar); besar = ≥ 20 workers and
 * investment > Rp15 miliar.
 */
export function classifyIndustry(
  workers: number | null,
  investment: number | null,
): Classified<IndustryClass> {
  const rule = RULES.industry;
  if (workers === null || investment === null)
    return { value: null, reason: 'sizeClass.reason.missingWorkersInvestment', rule };
  if (workers <= 19) {
    return investment < MILIAR
      ? { value: 'kecil', reason: 'sizeClass.reason.industryKecil', rule }
      : { value: 'menengah', reason: 'sizeClass.reason.industryMenengahInvestment', rule };
  }
  return investment <= 15 * MILIAR
    ? { value: 'menengah', reason: 'sizeClass.reason.industryMenengahWorkers', rule }
    : { value: 'besar', reason: 'sizeClass.reason.industryBesar', rule };
}

const ORDER: BusinessClass[] = ['mikro', 'kecil', 'menengah', 'besar'];

function byCapital(c: number): BusinessClass {
  if (c <= 1 * MILIAR) return 'mikro';
  if (c <= 5 * MILIAR) return 'kecil';
  if (c <= 10 * MILIAR) return 'menengah';
  return 'besar';
}

function byTurnover(t: number): BusinessClass {
  if (t <= 2 * MILIAR) return 'mikro';
  if (t <= 15 * MILIAR) return 'kecil';
  if (t <= 50 * MILIAR) return 'menengah';
  return 'besar';
}

/**
 * PP 7/2021: mikro modal ≤ Rp1 M or sales ≤ Rp2 M; kecil > 1–5 M or > 2–15 M; menengah > 5–10 M or > 15–50 M;
 * above that, besar. With both known, the larger class applies (a business leaves mikro when either
 * criterion is exceeded).
 */
export function classifyBusiness(capital: number | null, turnover: number | null): Classified<BusinessClass> {
  const rule = RULES.business;
  if (capital === null && turnover === null)
    return { value: null, reason: 'sizeClass.reason.missingCapitalTurnover', rule };
  const a = capital === null ? null : byCapital(capital);
  const b = turnover === null ? null : byTurnover(turnover);
  if (a !== null && b !== null) {
    const cls = ORDER[Math.max(ORDER.indexOf(a), ORDER.indexOf(b))]!;
    return {
      value: cls,
      reason:
        ORDER.indexOf(b) > ORDER.indexOf(a) ? 'sizeClass.reason.byTurnover' : 'sizeClass.reason.byCapital',
      rule,
    };
  }
  if (a !== null) return { value: a, reason: 'sizeClass.reason.byCapital', rule };
  return { value: b, reason: 'sizeClass.reason.byTurnover', rule };
}

export function classifyBps(workers: number | null): Classified<BpsScale> {
  const rule = RULES.bps;
  if (workers === null) return { value: null, reason: 'sizeClass.reason.missingWorkers', rule };
  if (workers <= 4) return { value: 'rumah_tangga', reason: 'sizeClass.reason.bpsRumahTangga', rule };
  if (workers <= 19) return { value: 'kecil', reason: 'sizeClass.reason.bpsKecil', rule };
  if (workers <= 99) return { value: 'sedang', reason: 'sizeClass.reason.bpsSedang', rule };
  return { value: 'besar', reason: 'sizeClass.reason.bpsBesar', rule };
}

export interface SizeClasses {
  industry: Classified<IndustryClass>;
  business: Classified<BusinessClass>;
  bps: Classified<BpsScale>;
}

export function classifyAll(f: {
  workersMale: number | null;
  workersFemale: number | null;
  investment: number | null;
  capital: number | null;
  annualTurnover: number | null;
}): SizeClasses {
  const workers =
    f.workersMale === null && f.workersFemale === null ? null : (f.workersMale ?? 0) + (f.workersFemale ?? 0);
  return {
    industry: classifyIndustry(workers, f.investment),
    business: classifyBusiness(f.capital, f.annualTurnover),
    bps: classifyBps(workers),
  };
}
