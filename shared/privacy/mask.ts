import { maskNik } from '../validators/nik';
import { maskPhone } from '../validators/phone';

/**
 * Masking of personal data (UU PDP 27/2022) in whole answers: used by the main side for every answer to a
 * viewer (dispatcher) and for the audit viewer and its export. It goes by the shape of the data, not by the
 * screen, so a new channel is masked without anyone remembering to:
 * - a key named like `nik`, `ownerNik`, `owner_nik`, `phone`, `ownerPhone`, `hp`, `telepon` → masked;
 * - an entry `{ field: 'ownerNik', before, after }` (history, audit changes) → its values masked;
 * - any other string of exactly 16 digits (a NIK, or an NPWP that is one) → masked.
 */
const NIK_KEY = /(^|[a-z_])(nik)$/i;
const PHONE_KEY = /(^|[a-z_])(phone|hp|telepon|whatsapp)$/i;
const BARE_NIK = /^\d{16}$/;

function maskByKey(key: string, v: unknown): unknown {
  if (typeof v !== 'string' || v === '') return maskDeep(v);
  if (NIK_KEY.test(key)) return maskNik(v);
  if (PHONE_KEY.test(key)) return maskPhone(v);
  return maskDeep(v);
}

export function isPersonalField(key: string): boolean {
  return NIK_KEY.test(key) || PHONE_KEY.test(key);
}

export function maskDeep(v: unknown): unknown {
  if (typeof v === 'string') return BARE_NIK.test(v) ? maskNik(v) : v;
  if (v === null || typeof v !== 'object') return v;
  if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return v;
  if (Array.isArray(v)) return v.map(maskDeep);
  const o = v as Record<string, unknown>;
  const field = typeof o.field === 'string' ? o.field : null;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(o)) {
    out[k] =
      field && isPersonalField(field) && (k === 'before' || k === 'after' || k === 'value')
        ? maskByKey(field, val)
        : maskByKey(k, val);
  }
  return out;
}
