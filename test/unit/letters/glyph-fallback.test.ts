/**
 * Issue 10, hole 7: an emoji or any character missing from the letter's embedded font printed as a blank
 * gap and pushed the line past the margin. Now every such character is replaced visibly with "□" (which the
 * font has), so pdfkit measures what it draws and wraps inside the margin.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coverText, MISSING_GLYPH } from '../../../electron/services/letters/render';
import { loadFonts } from '../../../electron/services/letters/fonts';
import { withTestApp } from '../../fixtures/app-hooks';
import { insertBusiness } from './fixtures';

const out = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-glyph-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Words and their boxes in points (pdftotext -bbox), page width. */
function words(file: string) {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const page = /<page width="([\d.]+)"/.exec(html)!;
  const ws = [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g),
  ].map((m) => ({ xMin: Number(m[1]), xMax: Number(m[2]), text: m[3]! }));
  return { width: Number(page[1]), words: ws };
}

describe('characters the embedded font lacks', () => {
  it('coverText keeps Indonesian text and replaces emoji (with their joiners and modifiers) by one mark each', () => {
    const fonts = loadFonts(null);
    expect(coverText('Keripik Tempe Bu Sri — “Pedas” Rp1.500.000 é', fonts)).toBe(
      'Keripik Tempe Bu Sri — “Pedas” Rp1.500.000 é',
    );
    expect(coverText('Sambal 🌶️ Bu 👩‍🍳 Ani 👍🏽', fonts)).toBe(
      `Sambal ${MISSING_GLYPH} Bu ${MISSING_GLYPH} Ani ${MISSING_GLYPH}`,
    );
    expect(coverText('漢字', fonts)).toBe(`${MISSING_GLYPH}${MISSING_GLYPH}`);
  });

  it('a letter for a business named with emoji shows the mark and wraps inside the right margin', async () => {
    await withTestApp({ now: () => new Date(2026, 2, 12, 9, 30) }, async (app) => {
      const name =
        '🌶️🔥 Keripik Pedas Mantap Jaya Abadi 👩‍🍳 Bu Sri Wahyuni 🍜🍜🍜🍜🍜🍜🍜🍜🍜🍜🍜🍜🍜🍜🍜🍜🍜🍜🍜🍜🍜🍜🍜 Sentosa Makmur';
      const id = insertBusiness(app, { name });
      const l = await app.call('letter:issue', { businessId: id, purpose: 'uji emoji' });
      const file = path.join(app.dataDir, l.filePath!);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text).toContain(MISSING_GLYPH);
      expect(text).not.toMatch(/\p{Extended_Pictographic}/u);
      const { width, words: ws } = words(file);
      const rightMargin = width - (20 * 72) / 25.4;
      const over = ws.filter((w) => w.xMax > rightMargin + 1);
      expect(over).toEqual([]);
      // kept for a look: pdftoppm -r 60 -png
      writeFileSync(path.join(out, 'emoji.pdf'), execFileSync('cat', [file]));
      if (process.env.DAFTAR_IKM_KEEP_PNG)
        execFileSync('pdftoppm', ['-r', '60', '-png', file, process.env.DAFTAR_IKM_KEEP_PNG]);
    });
  });
});
