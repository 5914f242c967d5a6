import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawOf } from '../../../electron/app/context';
import { migrate } from '../../../db/migrate';
import { migrations } from '../../../db/migrations/index';
import { REPORT_COUNTS_BACKFILL_LATEST } from '../../../db/migrations/017_reports_rule_coverage';
import { observeStatements } from '../../../electron/services/business-search';
import { observeCoverage, reportCoverage } from '../../../electron/services/reports/coverage';
import { permitState } from '../../../shared/validators/permit';
import { PP7_RULES, type Pp7Rule } from '../../../shared/domain/size-class';
import { makeTestApp, type TestApp } from '../../fixtures/app';
import { insertBusiness } from '../letters/fixtures';

/**
 * The reports count the PP 7/2021 class under the office's rule (issue 11 item 9): a business whose capital
 * class differs from its sales class is counted in the class the rule names, and the change of rule needs no
 * recount (report_counts keeps the pair of classes, migration 017).
 */
let app: TestApp;
beforeAll(async () => {
  app = await makeTestApp();
}, 60_000);
afterAll(() => app.cleanup());

function setMoney(id: number, capital: number | null, turnover: number | null): void {
  rawOf(app.ctx)
    .prepare('UPDATE businesses SET capital = ?, annual_turnover = ? WHERE id = ?')
    .run(capital, turnover, id);
}

const byKey = (rows: { key: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.n]));

