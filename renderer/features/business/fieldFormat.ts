import type { TFunction } from 'i18next';
import type { BusinessDetail, BusinessUpdateInput } from '../../../shared/schemas/business';
import { RECORD_FIELDS, recordFormOf } from '../../../shared/records/business';
import { displayFormat, type DisplayContext } from '../../../shared/records/field';
import { formatDate, formatMoney, formatNumber } from '../../lib/format';

/**
 * One way to name and show a field of the record, used by the record page, the side-by-side comparisons
 * and the timeline. Field names are the form's (`workersMale`, `ownerPhone`, …); fields of the field tables
 * (shared/records/business.ts) take their label and format from there; the rest (registration number and
 * date, totals, ids) are listed here.
 */
export function fieldLabel(t: TFunction, field: string): string {
  return t(RECORD_FIELDS.get(field)?.label ?? `business.fields.${field}`, { defaultValue: field });
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

const contexts = new WeakMap<TFunction, DisplayContext>();
function contextOf(t: TFunction): DisplayContext {
  let c = contexts.get(t);
  if (!c) {
    c = {
      t: (key, o) => t(key, o ?? {}),
      money: formatMoney,
      date: formatDate,
      number: formatNumber,
    };
    contexts.set(t, c);
  }
  return c;
}

/** A value as a clerk reads it: Rp1.500.000, 5 Agustus 1985, Perorangan, Modal, Pemasaran… */
export function formatFieldValue(t: TFunction, field: string, v: unknown): string {
  if (isEmpty(v)) return '';
  const def = RECORD_FIELDS.get(field);
  if (def) return displayFormat(def, v, contextOf(t));
  switch (field) {
    case 'registrationDate':
      return formatDate(String(v));
    case 'workersTotal':
      return t('business.detail.people', { count: Number(v) });
    case 'ownerId':
    case 'mergedIntoId':
      return `#${String(v)}`;
    default:
      if (Array.isArray(v)) return v.join(', ');
      if (typeof v === 'object') return JSON.stringify(v);
      return String(v);
  }
}

export type RecordForm = Omit<BusinessUpdateInput, 'id' | 'version'> & { id?: number; version?: number };

/** What the form holds for an existing record (the edit page, and comparisons with a draft). */
export function formValuesOf(b: BusinessDetail): RecordForm {
  return {
    id: b.id,
    version: b.version,
    ownerVersion: b.owner.version,
    existingOwnerId: null,
    ...recordFormOf(b, b.owner),
    reason: '',
  };
}

/** The fields compared side by side (duplicates at the desk, merge), in reading order. */
export const COMPARE_FIELDS = [
  'name',
  'ownerName',
  'ownerNik',
  'ownerPhone',
  'villageName',
  'street',
  'products',
  'brand',
  'kbliCode',
  'yearStarted',
  'workersMale',
  'workersFemale',
  'investment',
  'capital',
  'annualTurnover',
  'legalForm',
  'status',
] as const;

/** Loose comparison for highlighting differences: case, spaces and punctuation do not count. */
export function sameValue(a: string, b: string): boolean {
  const n = (s: string) => s.toLowerCase().replace(/[^a-z0-9•]+/g, '');
  return n(a) === n(b);
}
