/**
 * Texts written into a spreadsheet from the register or from an imported file. A cell starting with `=`,
 * `+`, `-` or `@` (or a tab or carriage return, which some spreadsheets skip before reading a formula) would
 * be taken for a formula when the file is opened (CSV/formula injection, OWASP): it gets a quote first, which
 * Excel and LibreOffice show as the plain text. The export and the import's review sheet both use it.
 */
export function neutralize(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