describe('reports: the PP 7/2021 class under the office rule', () => {
  it('counts a business whose capital and sales classes differ in the class each rule names', async () => {
    // capital Rp3 M → kecil; sales Rp1 M → mikro
    const a = insertBusiness(app, { date: '2026-02-10' });
    setMoney(a, 3_000_000_000, 1_000_000_000);
    // capital Rp500 jt → mikro; sales Rp20 M → menengah
    const b = insertBusiness(app, { date: '2026-02-11' });
    setMoney(b, 500_000_000, 20_000_000_000);
    // sales only (Rp20 M → menengah): every rule takes it
    const c = insertBusiness(app, { date: '2026-02-12' });
    setMoney(c, null, 20_000_000_000);
    // neither figure: "Tidak diketahui"
    const d = insertBusiness(app, { date: '2026-02-13' });
    setMoney(d, null, null);

    const expected: Record<Pp7Rule, Record<string, number>> = {
      capital: { kecil: 1, mikro: 1, menengah: 1, '-': 1 },
      turnover: { mikro: 1, menengah: 2, '-': 1 },
      larger: { kecil: 1, menengah: 2, '-': 1 },
    };
    for (const rule of PP7_RULES) {
      await app.call('office:sizeRuleSave', { pp7Rule: rule });
      const all = await app.call('report:summary', {});
      expect(all.pp7Rule).toBe(rule);
      expect(byKey(all.tables.business), rule).toEqual(expected[rule]);
      // a period reads the months' rows: the same classes
      const feb = await app.call('report:summary', { from: '2026-02', to: '2026-02' });
      expect(byKey(feb.tables.business), rule).toEqual(expected[rule]);
      // the list's filter agrees with the report
      for (const [cls, n] of Object.entries(expected[rule]).filter(([k]) => k !== '-')) {
        const list = await app.call('business:list', {
          businessClass: cls as 'mikro',
          withTotal: true,
        });
        expect(list.total, `${rule} ${cls}`).toBe(n);
      }
    }
    await app.call('office:sizeRuleSave', { pp7Rule: 'capital' });
  });

  it('names the rule under the PP 7/2021 table of the PDF and the XLSX', async () => {
    await app.call('office:sizeRuleSave', { pp7Rule: 'turnover' });
    const pdf = await app.call('report:pdf', {});
    const text = execFileSync('pdftotext', [path.join(app.dataDir, pdf.fileRel), '-'], { encoding: 'utf8' })
      .replace(/\s+/g, ' ')
      .trim();
    expect(text).toContain('kelas dihitung menurut hasil penjualan tahunan');
    const xlsx = await app.call('report:xlsx', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(app.dataDir, xlsx.fileRel));
    const cells = wb
      .getWorksheet('Skala usaha')!
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string');
    expect(cells.some((v) => v.includes('menurut hasil penjualan tahunan'))).toBe(true);
    await app.call('office:sizeRuleSave', { pp7Rule: 'larger' });
    const t2 = execFileSync(
      'pdftotext',
      [path.join(app.dataDir, (await app.call('report:pdf', {})).fileRel), '-'],
      { encoding: 'utf8' },
    ).replace(/\s+/g, ' ');
    expect(t2).toContain('menurut yang lebih besar dari keduanya');
    await app.call('office:sizeRuleSave', { pp7Rule: 'capital' });
  });

  it('filters the list by PP 7/2021 class through an index under every rule', async () => {
    const raw = rawOf(app.ctx);
    const want: Record<Pp7Rule, string> = {
      capital: 'businesses_live_pp7_capital',
      turnover: 'businesses_live_pp7_turnover',
      larger: 'businesses_live_business_class',
    };
    for (const rule of PP7_RULES) {
      await app.call('office:sizeRuleSave', { pp7Rule: rule });
      const seen: { sql: string; params: unknown[] }[] = [];
      observeStatements((sql, params) => seen.push({ sql, params }));
      await app.call('business:list', { businessClass: 'kecil', withTotal: true });
      observeStatements(null);
      const counted = seen.find((s) => /count\(\*\)/.test(s.sql))!;
      const plan = (
        raw.prepare(`EXPLAIN QUERY PLAN ${counted.sql}`).all(...counted.params) as { detail: string }[]
      )
        .map((r) => r.detail)
        .join('\n');
      expect(plan, rule).toMatch(new RegExp(`USING (COVERING )?INDEX ${want[rule]}\\b`));
    }
    await app.call('office:sizeRuleSave', { pp7Rule: 'capital' });
  });

  it('reads permit coverage from its partial indexes, with no sort of the permits', async () => {
    const raw = rawOf(app.ctx);
    const ins = raw.prepare(
      `INSERT INTO permits (uuid, business_id, type_id, issue_date, valid_until, while_operating, created_at,
         updated_at) VALUES (?, ?, (SELECT id FROM permit_types WHERE code = ?), ?, ?, ?, 'now', 'now')`,
    );
    const b = insertBusiness(app, { date: '2026-03-01' });
    ins.run('cov-1', b, 'nib', '2024-01-02', null, 1);
    ins.run('cov-2', b, 'pirt', '2019-01-02', '2024-01-02', 0);
    const seen: { sql: string; params: unknown[] }[] = [];
    observeCoverage((sql, params) => seen.push({ sql, params }));
    await app.call('report:coverage', {});
    await app.call('report:coverage', { village: '35.09.27.2001' });
    observeCoverage(null);
    const plan = (sql: string, params: unknown[]) =>
      (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    // without a period every permit statement reads one partial covering index in order: no table row, no sort
    const permitStatements = seen.filter((s) => /FROM permits p WHERE/.test(s.sql));
    expect(permitStatements.length).toBe(5); // states, in force, issued; states and issued for the desa
    for (const s of permitStatements) {
      const p = plan(s.sql, s.params);
      expect(p, s.sql).toMatch(/COVERING INDEX permits_(coverage|coverage_business|issued)\b/);
      expect(p, s.sql).not.toContain('TEMP B-TREE');
    }
    expect(plan(permitStatements[0]!.sql, permitStatements[0]!.params)).toContain('permits_coverage');
  });
});

describe('permit coverage: businesses with a permit in force', () => {
  it('equals a count by permitState itself over random permits, on several dates', () => {
    const raw = rawOf(app.ctx);
    let seed = 11;
    const r = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed / 2147483648);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    const ins = raw.prepare(
      `INSERT INTO permits (uuid, business_id, type_id, valid_until, while_operating, revoked_at, archived_at,
         created_at, updated_at) VALUES (?, ?, (SELECT id FROM permit_types WHERE code = ?), ?, ?, ?, ?, 'now', 'now')`,
    );
    const ids = Array.from({ length: 25 }, () => insertBusiness(app, { date: '2025-07-01' }));
    for (let i = 0; i < 80; i++) {
      const wo = r() < 0.2 ? 1 : 0;
      ins.run(
        `rand-${i}`,
        pick(ids),
        pick(['pirt', 'sku', 'hki', 'bpom']),
        wo ? null : pick([null, '2024-05-01', '2026-06-15', '2026-06-16', '2026-09-01', '2030-01-01']),
        wo,
        r() < 0.15 ? '2026-01-01' : null,
        r() < 0.1 ? '2026-02-01' : null,
      );
    }
    const rows = raw
      .prepare(
        `SELECT business_id, revoked_at, while_operating, valid_until FROM permits
          WHERE is_current = 1 AND archived_at IS NULL AND b_live = 1`,
      )
      .all() as {
      business_id: number;
      revoked_at: string | null;
      while_operating: number;
      valid_until: string | null;
    }[];
    for (const today of ['2026-06-15', '2026-06-16', '2029-12-31', '2031-01-01']) {
      const want = new Set(
        rows
          .filter((p) =>
            ['berlaku', 'segera_berakhir'].includes(
              permitState(
                {
                  revokedAt: p.revoked_at,
                  whileOperating: p.while_operating === 1,
                  validUntil: p.valid_until,
                },
                today,
              ),
            ),
          )
          .map((p) => p.business_id),
      ).size;
      expect(reportCoverage(raw, {}, today).permits.withPermit, today).toBe(want);
    }
  });
});

