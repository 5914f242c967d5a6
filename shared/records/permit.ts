import { z } from 'zod';
import { zId } from '../schemas/common';
import { defineRecord, f } from './field';

/** yyyy-mm-dd that exists in the calendar (31 February refused), 1950–2100; empty → null. */
export const zPermitDate = z
  .string()
  .max(40, { error: 'validation.date' })
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .superRefine((v, ctx) => {
    if (v === null) return;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const ok =
      m !== null &&
      (() => {
        const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
        const t = new Date(Date.UTC(y, mo - 1, d));
        return y >= 1950 && y <= 2100 && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
      })();
    if (!ok) ctx.addIssue({ code: 'custom', message: 'validation.permit.date' });
  });

const date = <K extends string>(key: K) =>
  f.custom<K, typeof zPermitDate, string | null>(key, 'date', zPermitDate, {
    empty: '',
    toForm: (v) => v ?? '',
  });

/**
 * The permit record's field table (issue 8): schema, row ↔ record mapping, empty form and history labels are
 * derived from it (shared/records/field.ts). The number is checked by its type's rule across fields
 * (shared/schemas/permit.ts); `number_key`, the business and the bookkeeping columns are the service's.
 */
export const permitRecord = defineRecord({
  name: 'permit',
  table: 'permits',
  labels: 'permits.fields',
  fields: [
    f.custom<'typeId', typeof zId, number>('typeId', 'enum', zId, { label: 'permits.fields.type', empty: 0 }),
    f.text('number', { max: 200 }),
    f.text('issuer', { max: 200 }),
    date('issueDate'),
    date('validUntil'),
    f.bool('whileOperating'),
    date('revokedAt'),
    f.text('revokedReason', { max: 500 }),
    f.text('notes', { max: 2000 }),
  ],
});
