import { z } from 'zod';
import { zOptionalNik, zRequiredText } from './common';

/** The foundation slice: name, owner, NIK, desa as text. The registry issue extends it. */
export const businessCreateSchema = z.object({
  name: zRequiredText(200),
  ownerName: zRequiredText(120),
  ownerNik: zOptionalNik,
  villageName: zRequiredText(120),
});
export type BusinessCreateInput = z.input<typeof businessCreateSchema>;

export const businessListSchema = z
  .object({
    query: z.string().trim().max(200).optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .default({ limit: 100, offset: 0 });

export const businessGetSchema = z.object({ id: z.number().int().positive() });

export interface BusinessListItem {
  id: number;
  uuid: string;
  registrationNumber: string;
  registrationDate: string;
  name: string;
  ownerName: string;
  /** masked: 3509••••••••0001 */
  ownerNikMasked: string;
  villageName: string;
  status: string;
}

export interface BusinessDetail extends BusinessListItem {
  ownerId: number;
  createdAt: string;
  updatedAt: string;
}

export interface BusinessPage {
  items: BusinessListItem[];
  total: number;
}
