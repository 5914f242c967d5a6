import { describe, expect, it } from 'vitest';
import {
  classifyAll,
  classifyBps,
  classifyBusiness,
  classifyIndustry,
  DEFAULT_PP7_RULE,
  PP7_RULES,
  RULES,
} from '../../shared/domain/size-class';

const M = 1_000_000_000; // Rp1 miliar

describe('industry class (Permenperin 64/M-IND/PER/7/2016)', () => {
  it.each([
    // workers, investment excl. land and buildings, class, reason
    [19, 999_999_999, 'kecil', 'industryKecil'],
    [19, 1 * M, 'menengah', 'industryMenengahInvestment'],
    [20, 999_999_999, 'menengah', 'industryMenengahWorkers'],
    [20, 1 * M, 'menengah', 'industryMenengahWorkers'],
    [20, 15 * M, 'menengah', 'industryMenengahWorkers'],
    [20, 15 * M + 1, 'besar', 'industryBesar'],
    [19, 15 * M + 1, 'menengah', 'industryMenengahInvestment'],
    [1, 0, 'kecil', 'industryKecil'],
    [0, 50_000_000, 'kecil', 'industryKecil'],
    [500, 100 * M, 'besar', 'industryBesar'],
  ] as const)('%i workers and Rp%i → %s', (workers, investment, cls, reason) => {
    const r = classifyIndustry(workers, investment);
    expect(r.value).toBe(cls);
    expect(r.reason).toBe(`sizeClass.reason.${reason}`);
    expect(r.rule).toBe(RULES.industry);
  });

  it('has no class while workers or investment is missing, and says which', () => {
    for (const [w, i, reason, missing] of [
      [null, 1 * M, 'missingWorkersIndustry', 'workers'],
      [5, null, 'missingInvestment', 'investment'],
      [null, null, 'missingWorkersInvestment', 'workersInvestment'],
    ] as const) {
      const r = classifyIndustry(w, i);
      expect(r.value).toBeNull();
      expect(r.reason).toBe(`sizeClass.reason.${reason}`);
      expect(r.missing).toBe(`sizeClass.missing.${missing}`);
    }
    expect(classifyIndustry(5, 0).missing).toBeNull();
  });
});

/** The class at each upper limit of mikro, kecil and menengah, and one rupiah above it. */
const atLimits = (mikro: number, kecil: number, menengah: number) =>
  [
    [mikro, 'mikro'],
    [mikro + 1, 'kecil'],
    [kecil, 'kecil'],
    [kecil + 1, 'menengah'],
    [menengah, 'menengah'],
    [menengah + 1, 'besar'],
  ] as const;

