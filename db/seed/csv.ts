/**
 * A small RFC 4180 CSV reader: comma-separated, fields optionally in double quotes, `""` for a quote inside
 * a quoted field, commas and line breaks allowed inside quotes. Enough for the reference CSVs we ship
 * (idn-area-data keeps names such as `"Lubuk Pakam I,II"` and `"Soka""an"` quoted).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  // skip a UTF-8 byte-order mark
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      // quoted field
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) throw new Error('CSV: unterminated quoted field');
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      continue;
    }
    if (c === ',') {
      row.push(field);
      field = '';
      i++;
      continue;
    }
    if (c === '\n' || c === '\r') {
      row.push(field);
      field = '';
      rows.push(row);
      row = [];
      if (c === '\r' && text[i + 1] === '\n') i++;
      i++;
      continue;
    }
    // plain run up to the next delimiter
    let j = i;
    while (j < n) {
      const d = text[j];
      if (d === ',' || d === '\n' || d === '\r') break;
      j++;
    }
    field += text.slice(i, j);
    i = j;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows as objects keyed by the header line. */
export function parseCsvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows
    .filter((r) => r.length > 1 || (r[0] ?? '') !== '')
    .map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ''])));
}
