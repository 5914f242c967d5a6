/**
 * Activities (issue 8 item 8), in process:
 * - activities.attendance_save_ms_100: one day's attendance for 100 participants through the dispatcher
 *   (schema check, the checks, the upsert of every mark, the audit row, committed with synchronous=FULL, and the
 *   activity read back for the screen); every save flips every mark so all 100 rows are written.
 * - activities.sheet_pdf_ms_100: the daftar hadir of 100 participants through its channel (read, word, draw
 *   with the letterhead and embedded fonts, write the file, answer base64).
 * Floors: bare better-sqlite3 upserting 100 rows in one transaction on a WAL/synchronous=FULL file; bare pdfkit
 * drawing the same 100-row table with the same embedded TTF. p50 of 30 runs after 5 warm-ups; load average
 * beside them.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rawOf } from '../electron/app/context';
import { regularFontFile } from '../electron/services/letters/fonts';
import { makeTestApp } from '../test/fixtures/app';
import { barePdf, insertBusinesses } from './letters-data';

const RUNS = 30;
const WARM = 5;
const p = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor((q / 100) * (xs.length - 1))]!;

async function time(fn: () => Promise<unknown> | unknown): Promise<number[]> {
  for (let i = 0; i < WARM; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await fn();
    out.push(performance.now() - s);
  }
  return out;
}

async function bareTable(ttf: Buffer, rows: number): Promise<Buffer> {
  const { doc, done } = barePdf(ttf, 0);
  doc.fontSize(10);
  const widths = [25, 120, 140, 80, 150];
  let y = 60;
  for (let i = 0; i < rows; i++) {
    if (y + 28 > 800) {
      doc.addPage();
      y = 60;
    }
    let x = 57;
    const cells = [String(i + 1), `Pemilik Usaha ${i + 1}`, `Usaha Keripik Nomor ${i + 1}`, 'Kalisat', ''];
    cells.forEach((c, j) => {
      doc.rect(x, y, widths[j]!, 28).lineWidth(0.6).stroke();
      doc.text(c, x + 3, y + 3, { width: widths[j]! - 6 });
      x += widths[j]!;
    });
    y += 28;
  }
  doc.end();
  return done;
}

export async function run(): Promise<Record<string, number>> {
  const out: Record<string, number> = { 'activities.load_avg_1m_start': os.loadavg()[0]! };
  const app = await makeTestApp({ now: () => new Date(2026, 2, 9, 9) });
  try {
    const a = await app.call('activity:create', {
      type: 'pelatihan',
      title: 'Pelatihan Pengemasan Produk',
      organiser: 'disperindag',
      funding: 'dbhcht',
      venue: 'Pendopo Kecamatan',
      days: ['2026-03-10', '2026-03-11', '2026-03-17'],
    });
    const ids = insertBusinesses(app, 100, '2026-03-01');
    const raw = rawOf(app.ctx);
    const ins = raw.prepare(
      `INSERT INTO activity_participants (uuid, activity_id, business_id, attendee_name, attendee_role, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'pemilik', 'now', 'now')`,
    );
    const pids = raw.transaction(() =>
      ids.map((b, i) => Number(ins.run(`p-${i}`, a.id, b, `Pemilik Usaha ${i + 1}`).lastInsertRowid)),
    )();
    let flip = false;
    const save = await time(() => {
      flip = !flip;
      return app.call('activity:attendanceSave', {
        activityId: a.id,
        day: '2026-03-11',
        marks: pids.map((participantId, i) => ({
          participantId,
          status: flip ? (i % 10 === 9 ? 'izin' : 'hadir') : i % 10 === 9 ? 'hadir' : 'alpa',
        })),
      });
    });
    out['activities.attendance_save_ms_100'] = p(save, 50);
    out['activities.attendance_save_p95_ms_100'] = p(save, 95);
    const sheet = await time(() =>
      app.call('activity:sheet', { activityId: a.id, day: '2026-03-11', paper: 'A4' }),
    );
    out['activities.sheet_pdf_ms_100'] = p(sheet, 50);
    out['activities.sheet_pdf_p95_ms_100'] = p(sheet, 95);
  } finally {
    await app.cleanup();
  }

  // floor: bare better-sqlite3, same pragmas, 100 upserts in one transaction
  const dir = mkdtempSync(path.join(os.tmpdir(), 'act-floor-'));
  try {
    const db = new Database(path.join(dir, 'f.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`CREATE TABLE t (participant_id INTEGER NOT NULL, day_id INTEGER NOT NULL, status TEXT NOT NULL,
      updated_at TEXT NOT NULL, PRIMARY KEY (participant_id, day_id)) STRICT, WITHOUT ROWID`);
    const up = db.prepare(`INSERT INTO t VALUES (?, 2, ?, ?) ON CONFLICT (participant_id, day_id)
      DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`);
    let f = false;
    const tx = db.transaction(() => {
      f = !f;
      for (let i = 1; i <= 100; i++) up.run(i, f ? 'hadir' : 'alpa', new Date().toISOString());
    });
    out['activities.floor_attendance_save_ms_100'] = p(await time(() => tx()), 50);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ttf = readFileSync(regularFontFile());
  out['activities.floor_sheet_pdf_ms_100'] = p(await time(() => bareTable(ttf, 100)), 50);
  out['activities.load_avg_1m_end'] = os.loadavg()[0]!;
  return out;
}
