/**
 * The first check of an identity number a clerk typed (NIK, NIP): its digits once the separators are gone,
 * or why they are not a number of exactly `length` digits.
 */
export function fixedDigits(
  normalized: string,
  length: number,
): { ok: true; digits: string } | { ok: false; error: 'digits' | 'length' } {
  if (!/^\d*$/.test(normalized)) return { ok: false, error: 'digits' };
  if (normalized.length !== length) return { ok: false, error: 'length' };
  return { ok: true, digits: normalized };
}
