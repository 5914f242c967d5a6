import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { rawOf } from '../electron/app/context';
import type { TestApp } from '../test/fixtures/app';

/** Registered businesses with every column a letter prints, inserted in one transaction. */
export function insertBusinesses(app: TestApp, n: number, date: string): number[] {
  const raw = rawOf(app.ctx);
  const now = new Date().toISOString();
  const owner = raw.prepare(
    `INSERT INTO owners (uuid, nik, name, sex, birth_date, birth_place, address_street, rt, rw, village_name, created_at, updated_at)
     VALUES (?, ?, ?, 'P', '1980-05-04', 'Jember', 'Dusun Krajan', '002', '005', 'Kalisat', ?, ?)`,
  );
  const biz = raw.prepare(
    `INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name, status,
       products, kbli_code, kbli_version, address_street, rt, rw, year_started, workers_male, workers_female,
       investment, capital, annual_turnover, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'Kalisat', 'aktif', 'Keripik tempe, rempeyek kacang', '10794', '2020', 'Dusun Krajan',
       '002', '005', 2015, 2, 4, 150000000, 120000000, 300000000, ?, ?)`,
  );
  const ids: number[] = [];
  raw.transaction(() => {
    for (let i = 0; i < n; i++) {
      const o = owner.run(
        `bo-${i}`,
        `35092744058${String(i).padStart(5, '0')}`,
        `Pemilik Usaha ${i + 1}`,
        now,
        now,
      );
      const b = biz.run(
        `bb-${i}`,
        `IKM-350927-2026-${String(i + 1).padStart(5, '0')}`,
        date,
        `Usaha Keripik Nomor ${i + 1}`,
        o.lastInsertRowid,
        now,
        now,
      );
      ids.push(Number(b.lastInsertRowid));
    }
  })();
  return ids;
}

/**
 * A bare pdfkit A4 document with `ttf` embedded as its font, for the floors of the PDF benchmarks; `done`
 * resolves to the file's bytes once `doc.end()` is called.
 */
export function barePdf(ttf: Buffer, margin: number): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', font: null as unknown as string, margin });
  doc.registerFont('R', ttf);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  doc.font('R');
  return { doc, done };
}

/** The floor: a bare pdfkit A4 page, embedded TTF subset, 20 lines, a vector QR. */
export async function bareLetter(ttf: Buffer, qrText: string): Promise<Buffer> {
  const { doc, done } = barePdf(ttf, 70);
  doc.fontSize(11.5);
  for (let i = 0; i < 20; i++)
    doc.text(
      `Baris ${i + 1}: Yang bertanda tangan di bawah ini Camat Kalisat, Kabupaten Jember, menerangkan bahwa`,
    );
  const qr = QRCode.create(qrText, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = 85 / n;
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.data[r * n + c]) doc.rect(70 + c * cell, 600 + r * cell, cell, cell);
  doc.fill('black');
  doc.end();
  return done;
}
