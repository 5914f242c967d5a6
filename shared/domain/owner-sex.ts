/**
 * The owner's sex as the NIK states it: the day of birth (digits 7–8) has 40 added for women (domain.md §1).
 * Null when the NIK is missing or its day is not a day (1–31 or 41–71). The report's counts by sex use the
 * same rule in SQL (reports/summary.ts); a property test keeps the two equal.
 */
export function sexFromNik(nik: string | null | undefined): 'L' | 'P' | null {
  if (!nik || !/^\d{16}$/.test(nik)) return null;
  const day = Number(nik.slice(6, 8));
  if (day >= 1 && day <= 31) return 'L';
  if (day >= 41 && day <= 71) return 'P';
  return null;
}
