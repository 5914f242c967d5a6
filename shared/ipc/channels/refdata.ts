import { channel, noInput, operator, viewer } from '../define';
import {
  kbliAddSchema,
  kbliGetSchema,
  kbliSearchSchema,
  regionCheckNikSchema,
  regionChildrenSchema,
  regionGetSchema,
  regionSearchSchema,
  type KbliDetail,
  type KbliEntry,
  type NikRegionCheck,
  type RefDataset,
  type Region,
  type RegionWithPath,
} from '../../schemas/refdata';

export const refdataChannels = {
  /** Children of a region (null: the provinces), sorted by name. */
  'region:children': channel<Region[]>()(regionChildrenSchema, 'public'),
  /** Regions whose name matches, with their path; optionally of one level and under one code. */
  'region:search': channel<RegionWithPath[]>()(regionSearchSchema, 'public'),
  /** One region with its path; NOT_FOUND when the code is not in the list. */
  'region:get': channel<RegionWithPath>()(regionGetSchema, 'public'),
  /** Warnings (never errors) when a NIK's province, kabupaten or kecamatan digits are not in the list. */
  'region:checkNik': channel<NikRegionCheck>()(regionCheckNikSchema, viewer),
  /** Up to 30 codes: code prefix first, then title and keyword hits. */
  'kbli:search': channel<KbliEntry[]>()(kbliSearchSchema, viewer),
  'kbli:get': channel<KbliDetail>()(kbliGetSchema, viewer),
  /** The office adds a code missing from the list (audited). */
  'kbli:add': channel<KbliEntry>()(kbliAddSchema, operator),
  /** Where the reference lists came from, for the About page. */
  'ref:datasets': channel<RefDataset[]>()(noInput, viewer),
} as const;
