import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { create, type Font } from 'fontkit';

/**
 * The letter's fonts: Liberation Serif (SIL OFL 1.1, build/fonts/LICENSE-Liberation.txt), metric-compatible
 * with Times New Roman, covering Latin text including Indonesian. Read and parsed by fontkit once per process
 * (and per worker) and reused by every document (pdfkit accepts a parsed font, and would otherwise re-parse
 * the tables for every letter: two thirds of the render time); pdfkit embeds a subset of the glyphs used.
 */
export interface LetterFonts {
  regular: Font;
  bold: Font;
}

const FILES = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
} as const;

let cached: LetterFonts | null = null;

/** The regular TTF's path (the benchmark's bare-pdfkit floor reads the bytes itself). */
export function regularFontFile(): string {
  return path.join(fontsDir(null), FILES.regular);
}

/**
 * `extra` (`config.fontsDir`, from DAFTAR_IKM_FONTS_DIR) first, then the packaged app's resources/fonts, then
 * build/fonts from source or from dist/.
 */
function fontsDir(extra: string | null): string {
  const candidates: string[] = [];
  if (extra) candidates.push(extra);
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) candidates.push(path.join(resources, 'fonts'));
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    candidates.push(path.join(dir, 'build', 'fonts'));
    dir = path.dirname(dir);
  }
  candidates.push(path.join(process.cwd(), 'build', 'fonts'));
  const found = candidates.find((d) => existsSync(path.join(d, FILES.regular)));
  if (!found) throw new Error(`letter fonts not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** The fonts, parsed once per thread; `extraDir` is `config.fontsDir`. */
export function loadFonts(extraDir: string | null): LetterFonts {
  if (cached) return cached;
  const dir = fontsDir(extraDir);
  const parse = (f: string) => create(readFileSync(path.join(dir, f)));
  cached = { regular: parse(FILES.regular), bold: parse(FILES.bold) };
  return cached;
}