describe('migration 017', () => {
  it('upgrades a version-16 database: the pair of classes replaces the larger class, counted from the rows', async () => {
    const raw = new Database(':memory:');
    raw.pragma('foreign_keys = ON');
    await migrate(raw, { migrations: migrations.filter((m) => m.version <= 16) });
    raw
      .prepare(
        `INSERT INTO owners (uuid, name, nik, created_at, updated_at) VALUES ('o1', 'Sri Wahyuni', '3509274405800003', 'x', 'x')`,
      )
      .run();
    const biz = raw.prepare(
      `INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name, status,
         capital, annual_turnover, created_at, updated_at)
       VALUES (?, ?, ?, ?, 1, 'Ajung', 'aktif', ?, ?, 'x', 'x')`,
    );
    biz.run('b1', 'IKM-350927-2026-00001', '2026-01-02', 'Keripik', 3_000_000_000, 1_000_000_000);
    biz.run('b2', 'IKM-350927-2026-00002', '2026-01-09', 'Tahu', 500_000_000, 20_000_000_000);
    biz.run('b3', 'IKM-350927-2025-00001', '2025-05-09', 'Tempe', null, null);
    expect(raw.prepare(`SELECT count(*) FROM report_counts WHERE dim = 'business'`).pluck().get()).toBe(6);
    await migrate(raw, { migrations });
    expect(raw.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect(raw.prepare(`SELECT count(*) FROM report_counts WHERE dim = 'business'`).pluck().get()).toBe(0);
    const pp7 = raw
      .prepare(`SELECT month, key, n FROM report_counts WHERE dim = 'pp7' ORDER BY month, key`)
      .all();
    expect(pp7).toEqual([
      { month: '*', key: '-|-', n: 1 },
      { month: '*', key: 'kecil|mikro', n: 1 },
      { month: '*', key: 'mikro|menengah', n: 1 },
      { month: '2025-05', key: '-|-', n: 1 },
      { month: '2026-01', key: 'kecil|mikro', n: 1 },
      { month: '2026-01', key: 'mikro|menengah', n: 1 },
    ]);
    // the rebuilt triggers keep the pair: a later write moves it, and the table equals a fresh count
    raw.prepare(`UPDATE businesses SET capital = 6000000000 WHERE uuid = 'b2'`).run();
    raw
      .prepare(
        `INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id,
      village_name, status, annual_turnover, created_at, updated_at)
      VALUES ('b4', 'IKM-350927-2026-00003', '2026-02-01', 'Gula', 1, 'Ajung', 'aktif', 3000000000, 'x', 'x')`,
      )
      .run();
    const snap = (t: string) =>
      raw.prepare(`SELECT dim, month, village, key, n FROM ${t} WHERE n <> 0 ORDER BY 1, 2, 3, 4`).all();
    raw.exec('CREATE TEMP TABLE fresh (dim, month, village, key, n, PRIMARY KEY (dim, month, village, key))');
    raw.exec(REPORT_COUNTS_BACKFILL_LATEST.replaceAll('report_counts', 'fresh'));
    expect(snap('report_counts')).toEqual(snap('fresh'));
    expect(
      raw.prepare(`SELECT key FROM report_counts WHERE dim = 'pp7' AND month = '2026-02'`).pluck().all(),
    ).toEqual(['-|kecil']);
    raw.close();
  });
});
