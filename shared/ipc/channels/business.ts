import { channel, noInput, operator, viewer } from '../define';
import {
  businessArchiveSchema,
  businessCheckDuplicatesSchema,
  businessCreateSchema,
  businessGetSchema,
  businessHistorySchema,
  businessMergeSchema,
  businessRestoreSchema,
  businessSameAsSchema,
  businessUpdateSchema,
  ownerSearchSchema,
  type BusinessDetail,
  type DuplicateCandidate,
  type HistoryEvent,
  type OwnerSearchHit,
} from '../../schemas/business';
import { businessListSchema, type BusinessListPage } from '../../schemas/business-search';

export const businessChannels = {
  'business:create': channel<BusinessDetail>()(businessCreateSchema, operator),
  /** the registry list and its one search box: filters, sort, windows of rows (business-search.ts) */
  'business:list': channel<BusinessListPage>()(businessListSchema, viewer),
  'business:get': channel<BusinessDetail>()(businessGetSchema, viewer),
  /** how many records are on the register (not archived): the home page's figure */
  'business:count': channel<{ total: number }>()(noInput, viewer),
  /** full edit with the version read and a reason; CONFLICT when changed meanwhile */
  'business:update': channel<BusinessDetail>()(businessUpdateSchema, operator),
  'business:archive': channel<BusinessDetail>()(businessArchiveSchema, operator),
  'business:restore': channel<BusinessDetail>()(businessRestoreSchema, operator),
  /** the timeline, newest first */
  'business:history': channel<HistoryEvent[]>()(businessHistorySchema, viewer),
  /** possible duplicates of a draft (same NIK, same phone, similar name in the same desa) */
  'business:checkDuplicates': channel<DuplicateCandidate[]>()(businessCheckDuplicatesSchema, operator),
  /** "Ini usaha yang sama": records the decision; nothing new is saved */
  'business:sameAs': channel<{ businessId: number }>()(businessSameAsSchema, operator),
  'business:merge': channel<BusinessDetail>()(businessMergeSchema, operator),
  /** existing people by NIK or name, to register another business for them */
  'owner:search': channel<OwnerSearchHit[]>()(ownerSearchSchema, operator),
} as const;
