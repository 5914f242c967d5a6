import { describe, expect, it } from 'vitest';
import {
  addDays,
  checkPermitNumber,
  normalizePirt,
  permitNumberKey,
  permitState,
  sniffScan,
} from '../../../shared/validators/permit';
import { permitCreateSchema, type PermitRuleContext } from '../../../shared/schemas/permit';

/** What a number accepted without warnings gives: its shown form and its key. */
const taken = (number: string, key: string) => ({ ok: true, number, key, warnings: [] });

describe('NIB', () => {
  it('accepts exactly 13 digits, with the separators a clerk types dropped', () => {
    expect(checkPermitNumber('nib', '1234567890123')).toEqual(taken('1234567890123', '1234567890123'));
    expect(checkPermitNumber('nib', ' 1234 5678.90-123 ')).toMatchObject({
      ok: true,
      number: '1234567890123',
    });
  });
  it.each([
    ['123456789012', 'nibLength'],
    ['12345678901234', 'nibLength'],
    ['12345678901A3', 'nibDigits'],
    ['', 'required'],
    ['   ', 'required'],
  ])('refuses %j (%s)', (raw, error) => {
    expect(checkPermitNumber('nib', raw)).toEqual({ ok: false, error });
  });
});

describe('P-IRT', () => {
  const ctx = { regencyCode: '35.09', validUntil: '2027-03-12' };
  it('normalises the prefix, spaces, dots and dashes and formats 13-2', () => {
    expect(normalizePirt('P-IRT No. 2063509010123-27')).toBe('206350901012327');
    expect(normalizePirt('SPP-IRT 206.3509.01.0123-27')).toBe('206350901012327');
    expect(normalizePirt('pirt nomor: 2063509010123 27')).toBe('206350901012327');
    expect(checkPermitNumber('pirt', 'P-IRT No. 2063509010123-27', ctx)).toEqual(
      taken('2063509010123-27', '206350901012327'),
    );
  });
  it('accepts 16 digits (five-digit IRTP serial)', () => {
    expect(checkPermitNumber('pirt', '20635090101234-27', ctx)).toMatchObject({ ok: true, warnings: [] });
  });
  it.each([
    ['206350901012-27', 'pirtLength'], // 14 digits
    ['206350901012345-27', 'pirtLength'], // 17 digits
    ['2063509010A23-27', 'pirtDigits'],
    ['0063509010123-27', 'pirtPackaging'],
    ['9063509010123-27', 'pirtPackaging'],
    ['2003509010123-27', 'pirtFoodType'],
    ['P-IRT', 'required'],
  ])('refuses %j (%s)', (raw, error) => {
    expect(checkPermitNumber('pirt', raw, ctx)).toEqual({ ok: false, error });
  });
  it('warns (does not refuse) when the region digits are not the business kabupaten', () => {
    const r = checkPermitNumber('pirt', '2063505010123-27', ctx);
    expect(r).toMatchObject({
      ok: true,
      warnings: [{ code: 'pirtRegion', params: { digits: '3505', expected: '3509' } }],
    });
  });
  it('warns when the expiry-year digits disagree with valid-until, or with issue date + 5 years', () => {
    expect(checkPermitNumber('pirt', '2063509010123-28', ctx)).toMatchObject({
      ok: true,
      warnings: [{ code: 'pirtExpiryYear', params: { digits: '28', expected: '2027' } }],
    });
    expect(
      checkPermitNumber('pirt', '2063509010123-27', { regencyCode: '3509', issueDate: '2022-03-12' }),
    ).toMatchObject({ ok: true, warnings: [] });
    expect(
      checkPermitNumber('pirt', '2063509010123-27', { regencyCode: '3509', issueDate: '2023-01-01' }),
    ).toMatchObject({ ok: true, warnings: [{ code: 'pirtExpiryYear', params: { expected: '2028' } }] });
  });
  it('warns for a food-type code beyond the BPOM list, and reports several warnings at once', () => {
    const r = checkPermitNumber('pirt', '2993505010123-30', ctx);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['pirtFoodType', 'pirtRegion', 'pirtExpiryYear']);
  });
  it('has no region or year to compare without a kabupaten or dates', () => {
    expect(checkPermitNumber('pirt', '2063505010123-99')).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('halal', () => {
  it('needs the ID prefix and digits', () => {
    expect(checkPermitNumber('halal', 'id 3511 0000 1234 5678 9')).toMatchObject({
      ok: true,
      number: 'ID35110000123456789',
    });
    expect(checkPermitNumber('halal', '35110000123456789')).toEqual({ ok: false, error: 'halalPrefix' });
    expect(checkPermitNumber('halal', 'IDX5110000123456789')).toEqual({ ok: false, error: 'halalDigits' });
    expect(checkPermitNumber('halal', 'ID123456789')).toEqual({ ok: false, error: 'halalLength' });
    expect(checkPermitNumber('halal', 'ID1234567890')).toMatchObject({ ok: true });
    expect(checkPermitNumber('halal', `ID${'1'.repeat(21)}`)).toEqual({ ok: false, error: 'halalLength' });
  });
});

describe('BPOM MD/ML', () => {
  it('MD or ML and 12 digits; 13–15 with a warning; the BPOM RI prefix dropped', () => {
    expect(checkPermitNumber('bpom', 'BPOM RI MD 123456789012')).toEqual(
      taken('MD 123456789012', 'MD123456789012'),
    );
    expect(checkPermitNumber('bpom', 'ml123456789012')).toMatchObject({
      ok: true,
      number: 'ML 123456789012',
    });
    expect(checkPermitNumber('bpom', 'MD 1234567890123')).toMatchObject({
      ok: true,
      warnings: [{ code: 'bpomLength', params: { count: '13' } }],
    });
    expect(checkPermitNumber('bpom', 'MK 123456789012')).toEqual({ ok: false, error: 'bpomPrefix' });
    expect(checkPermitNumber('bpom', 'MD 12345678901')).toEqual({ ok: false, error: 'bpomLength' });
    expect(checkPermitNumber('bpom', 'MD 1234567890123456')).toEqual({ ok: false, error: 'bpomLength' });
    expect(checkPermitNumber('bpom', 'MD 12345678901X')).toEqual({ ok: false, error: 'bpomDigits' });
  });
});

describe('free numbers and keys', () => {
  it('trims, collapses spaces, limits to 100 characters; the key keeps letters and digits', () => {
    expect(checkPermitNumber('free', '  503 / 12 /  SKU / 2026 ')).toMatchObject({
      ok: true,
      number: '503 / 12 / SKU / 2026',
      key: '50312SKU2026',
    });
    expect(checkPermitNumber('free', 'x'.repeat(101))).toEqual({ ok: false, error: 'tooLong' });
    expect(checkPermitNumber('nib', '1'.repeat(201))).toEqual({ ok: false, error: 'tooLong' });
    expect(permitNumberKey('id-3511 0000')).toBe('ID35110000');
  });
});

describe('state from the dates', () => {
  const today = '2026-12-02';
  const p = (
    validUntil: string | null,
    extra: Partial<{ revokedAt: string; whileOperating: boolean }> = {},
  ) =>
    permitState(
      { revokedAt: extra.revokedAt ?? null, whileOperating: extra.whileOperating ?? false, validUntil },
      today,
    );
  it('berlaku, segera berakhir (≤ 90 days, edges included), kedaluwarsa, dicabut, tanpa tanggal', () => {
    expect(addDays(today, 90)).toBe('2027-03-02');
    expect(p('2027-03-03')).toBe('berlaku');
    expect(p('2027-03-02')).toBe('segera_berakhir');
    expect(p(today)).toBe('segera_berakhir');
    expect(p('2026-12-01')).toBe('kedaluwarsa');
    expect(p(null, { whileOperating: true })).toBe('berlaku');
    expect(p('2030-01-01', { revokedAt: '2026-01-01' })).toBe('dicabut');
    expect(p(null)).toBe('tanpa_tanggal');
  });
});

describe('scan type by content', () => {
  it('reads PDF, JPEG and PNG from the magic bytes, nothing else', () => {
    expect(sniffScan(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffScan(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffScan(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffScan(Buffer.from('PK\u0003\u0004 a docx'))).toBeNull();
    expect(sniffScan(Buffer.from('%PDF'))).toBeNull();
    expect(sniffScan(new Uint8Array())).toBeNull();
  });
});

describe('the form schema (shared with main)', () => {
  const rc: PermitRuleContext = {
    types: [
      { id: 1, numberRule: 'nib', numberRequired: true },
      { id: 2, numberRule: 'pirt', numberRequired: true },
      { id: 7, numberRule: 'free', numberRequired: false },
    ],
    regencyCode: '35.09',
  };
  const schema = permitCreateSchema(rc);
  const base = {
    businessId: 1,
    typeId: 2,
    number: '2063509010123-27',
    issueDate: '2022-03-12',
    validUntil: '2027-03-12',
  };
  const fields = (v: unknown) => {
    const r = schema.safeParse(v);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
  };
  it('passes a good P-IRT and gives its normalised number and key', () => {
    const r = schema.parse(base);
    expect(r).toMatchObject({ number: '2063509010123-27', numberKey: '206350901012327' });
  });
  it('puts each refusal beside its field', () => {
    expect(fields({ ...base, validUntil: '2021-01-01' })).toMatchObject({
      validUntil: 'validation.permit.untilBeforeIssue',
    });
    expect(fields({ ...base, number: '20635090101' })).toMatchObject({
      number: 'validation.permit.number.pirtLength',
    });
    expect(fields({ ...base, number: '' })).toMatchObject({ number: 'validation.required' });
    expect(fields({ ...base, issueDate: '2026-02-30' })).toMatchObject({
      issueDate: 'validation.permit.date',
    });
    expect(fields({ ...base, whileOperating: true })).toMatchObject({
      validUntil: 'validation.permit.untilAndWhileOperating',
    });
    expect(fields({ ...base, revokedAt: '2026-01-01' })).toMatchObject({
      revokedReason: 'validation.permit.revokedReason',
    });
    expect(fields({ ...base, typeId: 99 })).toMatchObject({ typeId: 'validation.permit.type' });
  });
  it('a free type may have no number', () => {
    expect(schema.parse({ businessId: 1, typeId: 7, number: '' })).toMatchObject({
      number: null,
      numberKey: null,
    });
  });
});
