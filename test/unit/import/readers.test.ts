import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectCsvFormat, detectDelimiter, readCsvRows } from '../../../electron/services/import/csv';
import { openSource, sniffKind } from '../../../electron/services/import/source';

const dir = mkdtempSync(path.join(os.tmpdir(), 'import-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const f = path.join(dir, name);
  writeFileSync(f, content);
  return f;
};
const rows = async (f: string) => {
  const fmt = await detectCsvFormat(f);
  const out: unknown[] = [];
  for await (const r of readCsvRows(f, fmt)) out.push(r);
  return { fmt, out };
};

describe('CSV format detection', () => {
  it('takes ; over , when cells hold decimal commas', () => {
    expect(detectDelimiter('Nama;NIK;Modal\nTahu;3,50927E+15;1,5\nTempe;3,50927E+15;2,5\n')).toBe(';');
    expect(
      detectDelimiter('Nama,NIK,Modal\nTahu,3509275708750001,15\n"Tempe, Bu Sri",3509275708750002,2\n'),
    ).toBe(',');
    expect(detectDelimiter('Nama\tNIK\nTahu\t1\n')).toBe('\t');
    expect(detectDelimiter('Nama|NIK|Desa\nTahu|1|Kalisat\n')).toBe('|');
  });

  it('finds UTF-8 with and without BOM, Windows-1252 and UTF-16', async () => {
    const text = 'Nama;Pemilik\nKopi Ma’ruf;José\n';
    expect(await detectCsvFormat(file('u8.csv', text))).toEqual({
      encoding: 'utf-8',
      bom: false,
      delimiter: ';',
    });
    expect(await detectCsvFormat(file('bom.csv', `\ufeff${text}`))).toEqual({
      encoding: 'utf-8',
      bom: true,
      delimiter: ';',
    });
    const cp = Buffer.from(text.replace('’', "'"), 'latin1');
    cp[cp.indexOf(0x27)] = 0x92; // the curly apostrophe Windows-1252 puts at 0x92
    expect(await detectCsvFormat(file('cp.csv', cp))).toEqual({
      encoding: 'windows-1252',
      bom: false,
      delimiter: ';',
    });
    const u16 = Buffer.from(text, 'utf16le');
    expect(await detectCsvFormat(file('u16-nobom.csv', u16))).toMatchObject({
      encoding: 'utf-16le',
      bom: false,
    });
    const u16bom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await detectCsvFormat(file('u16.csv', u16bom))).toEqual({
      encoding: 'utf-16le',
      bom: true,
      delimiter: ';',
    });
  });

  it("reads UTF-8 whose characters straddle the reader's chunks, and a cut one as Windows-1252", async () => {
    // 256 KiB chunks: put each width of character across the first boundary
    for (const ch of ['é', '’', '😀']) {
      const width = Buffer.byteLength(ch);
      for (let before = 1; before < width; before++) {
        const head = 'Nama;Desa\n' + 'x'.repeat(256 * 1024 - 'Nama;Desa\n'.length - 1 - before) + ';';
        const text = `${head}${ch}\nKopi ${ch};Kalisat\n`;
        expect(Buffer.byteLength(head)).toBe(256 * 1024 - before);
        const f = file(`wide-${width}-${before}.csv`, text);
        const { fmt, out } = await rows(f);
        expect(fmt.encoding, `${ch} cut after ${before}`).toBe('utf-8');
        expect(out.at(-1)).toEqual({ line: 3, cells: [`Kopi ${ch}`, 'Kalisat'] });
      }
    }
    // a file that ends inside a character is not UTF-8
    const cut = Buffer.concat([Buffer.from('Nama;Desa\nKopi;Kalisat '), Buffer.from('é').subarray(0, 1)]);
    expect((await detectCsvFormat(file('cut.csv', cut))).encoding).toBe('windows-1252');
    // an invalid byte past the first chunk
    const late = Buffer.concat([
      Buffer.from('Nama;Desa\n' + 'Kopi;Kalisat\n'.repeat(30_000)),
      Buffer.from([0x92]),
    ]);
    expect((await detectCsvFormat(file('late.csv', late))).encoding).toBe('windows-1252');
  });

  it('decodes every encoding to the same rows, quoted fields and line breaks in cells included', async () => {
    const text =
      'Nama;Pemilik;Catatan\r\nKopi Ma’ruf;José;"baris satu\nbaris dua; masih satu sel"\r\n"Tahu ""Enak""";Siti;\r\n';
    const cp = Buffer.from(text.replace('’', '\u0092'), 'latin1');
    const expected = [
      { line: 1, cells: ['Nama', 'Pemilik', 'Catatan'] },
      { line: 2, cells: ['Kopi Ma’ruf', 'José', 'baris satu\nbaris dua; masih satu sel'] },
      { line: 3, cells: ['Tahu "Enak"', 'Siti', ''] },
    ];
    for (const [name, content] of [
      ['a.csv', text],
      ['b.csv', `\ufeff${text}`],
      ['c.csv', cp],
      ['d.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ] as const)
      expect((await rows(file(name, content))).out, name).toEqual(expected);
  });

  it('says what it cannot read instead of failing with a stack trace', async () => {
    const xls = Buffer.alloc(16);
    xls.writeUInt32BE(0xd0cf11e0, 0);
    xls.writeUInt32BE(0xa1b11ae1, 4);
    await expect(sniffKind(file('old.xls', xls))).rejects.toMatchObject({
      messageKey: 'import.errors.xlsNotSupported',
    });
    await expect(openSource(path.join(dir, 'missing.csv'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      messageKey: 'import.errors.fileMissing',
    });
    await expect(
      openSource(file('junk.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'))),
    ).rejects.toMatchObject({
      messageKey: 'import.errors.unreadable',
    });
    await expect(openSource(file('one.csv', 'hanya satu kolom\nx\n'))).rejects.toMatchObject({
      messageKey: 'import.errors.noHeader',
    });
  });
});
