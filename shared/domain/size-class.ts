/**
 * Size classes are computed from the raw figures, never typed by the clerk. Each result names the rule that
 * decided it so the record (and the letter) can show why.
 *
 * - Industry class: Permenperin 64/M-IND/PER/7/2016 (workers and investment excluding land and buildings).
 * - Business class: PP 7/2021 Pasal 35 (modal usaha excluding land and buildings; annual sales). Both are
 *   worked out and shown. When only one is known it decides; when both are known and give different classes,
 *   the office's rule (`Pp7Rule`, settings) decides: the regulation names capital for establishment and
 *   registration (ayat 3) and sales for ease, protection and empowerment (ayat 5), and does not say which
 *   wins, so the default is capital, the registration criterion.
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
  /** with no class: i18n key naming the data still missing ("jumlah tenaga kerja belum diisi") */
  missing: string | null;
}

/** How the PP 7/2021 class is decided when capital and annual sales give different classes. */
export const PP7_RULES = ['capital', 'turnover', 'larger'] as const;
export type Pp7Rule = (typeof PP7_RULES)[number];
/** PP 7/2021 Pasal 35 ayat (3): modal usaha is the criterion for establishment and registration. */
export const DEFAULT_PP7_RULE: Pp7Rule = 'capital';

export interface BusinessClassified extends Classified<BusinessClass> {
  /** the class by each criterion, null when that figure is missing */
  byCapital: BusinessClass | null;
  byTurnover: BusinessClass | null;
  /** the office's rule for a disagreement */
  pp7Rule: Pp7Rule;
  /** true when both are known and give different classes: the rule decided */
  disagree: boolean;
}

/**
 * Permenperin 64/2016: kecil = ≤ 19 workers and investment < Rp1 miliar; menengah = (≤ 19 workers and
 * investment ≥ Rp1 miliar) or (≥ 20 workers and investment ≤ Rp15 miliar); besar = ≥ 20 workers and
 * investment > Rp15 miliar.
 */
/** No class yet: `reason` says why, `missing` names the data still to fill in. */
function unclassified(rule: string, reason: string, missing: string): Classified<never> {
  return { value: null, reason, rule, missing };
}

/** The class `value`, decided by the criterion `reason` names. */
function classified<T>(rule: string, value: T, reason: string): Classified<T> {
  return { value, reason, rule, missing: null };
}

export function classifyIndustry(
  workers: number | null,
  investment: number | null,
): Classified<IndustryClass> {
  const rule = RULES.industry;
  if (workers === null && investment === null)
    return unclassified(
      rule,
      'sizeClass.reason.missingWorkersInvestment',
      'sizeClass.missing.workersInvestment',
    );
  if (workers === null)
    return unclassified(rule, 'sizeClass.reason.missingWorkersIndustry', 'sizeClass.missing.workers');
  if (investment === null)
    return unclassified(rule, 'sizeClass.reason.missingInvestment', 'sizeClass.missing.investment');
  if (workers <= 19) {
    return investment < MILIAR
      ? classified(rule, 'kecil', 'sizeClass.reason.industryKecil')
      : classified(rule, 'menengah', 'sizeClass.reason.industryMenengahInvestment');
  }
  return investment <= 15 * MILIAR
    ? classified(rule, 'menengah', 'sizeClass.reason.industryMenengahWorkers')
    : classified(rule, 'besar', 'sizeClass.reason.industryBesar');
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
 * The PP 7/2021 class under `rule` from the class by each criterion (null = figure missing): the criterion the
 * rule names, or the other when that figure is missing; `larger` takes the larger of the known ones. The
 * reports map each stored pair of classes through it (report_counts `pp7`, migration 017).
 */
export function pp7Pick(
  byCapital: BusinessClass | null,
  byTurnover: BusinessClass | null,
  rule: Pp7Rule,
): BusinessClass | null {
  return capitalDecides(byCapital, byTurnover, rule) ? byCapital : byTurnover;
}

/** whether the capital class is the one `rule` takes (ties under `larger` go to capital) */
function capitalDecides(a: BusinessClass | null, b: BusinessClass | null, rule: Pp7Rule): boolean {
  return (
    b === null ||
    (a !== null && (rule === 'capital' || (rule === 'larger' && ORDER.indexOf(a) >= ORDER.indexOf(b))))
  );
}

/**
 * PP 7/2021: mikro modal ≤ Rp1 M or sales ≤ Rp2 M; kecil > 1–5 M or > 2–15 M; menengah > 5–10 M or > 15–50 M;
 * above that, besar. Both criteria are returned; with both known and different, `pp7Rule` picks: `capital`,
 * `turnover`, or `larger` (a business leaves mikro when either criterion is exceeded).
 */
export function classifyBusiness(
  capital: number | null,
  turnover: number | null,
  pp7Rule: Pp7Rule = DEFAULT_PP7_RULE,
): BusinessClassified {
  const rule = RULES.business;
  const a = capital === null ? null : byCapital(capital);
  const b = turnover === null ? null : byTurnover(turnover);
  const base = { rule, byCapital: a, byTurnover: b, pp7Rule, disagree: a !== null && b !== null && a !== b };
  if (a === null && b === null)
    return {
      ...base,
      value: null,
      reason: 'sizeClass.reason.missingCapitalTurnover',
      missing: 'sizeClass.missing.capitalTurnover',
    };
  return capitalDecides(a, b, pp7Rule)
    ? { ...base, value: a, reason: 'sizeClass.reason.byCapital', missing: null }
    : { ...base, value: b, reason: 'sizeClass.reason.byTurnover', missing: null };
}

export function classifyBps(workers: number | null): Classified<BpsScale> {
  const rule = RULES.bps;
  if (workers === null)
    return unclassified(rule, 'sizeClass.reason.missingWorkers', 'sizeClass.missing.workers');
  if (workers <= 4) return classified(rule, 'rumah_tangga', 'sizeClass.reason.bpsRumahTangga');
  if (workers <= 19) return classified(rule, 'kecil', 'sizeClass.reason.bpsKecil');
  if (workers <= 99) return classified(rule, 'sedang', 'sizeClass.reason.bpsSedang');
  return classified(rule, 'besar', 'sizeClass.reason.bpsBesar');
}

export interface SizeClasses {
  industry: Classified<IndustryClass>;
  business: BusinessClassified;
  bps: Classified<BpsScale>;
}

export function classifyAll(
  f: {
    workersMale: number | null;
    workersFemale: number | null;
    investment: number | null;
    capital: number | null;
    annualTurnover: number | null;
  },
  pp7Rule: Pp7Rule = DEFAULT_PP7_RULE,
): SizeClasses {
  const workers =
    f.workersMale === null && f.workersFemale === null ? null : (f.workersMale ?? 0) + (f.workersFemale ?? 0);
  return {
    industry: classifyIndustry(workers, f.investment),
    business: classifyBusiness(f.capital, f.annualTurnover, pp7Rule),
    bps: classifyBps(workers),
  };
}
