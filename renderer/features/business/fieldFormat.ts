import type { TFunction } from 'i18next';
import type { BusinessDetail, BusinessUpdateInput } from '../../../shared/schemas/business';
import { maskNik } from '../../../shared/validators/nik';
import { formatPhone } from '../../../shared/validators/phone';
import { formatDate, formatMoney, formatNumber } from '../../lib/format';

/**
 * One way to name and show a field of the record, used by the record page, the side-by-side comparisons
 * and the timeline. Field names are the form's (`workersMale`, `ownerPhone`, …).
 */
export const MONEY_FIELDS = new Set(['investment', 'investmentLandBuilding', 'capital', 'annualTurnover']);
const DATE_FIELDS = new Set(['ownerBirthDate', 'registrationDate']);

/** The labels foundation strings already had under other keys. */
const LABEL_KEY: Record<string, string> = {
  name: 'business.fields.name',
  ownerName: 'business.fields.ownerName',
  status: 'business.fields.status',
  registrationNumber: 'business.fields.registrationNumber',
  registrationDate: 'business.fields.registrationDate',
};

export function fieldLabel(t: TFunction, field: string): string {
  return t(LABEL_KEY[field] ?? `business.fields.${field}`, { defaultValue: field });
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/** A value as a clerk reads it: Rp1.500.000, 5 Agustus 1985, Perorangan, Modal, Pemasaran… */
export function formatFieldValue(t: TFunction, field: string, v: unknown): string {
  if (isEmpty(v)) return '';
  if (MONEY_FIELDS.has(field)) return formatMoney(Number(v));
  if (DATE_FIELDS.has(field)) return formatDate(String(v));
  switch (field) {
    case 'status':
      return t(`business.status.${String(v)}`, { defaultValue: String(v) });
    case 'legalForm':
      return t(`business.legalForm.${String(v)}`, { defaultValue: String(v) });
    case 'constraints':
      return (v as string[]).map((c) => t(`business.constraint.${c}`, { defaultValue: c })).join(', ');
    case 'needs':
      return (v as string[]).map((c) => t(`business.need.${c}`, { defaultValue: c })).join(', ');
    case 'ownerSex':
      return t(`business.sexFull.${String(v)}`, { defaultValue: String(v) });
    case 'ownerPhone':
      return formatPhone(String(v));
    case 'ownerNik':
      return String(v).includes('•') ? String(v) : maskNik(String(v));
    case 'npwpSameAsNik':
      return v ? t('common.yes') : t('common.no');
    case 'workersMale':
    case 'workersFemale':
    case 'workersTotal':
      return t('business.detail.people', { count: Number(v) });
    case 'productionCapacity':
      return formatNumber(Number(v));
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
    ownerName: b.owner.name,
    ownerNik: b.owner.nik ?? '',
    ownerSex: b.owner.sex ?? '',
    ownerBirthDate: b.owner.birthDate ?? '',
    ownerBirthPlace: b.owner.birthPlace ?? '',
    ownerPhone: formatPhone(b.owner.phone),
    ownerStreet: b.owner.street ?? '',
    ownerRt: b.owner.rt ?? '',
    ownerRw: b.owner.rw ?? '',
    ownerVillageCode: b.owner.villageCode,
    ownerVillageName: b.owner.villageName,
    name: b.name,
    products: b.products ?? '',
    brand: b.brand ?? '',
    kbliCode: b.kbliCode,
    kbliVersion: b.kbliVersion,
    sentra: b.sentra ?? '',
    street: b.street ?? '',
    rt: b.rt ?? '',
    rw: b.rw ?? '',
    villageCode: b.villageCode,
    villageName: b.villageName,
    yearStarted: b.yearStarted ?? '',
    workersMale: b.workersMale,
    workersFemale: b.workersFemale,
    investment: b.investment ?? '',
    investmentLandBuilding: b.investmentLandBuilding ?? '',
    capital: b.capital ?? '',
    annualTurnover: b.annualTurnover ?? '',
    turnoverYear: b.turnoverYear ?? '',
    productionCapacity: b.productionCapacity ?? '',
    capacityUnit: b.capacityUnit ?? '',
    rawMaterials: b.rawMaterials ?? '',
    energyUse: b.energyUse ?? '',
    waterUse: b.waterUse ?? '',
    legalForm: b.legalForm ?? '',
    npwp: b.npwpSameAsNik ? '' : (b.npwp ?? ''),
    npwpSameAsNik: b.npwpSameAsNik,
    status: b.status as RecordForm['status'],
    statusReason: b.statusReason ?? '',
    constraints: b.constraints,
    needs: b.needs,
    notes: b.notes ?? '',
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
