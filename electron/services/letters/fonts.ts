import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The letter's fonts: Liberation Serif (SIL OFL 1.1, build/fonts/LICENSE-Liberation.txt), metric-compatible
 * with Times New Roman, covering Latin text including Indonesian. Read once per process (and per worker) as
 * Buffers and reused by every document; pdfkit embeds a subset of the glyphs used.
 */
export interface LetterFonts {
  regular: Buffer;
  bold: Buffer;
  italic: Buffer;
}

const FILES = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
} as const;

let cached: LetterFonts | null = null;

/** build/fonts from source or from dist/, the packaged app's resources/fonts, or DAFTAR_IKM_FONTS_DIR. */
export function fontsDir(): string {
  const candidates: string[] = [];
  if (process.env.DAFTAR_IKM_FONTS_DIR) candidates.push(process.env.DAFTAR_IKM_FONTS_DIR);
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

export function loadFonts(): LetterFonts {
  if (cached) return cached;
  const dir = fontsDir();
  cached = {
    regular: readFileSync(path.join(dir, FILES.regular)),
    bold: readFileSync(path.join(dir, FILES.bold)),
    italic: readFileSync(path.join(dir, FILES.italic)),
  };
  return cached;
}
