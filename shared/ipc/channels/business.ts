import { channel } from '../define';
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
  'business:create': channel<BusinessDetail>()(businessCreateSchema),
  /** the registry list and its one search box: filters, sort, windows of rows (business-search.ts) */
  'business:list': channel<BusinessListPage>()(businessListSchema),
  'business:get': channel<BusinessDetail>()(businessGetSchema),
  /** full edit with the version read and a reason; CONFLICT when changed meanwhile */
  'business:update': channel<BusinessDetail>()(businessUpdateSchema),
  'business:archive': channel<BusinessDetail>()(businessArchiveSchema),
  'business:restore': channel<BusinessDetail>()(businessRestoreSchema),
  /** the timeline, newest first */
  'business:history': channel<HistoryEvent[]>()(businessHistorySchema),
  /** possible duplicates of a draft (same NIK, same phone, similar name in the same desa) */
  'business:checkDuplicates': channel<DuplicateCandidate[]>()(businessCheckDuplicatesSchema),
  /** "Ini usaha yang sama": records the decision; nothing new is saved */
  'business:sameAs': channel<{ businessId: number }>()(businessSameAsSchema),
  'business:merge': channel<BusinessDetail>()(businessMergeSchema),
  /** existing people by NIK or name, to register another business for them */
  'owner:search': channel<OwnerSearchHit[]>()(ownerSearchSchema),
} as const;
