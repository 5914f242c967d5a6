import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../fixtures/app';
import { insertBusiness } from './fixtures';
import { cancelBatch, runBatchToEnd } from '../../../electron/services/letters/batch';
import { batchStartSchema, type BatchDone } from '../../../shared/schemas/letter';
import { readPdf } from './pdf';
import { rawOf } from '../../../electron/app/context';

describe('batch letters (worker threads)', () => {
  let app: TestApp;
  const events: { event: string; payload: unknown }[] = [];
  beforeEach(async () => {
    app = await makeTestApp({ now: () => new Date(2026, 2, 12, 9, 30) });
    app.ctx.emit = (event, payload) => events.push({ event, payload });
    events.length = 0;
  });
  afterEach(async () => {
    await app.cleanup();
  });

  it('one PDF for a date range, with progress; numbers in order', async () => {
    for (let i = 0; i < 30; i++) insertBusiness(app, { name: `Usaha ${i + 1}`, date: '2026-03-10' });
    insertBusiness(app, { name: 'Di luar rentang', date: '2026-02-01' });
    const done = await runBatchToEnd(
      app.ctx,
      batchStartSchema.parse({
        registeredFrom: '2026-03-01',
        registeredTo: '2026-03-31',
        purpose: 'bantuan alat',
      }),
    );
    expect(done).toMatchObject({ status: 'done', total: 30, rendered: 30 });
    const pages = readPdf(path.join(app.dataDir, done.filePath!));
    expect(pages).toHaveLength(30);
    expect(pages[0]!.text).toContain('Nomor : 500.9/001/35.09.27/III/2026');
    expect(pages[29]!.text).toContain('Nomor : 500.9/030/35.09.27/III/2026');
    expect(pages[29]!.text).toContain('Usaha 30');
    const fonts = execFileSync('pdffonts', [path.join(app.dataDir, done.filePath!)], { encoding: 'utf8' });
    expect(fonts).not.toMatch(/Helvetica|Times-Roman|Courier/);
    const list = await app.call('letter:list', {});
    expect(list.total).toBe(30);
    expect(list.items.every((l) => l.filePath === done.filePath && l.page !== null && l.sha256)).toBe(true);
    const progress = events.filter((e) => e.event === 'letter:batchProgress');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)!.payload).toMatchObject({ done: 30, total: 30 });
    expect(events.some((e) => e.event === 'letter:batchDone')).toBe(true);
    // only the batch PDF, no temporary file
    expect(readdirSync(path.join(app.dataDir, 'letters', '2026'))).toEqual([path.basename(done.filePath!)]);
  });

  it('item 1: a letter that overflows takes two pages; each letter records its real first page', async () => {
    // fails before the fix: the page recorded was the letter's index (1, 2, 3), not its first page
    const ids = [1, 2, 3].map((i) => insertBusiness(app, { name: `Usaha ${i}` }));
    rawOf(app.ctx)
      .prepare('UPDATE businesses SET products = ? WHERE id = ?')
      .run(
        Array.from({ length: 40 }, (_, i) => `produk olahan nomor ${i + 1} dari singkong`).join(', '),
        ids[1],
      );
    const done = await runBatchToEnd(
      app.ctx,
      batchStartSchema.parse({ businessIds: ids, purpose: 'pameran', output: 'single' }),
    );
    expect(done.status).toBe('done');
    const pages = readPdf(path.join(app.dataDir, done.filePath!));
    expect(pages).toHaveLength(4);
    const list = await app.call('letter:list', {});
    const pageOf = new Map(list.items.map((l) => [l.businessId, l.page]));
    expect([ids.map((id) => pageOf.get(id))]).toEqual([[1, 2, 4]]);
    expect(pages[3]!.text).toContain('Usaha 3');
    expect(pages[2]!.text).toContain('halaman 2 dari 2');
  });

  it('two batches at once never share a number; separate files', async () => {
    const ids = Array.from({ length: 24 }, (_, i) => insertBusiness(app, { name: `U${i}` }));
    const [a, b] = await Promise.all([
      runBatchToEnd(
        app.ctx,
        batchStartSchema.parse({ businessIds: ids.slice(0, 12), purpose: 'pameran', output: 'separate' }),
      ),
      runBatchToEnd(
        app.ctx,
        batchStartSchema.parse({ businessIds: ids.slice(12), purpose: 'pameran', output: 'separate' }),
      ),
    ]);
    expect(a.status).toBe('done');
    expect(b.status).toBe('done');
    const list = await app.call('letter:list', {});
    expect(list.total).toBe(24);
    expect(new Set(list.items.map((l) => l.number)).size).toBe(24);
    for (const l of list.items) expect(existsSync(path.join(app.dataDir, l.filePath!))).toBe(true);
  });

  it('cancelling stops numbering; letters numbered but not printed are voided and their numbers stay taken', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => insertBusiness(app, { name: `C${i}` }));
    const done: BatchDone = await runBatchToEnd(
      app.ctx,
      batchStartSchema.parse({ businessIds: ids, purpose: 'pameran', output: 'separate' }),
      (s) => cancelBatch(app.ctx, s.jobId),
    );
    expect(done.status).toBe('cancelled');
    expect(done.rendered).toBeLessThan(200);
    const all = await app.call('letter:list', { limit: 500 });
    // the rest of the selection never took a number
    expect(all.total).toBeLessThan(200);
    const voided = await app.call('letter:list', { status: 'voided', limit: 500 });
    expect(voided.total).toBe(all.total - done.rendered);
    for (const l of all.items)
      if (l.status === 'voided') expect(l.voidReason).toMatch(/dibatalkan/);
      else expect(existsSync(path.join(app.dataDir, l.filePath!))).toBe(true);
    // each voided letter is on its business's timeline too, as a letter voided by hand is
    const timeline = app.ctx.opened.raw
      .prepare(
        `SELECT count(*) AS n FROM audit_log WHERE table_name = 'businesses' AND action = 'letter_voided'`,
      )
      .get() as { n: number };
    expect(timeline.n).toBe(voided.total);
    const next = await app.call('letter:issue', {
      businessId: ids[0]!,
      purpose: 'x keperluan',
    });
    expect(next.number).toBe(`500.9/${String(all.total + 1).padStart(3, '0')}/35.09.27/III/2026`);
  });

  it('cancelling a one-PDF batch voids what it numbered and leaves no half-written file', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => insertBusiness(app, { name: `S${i}` }));
    const done: BatchDone = await runBatchToEnd(
      app.ctx,
      batchStartSchema.parse({ businessIds: ids, purpose: 'pameran', output: 'single' }),
      (s) => setTimeout(() => cancelBatch(app.ctx, s.jobId), 300),
    );
    expect(done).toMatchObject({ status: 'cancelled', rendered: 0, filePath: null });
    const all = await app.call('letter:list', { limit: 500 });
    expect(all.total).toBeGreaterThan(0);
    expect(all.items.every((l) => l.status === 'voided' && l.filePath === null)).toBe(true);
    expect(readdirSync(path.join(app.dataDir, 'letters', '2026'))).toEqual([]);
  });

  it('a batch that fails voids the letters it could not print, with the reason', async () => {
    const ids = Array.from({ length: 5 }, (_, i) => insertBusiness(app, { name: `F${i}` }));
    // the year folder cannot be created: a file stands in its way
    mkdirSync(path.join(app.dataDir, 'letters'), { recursive: true });
    writeFileSync(path.join(app.dataDir, 'letters', '2026'), 'not a folder');
    const done = await runBatchToEnd(
      app.ctx,
      batchStartSchema.parse({ businessIds: ids, purpose: 'pameran', output: 'separate' }),
    );
    expect(done.status).toBe('failed');
    expect(done.message).toBe('letters.errors.batchFailed');
    const voided = await app.call('letter:list', { status: 'voided' });
    expect(voided.total).toBe(5);
    expect(voided.items[0]!.voidReason).toMatch(/gagal/);
  });
});
