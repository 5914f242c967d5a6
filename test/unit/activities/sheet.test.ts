import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../fixtures/app';
import { insertBusiness } from '../letters/fixtures';
import { readPdf } from '../letters/pdf';
import type { ActivityDetail } from '../../../shared/schemas/activity';

/**
 * The daftar hadir and the recap, read back with poppler: the header repeats on every page, every participant
 * is numbered once, the signing block is whole on one page, Indonesian day and date, A4 and F4.
 */
describe('attendance sheet and recap PDFs', () => {
  let app: TestApp;
  let activity: ActivityDetail;
  const out = mkdtempSync(path.join(os.tmpdir(), 'sheet-'));
  const N = 100;

  beforeAll(async () => {
    app = await makeTestApp({ now: () => new Date(2026, 2, 9, 9, 0) });
    activity = await app.call('activity:create', {
      type: 'pelatihan',
      title: 'Pelatihan Diversifikasi Produk Olahan Tembakau dan Pengemasan yang Menarik bagi IKM',
      organiser: 'disperindag',
      funding: 'dbhcht',
      batch: 'Gelombang II',
      venue: 'Pendopo Kecamatan Kalisat',
      days: ['2026-03-10', '2026-03-12', '2026-03-17'],
    });
    for (let i = 1; i <= N; i++) {
      const b = insertBusiness(app, {
        name:
          i % 17 === 0
            ? `Usaha Dagang Keripik Tempe dan Aneka Makanan Ringan Tradisional Sumber Rejeki Makmur ${i}`
            : `Keripik Tempe ${i}`,
        village: i % 3 === 0 ? 'Sumberjeruk' : 'Ajung',
      });
      const r = await app.call('activity:enrol', {
        activityId: activity.id,
        businessId: b,
        attendeeName: i % 5 === 0 ? `Pekerja Nomor ${i}` : `Pemilik Nomor ${i}`,
        attendeeRole: i % 5 === 0 ? 'pekerja' : 'pemilik',
      });
      expect(r.enrolled).toBe(true);
    }
    activity = await app.call('activity:get', { id: activity.id });
    await app.call('activity:attendanceSave', {
      activityId: activity.id,
      day: '2026-03-10',
      marks: activity.participants.map((p, i) => ({
        participantId: p.id,
        status: i % 10 === 9 ? 'izin' : 'hadir',
      })),
    });
  }, 120_000);
  afterAll(async () => {
    await app.cleanup();
  });

  for (const paper of ['A4', 'F4'] as const) {
    it(`daftar hadir of 100 participants on ${paper}: header on every page, all numbered, signing block whole`, async () => {
      const r = await app.call('activity:sheet', {
        activityId: activity.id,
        day: '2026-03-12',
        paper,
      });
      const file = path.join(out, `sheet-${paper}.pdf`);
      writeFileSync(file, Buffer.from(r.base64, 'base64'));
      const pages = readPdf(file);
      expect(pages.length).toBe(r.pages);
      expect(pages.length).toBeGreaterThan(2);
      expect(pages[0]!.widthMm).toBeCloseTo(paper === 'A4' ? 210 : 215, 0);
      expect(pages[0]!.heightMm).toBeCloseTo(paper === 'A4' ? 297 : 330, 0);
      const first = pages[0]!.text;
      expect(first).toContain('PEMERINTAH KABUPATEN JEMBER');
      expect(first).toContain('KECAMATAN KALISAT');
      expect(first).toContain('DAFTAR HADIR PESERTA');
      expect(first).toContain('Kamis, 12 Maret 2026 (hari ke-2 dari 3)');
      expect(first).toContain('DBHCHT');
      pages.forEach((p, i) => {
        expect(p.text).toContain('Tanda Tangan');
        expect(p.text).toContain(`Halaman ${i + 1} dari ${pages.length}`);
      });
      const all = pages.map((p) => p.text).join('\n');
      for (let i = 1; i <= N; i++)
        expect(all).toContain(i % 5 === 0 ? `Pekerja Nomor ${i}` : `Pemilik Nomor ${i}`);
      // the signing block: place and date, the Camat, the NIP, all on the last page
      const last = pages.at(-1)!.text;
      // the signing block is never alone: the last participant is on its page
      expect(last).toContain('Pekerja Nomor 100');
      expect(last).toContain('Kalisat, 12 Maret 2026');
      expect(last).toContain('CAMAT KALISAT');
      expect(last).toContain('Drs. Bambang Sutrisno, M.Si.');
      expect(last).toContain('NIP. 19750101 200003 1 001');
      if (process.env.SHEET_PNG)
        execFileSync('pdftoppm', [
          '-r',
          '60',
          '-png',
          file,
          path.join(process.env.SHEET_PNG, `sheet-${paper}`),
        ]);
    });
  }

  it('refuses a sheet for a day outside the activity', async () => {
    await expect(
      app.call('activity:sheet', { activityId: activity.id, day: '2026-03-11', paper: 'A4' }),
    ).rejects.toMatchObject({ envelope: { code: 'VALIDATION', message: 'activities.errors.dayOutside' } });
  });

  it('recap: one column per day, days present, outcomes and totals', async () => {
    const r = await app.call('activity:recap', { activityId: activity.id, paper: 'A4' });
    const file = path.join(out, 'recap.pdf');
    writeFileSync(file, Buffer.from(r.base64, 'base64'));
    const pages = readPdf(file);
    expect(pages[0]!.widthMm).toBeCloseTo(297, 0);
    const all = pages.map((p) => p.text).join('\n');
    expect(all).toContain('REKAPITULASI PESERTA DAN KEHADIRAN');
    expect(all).toContain('Jumlah peserta 100; kehadiran: hadir 90, izin 10, sakit 0, alpa 0; sertifikat 0.');
    expect(all).toContain('1/3');
    const last = pages.at(-1)!.text;
    expect(last).toContain('Pekerja Nomor 100');
    expect(last).toContain('Jumlah peserta 100');
    expect(last).toContain('CAMAT KALISAT');
    if (process.env.SHEET_PNG)
      execFileSync('pdftoppm', ['-r', '60', '-png', file, path.join(process.env.SHEET_PNG, 'recap')]);
  });
});