describe('business class (PP 7/2021): capital and annual sales', () => {
  it.each([
    // capital (modal usaha excl. land and buildings)
    ...atLimits(1 * M, 5 * M, 10 * M),
    [0, 'mikro'],
  ] as const)('capital Rp%i alone → %s', (capital, cls) => {
    const r = classifyBusiness(capital, null);
    expect(r.value).toBe(cls);
    expect(r.reason).toBe('sizeClass.reason.byCapital');
    expect(r.rule).toBe(RULES.business);
  });

  it.each(atLimits(2 * M, 15 * M, 50 * M))('annual sales Rp%i alone → %s', (turnover, cls) => {
    const r = classifyBusiness(null, turnover);
    expect(r.value).toBe(cls);
    expect(r.reason).toBe('sizeClass.reason.byTurnover');
  });

  it('with the rule "larger", the larger class applies and the reason names the criterion that decided', () => {
    const classifyBusinessLarger = (c: number, t: number) => classifyBusiness(c, t, 'larger');
    // mikro by capital, kecil by sales → kecil by sales
    expect(classifyBusinessLarger(1 * M, 2 * M + 1)).toMatchObject({
      value: 'kecil',
      reason: 'sizeClass.reason.byTurnover',
    });
    // kecil by capital, mikro by sales → kecil by capital
    expect(classifyBusinessLarger(1 * M + 1, 2 * M)).toMatchObject({
      value: 'kecil',
      reason: 'sizeClass.reason.byCapital',
    });
    // both mikro at the edge
    expect(classifyBusinessLarger(1 * M, 2 * M)).toMatchObject({
      value: 'mikro',
      reason: 'sizeClass.reason.byCapital',
    });
    // equal classes → capital is named
    expect(classifyBusinessLarger(6 * M, 20 * M)).toMatchObject({
      value: 'menengah',
      reason: 'sizeClass.reason.byCapital',
    });
  });

  it('shows both criteria, and the office rule decides when they disagree (default: capital, Pasal 35 ayat 3)', () => {
    // mikro by capital (Rp1 M), kecil by sales (Rp2 M + 1)
    const both = classifyBusiness(1 * M, 2 * M + 1);
    expect(both).toMatchObject({
      value: 'mikro',
      byCapital: 'mikro',
      byTurnover: 'kecil',
      disagree: true,
      pp7Rule: 'capital',
      reason: 'sizeClass.reason.byCapital',
    });
    expect(DEFAULT_PP7_RULE).toBe('capital');
    expect(classifyBusiness(1 * M, 2 * M + 1, 'turnover')).toMatchObject({
      value: 'kecil',
      pp7Rule: 'turnover',
      reason: 'sizeClass.reason.byTurnover',
    });
    expect(classifyBusiness(1 * M, 2 * M + 1, 'larger')).toMatchObject({ value: 'kecil' });
    // kecil by capital, mikro by sales
    expect(classifyBusiness(1 * M + 1, 2 * M, 'turnover')).toMatchObject({ value: 'mikro' });
    expect(classifyBusiness(1 * M + 1, 2 * M, 'larger')).toMatchObject({ value: 'kecil' });
    // one figure known: it decides whatever the rule
    for (const rule of PP7_RULES) {
      expect(classifyBusiness(null, 20 * M, rule)).toMatchObject({ value: 'menengah', disagree: false });
      expect(classifyBusiness(6 * M, null, rule)).toMatchObject({ value: 'menengah', disagree: false });
    }
    // agreeing criteria: no disagreement to show
    expect(classifyBusiness(1 * M, 2 * M).disagree).toBe(false);
  });

  it('has no class while both are missing', () => {
    expect(classifyBusiness(null, null)).toMatchObject({
      value: null,
      reason: 'sizeClass.reason.missingCapitalTurnover',
    });
  });
});

describe('BPS scale by workers', () => {
  it.each([
    [0, 'rumah_tangga', 'bpsRumahTangga'],
    [1, 'rumah_tangga', 'bpsRumahTangga'],
    [4, 'rumah_tangga', 'bpsRumahTangga'],
    [5, 'kecil', 'bpsKecil'],
    [19, 'kecil', 'bpsKecil'],
    [20, 'sedang', 'bpsSedang'],
    [99, 'sedang', 'bpsSedang'],
    [100, 'besar', 'bpsBesar'],
  ] as const)('%i workers → %s', (workers, cls, reason) => {
    const r = classifyBps(workers);
    expect(r.value).toBe(cls);
    expect(r.reason).toBe(`sizeClass.reason.${reason}`);
    expect(r.rule).toBe(RULES.bps);
  });
  it('has no scale while workers are missing', () => {
    expect(classifyBps(null)).toMatchObject({ value: null, reason: 'sizeClass.reason.missingWorkers' });
  });
});

describe('classifyAll', () => {
  it('adds men and women; one side missing counts as zero, both missing as unknown', () => {
    const a = classifyAll({
      workersMale: 2,
      workersFemale: 3,
      investment: 0,
      capital: null,
      annualTurnover: null,
    });
    expect(a.bps.value).toBe('kecil'); // 5 workers
    expect(a.industry.value).toBe('kecil');
    expect(a.business.value).toBeNull();
    const b = classifyAll({
      workersMale: 20,
      workersFemale: null,
      investment: 15 * M + 1,
      capital: 1 * M,
      annualTurnover: 60 * M,
    });
    expect(b).toMatchObject({
      industry: { value: 'besar' },
      // capital says mikro, sales besar: the default rule (capital) decides, both are there to show
      business: { value: 'mikro', reason: 'sizeClass.reason.byCapital', byTurnover: 'besar' },
      bps: { value: 'sedang' },
    });
    const c = classifyAll({
      workersMale: null,
      workersFemale: null,
      investment: 1,
      capital: null,
      annualTurnover: null,
    });
    expect(c.industry.reason).toBe('sizeClass.reason.missingWorkersIndustry');
    expect(c.industry.missing).toBe('sizeClass.missing.workers');
    expect(c.bps.missing).toBe('sizeClass.missing.workers');
    expect(c.bps.reason).toBe('sizeClass.reason.missingWorkers');
  });
});
