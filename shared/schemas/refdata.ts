import { z } from 'zod';
import { normalizeNik } from '../validators/nik';
import { M, zRequiredText } from './common';

/** Reference data: the Kemendagri region list, KBLI, and where each list came from. */
export type RegionLevel = 'province' | 'regency' | 'district' | 'village';
export const REGION_LEVELS = ['province', 'regency', 'district', 'village'] as const;

/** Dotted Kemendagri code of any level: 35, 35.09, 35.09.27, 35.09.27.2007. */
export const REGION_CODE_RE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
const zRegionCode = z
  .string({ error: M.required })
  .trim()
  .regex(REGION_CODE_RE, { error: 'validation.regionCode' });

export const regionChildrenSchema = z.object({
  /** null: the provinces */
  parentCode: zRegionCode.nullable(),
});

export const regionSearchSchema = z.object({
  query: z.string().trim().max(100),
  level: z.enum(REGION_LEVELS).optional(),
  /** only regions under this code (e.g. a kabupaten) */
  within: zRegionCode.optional(),
  /** rank regions closer to this code first among equally good name matches (the office's kecamatan) */
  near: zRegionCode.optional(),
  limit: z.number().int().min(1).max(100).default(30),
});

export const regionGetSchema = z.object({ code: zRegionCode });

export const regionCheckNikSchema = z.object({
  nik: z
    .string({ error: M.required })
    .max(64, { error: M.tooLong })
    .transform(normalizeNik)
    .refine((v) => /^\d{16}$/.test(v), { error: 'validation.nik.length' }),
});

export interface Region {
  code: string;
  parentCode: string | null;
  level: RegionLevel;
  /** as in the official list */
  name: string;
  /** for display (title case when the official name is written in capitals) */
  displayName: string;
}

/** A region with its ancestors, province first: Jawa Timur › Kabupaten Jember › Kalisat. */
export interface RegionWithPath extends Region {
  path: Region[];
}

export interface NikRegionWarning {
  /** i18n key, e.g. region.nik.districtNotFound */
  key: string;
  params: Record<string, string>;
}

export interface NikRegionCheck {
  warnings: NikRegionWarning[];
  province: Region | null;
  regency: Region | null;
  district: Region | null;
}

export type KbliVersion = '2020' | '2025';
export const KBLI_VERSIONS = ['2020', '2025'] as const;

export const kbliSearchSchema = z.object({
  query: z.string().trim().max(100),
  version: z.enum(KBLI_VERSIONS).optional(),
  limit: z.number().int().min(1).max(30).default(30),
});

export const kbliGetSchema = z.object({
  version: z.enum(KBLI_VERSIONS),
  code: z
    .string()
    .trim()
    .regex(/^\d{5}$/, { error: 'validation.kbliCode' }),
});

export const kbliAddSchema = z.object({
  version: z.enum(KBLI_VERSIONS, { error: M.required }),
  code: z
    .string({ error: M.required })
    .trim()
    .regex(/^\d{5}$/, { error: 'validation.kbliCode' }),
  title: zRequiredText(300),
  keywords: z
    .string()
    .trim()
    .max(500, { error: M.tooLong })
    .nullish()
    .transform((v) => v ?? ''),
});

export interface KbliEntry {
  id: number;
  version: KbliVersion;
  code: string;
  title: string;
  keywords: string;
  source: string;
  addedByOffice: boolean;
}

export interface KbliRelated {
  version: KbliVersion;
  code: string;
  /** null when the counterpart is not in the list (e.g. a code outside kategori C) */
  title: string | null;
  kind: 'one_to_one' | 'split' | 'merged';
  /** false: the crosswalk leads to a code the list does not carry; shown, never dropped */
  inList: boolean;
}

export interface KbliDetail extends KbliEntry {
  /** the code(s) of the other version this one maps to */
  related: KbliRelated[];
}

export interface RefDataset {
  name: string;
  version: string;
  source: string;
  licence: string;
  attribution: string | null;
  loadedAt: string;
}
