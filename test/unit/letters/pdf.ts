import { execFileSync } from 'node:child_process';

/** Text of every page (pdftotext) and page sizes in mm (pdfinfo): poppler reads the file back. */
export function readPdf(file: string): { text: string; widthMm: number; heightMm: number }[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', file], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    widthMm: (Number(m[2]) * 25.4) / 72,
    heightMm: (Number(m[3]) * 25.4) / 72,
  }));
  return sizes.map((sz, i) => ({
    ...sz,
    text: execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], {
      encoding: 'utf8',
    }).replace(/[ \t]+/g, ' '),
  }));
}
