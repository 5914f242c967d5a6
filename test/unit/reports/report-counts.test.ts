import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawOf } from '../../../electron/app/context';
import { REPORT_COUNTS_BACKFILL_LATEST as REPORT_COUNTS_BACKFILL } from '../../../db/migrations/017_reports_rule_coverage';
import { reportCountsHold } from '../../../db/queries/report-counts';
import { sexFromNik } from '../../../shared/domain/owner-sex';
import { makeTestApp, type TestApp } from '../../fixtures/app';
import { insertBusiness } from '../letters/fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await makeTestApp();
}, 60_000);
afterAll(() => app.cleanup());

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

/** the triggers' table, compared with the same counts computed from scratch */
function snapshot(sql: string): Map<string, number> {
  const rows = rawOf(app.ctx).prepare(sql).all() as {
    dim: string;
    month: string;
    village: string;
    key: string;
    n: number;
  }[];
  const m = new Map<string, number>();
  for (const r of rows)
    if (r.n !== 0)
      m.set(
        `${r.dim}|${r.month}|${r.village}|${r.key}`,
        (m.get(`${r.dim}|${r.month}|${r.village}|${r.key}`) ?? 0) + r.n,
      );
  return m;
}

describe('report_counts (migration 013)', () => {
  it('the triggers keep the counts equal to a GROUP BY over live businesses after random writes', () => {
    const raw = rawOf(app.ctx);
    const r = rng(7);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    const ids: number[] = [];
    const niks = ['3509274405800003', '3509271203700001', null, '35092799', '3509276505900002'];
    for (let i = 0; i < 60; i++)
      ids.push(
        insertBusiness(app, {
          nik: pick(niks),
          date: pick(['2024-01-05', '2025-06-30', '2026-03-10']),
          village: pick(['Kalisat', 'Sumberjati', 'Ajung']),
        }),
      );
    for (let i = 0; i < 200; i++) {
      const id = pick(ids);
      switch (Math.floor(r() * 8)) {
        case 0:
          raw
            .prepare('UPDATE businesses SET status = ? WHERE id = ?')
            .run(pick(['aktif', 'tutup', 'musiman']), id);
          break;
        case 1:
          raw
            .prepare('UPDATE businesses SET archived_at = ? WHERE id = ?')
            .run(pick([null, '2026-01-01']), id);
          break;
        case 2:
          raw
            .prepare('UPDATE businesses SET investment = ?, workers_male = ? WHERE id = ?')
            .run(pick([null, 5e6, 2e9, 2e10]), pick([0, 3, 30, 120]), id);
          break;
        case 3:
          raw
            .prepare('UPDATE businesses SET kbli_code = ?, kbli_version = ? WHERE id = ?')
            .run(pick(['10794', '13121', null]), pick(['2020', '2025', null]), id);
          break;
        case 4:
          raw
            .prepare('UPDATE businesses SET village_code = ?, registration_date = ? WHERE id = ?')
            .run(pick([null, '35.09.27.2001']), pick(['2023-12-31', '2026-02-01']), id);
          break;
        case 5:
          raw
            .prepare(
              'UPDATE owners SET nik = ?, sex = ? WHERE id = (SELECT owner_id FROM businesses WHERE id = ?)',
            )
            .run(pick(niks), pick(['L', 'P', null]), id);
          break;
        case 6: {
          const other = pick(ids);
          raw
            .prepare('UPDATE businesses SET merged_into_id = ? WHERE id = ?')
            .run(other === id ? null : other, id);
          break;
        }
        case 7:
          raw
            .prepare('UPDATE businesses SET capital = ?, annual_turnover = ? WHERE id = ?')
            .run(pick([null, 5e8, 3e9]), pick([null, 1e9, 2e10]), id);
          break;
      }
    }
    const kept = snapshot('SELECT * FROM report_counts');
    raw.exec(
      'CREATE TEMP TABLE fresh_counts (dim, month, village, key, n, PRIMARY KEY (dim, month, village, key))',
    );
    raw.exec(REPORT_COUNTS_BACKFILL.replaceAll('report_counts', 'fresh_counts'));
    const fresh = snapshot('SELECT * FROM fresh_counts');
    expect(kept.size).toBeGreaterThan(20);
    expect(kept).toEqual(fresh);
  });

  it('the SQL rule for sex from the NIK is the shared one (day + 40 for women)', () => {
    const raw = rawOf(app.ctx);
    for (const nik of [
      '3509274405800003',
      '3509271203700001',
      '3509270005800003',
      '3509273205800003',
      '3509277205800003',
      '35092712037000',
      'x509271203700001',
    ]) {
      const id = insertBusiness(app, { nik });
      const row = raw
        .prepare(
          `SELECT key FROM report_counts WHERE dim = 'sex' AND n > 0 AND key = (
            SELECT CASE WHEN ? IS NULL THEN '' ELSE ? END)`,
        )
        .get(sexFromNik(nik) ?? 'P', sexFromNik(nik) ?? 'P') as { key: string } | undefined;
      // the fixture's owner is recorded as P: without a usable NIK the recorded sex counts
      expect(row?.key).toBe(sexFromNik(nik) ?? 'P');
      expect(id).toBeGreaterThan(0);
    }
  });

  it('a bulk writer holds the insert trigger back and counts its businesses at once, exactly', () => {
    const raw = rawOf(app.ctx);
    const counts = reportCountsHold(raw);
    const recount = () => {
      raw.exec(
        'CREATE TEMP TABLE recounted (dim, month, village, key, n, PRIMARY KEY (dim, month, village, key))',
      );
      raw.exec(REPORT_COUNTS_BACKFILL.replaceAll('report_counts', 'recounted'));
      const fresh = snapshot('SELECT * FROM recounted');
      raw.exec('DROP TABLE temp.recounted');
      return fresh;
    };
    const total = () =>
      (raw.prepare(`SELECT sum(n) FROM report_counts WHERE dim = 'year' AND month = '*'`).pluck().get() as
        number | null) ?? 0;
    const before = total();
    expect(() => counts.hold()).toThrow(/inside a transaction/);
    raw.transaction(() => {
      counts.hold();
      for (const [i, nik] of ['3509274405800003', '3509271203700001', null, '35092799'].entries())
        insertBusiness(app, {
          nik,
          date: ['2024-01-05', '2026-03-10'][i % 2],
          village: ['Ajung', 'Kalisat'][i % 2],
        });
      // held: the trigger counted none of them
      expect(total()).toBe(before);
      counts.release();
      expect(total()).toBe(before + 4);
    })();
    expect(snapshot('SELECT * FROM report_counts')).toEqual(recount());
    // not held any more: the next business is counted by the trigger
    insertBusiness(app);
    expect(total()).toBe(before + 5);
    // a failed batch takes its hold back with its rows
    expect(() =>
      raw.transaction(() => {
        counts.hold();
        insertBusiness(app);
        throw new Error('batch failed');
      })(),
    ).toThrow('batch failed');
    expect(raw.prepare('SELECT count(*) FROM report_counts_hold').pluck().get()).toBe(0);
    insertBusiness(app);
    expect(total()).toBe(before + 6);
    expect(snapshot('SELECT * FROM report_counts')).toEqual(recount());
  });
});
