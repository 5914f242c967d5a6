import { dbOf } from '../app/context';
import { type PartialHandlers, serviceHandler } from '../ipc/dispatcher';
import { archiveBusiness, restoreBusiness, searchOwners, updateBusiness } from '../services/business-record';
import { checkDuplicates, recordSameDecision } from '../services/business-duplicates';
import { businessHistory } from '../services/business-history';
import { mergeBusinesses } from '../services/business-merge';

/** The registry's record channels: edit, archive, history, duplicates and merge (issue 3 items 1, 5, 7). */
export const registryHandlers: PartialHandlers<
  | 'business:update'
  | 'business:archive'
  | 'business:restore'
  | 'business:history'
  | 'business:checkDuplicates'
  | 'business:sameAs'
  | 'business:merge'
  | 'owner:search'
> = {
  'business:update': serviceHandler(updateBusiness),
  'business:archive': ({ id, reason }, ctx) => archiveBusiness(ctx, id, reason),
  'business:restore': ({ id, reason }, ctx) => restoreBusiness(ctx, id, reason),
  'business:history': ({ id }, ctx) => businessHistory(dbOf(ctx), id),
  'business:checkDuplicates': (input, ctx) => checkDuplicates(dbOf(ctx), input),
  'business:sameAs': serviceHandler(recordSameDecision),
  'business:merge': ({ survivorId, duplicateId, reason }, ctx) =>
    mergeBusinesses(ctx, survivorId, duplicateId, reason),
  'owner:search': ({ query }, ctx) => searchOwners(dbOf(ctx), query),
};
