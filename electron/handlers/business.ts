import { dbOf, rawOf } from '../app/context';
import type { PartialHandlers } from '../ipc/dispatcher';
import { createBusiness, getBusiness } from '../services/business';
import { listBusinesses } from '../services/business-search';

export const businessHandlers: PartialHandlers<'business:create' | 'business:list' | 'business:get'> = {
  'business:create': (input, ctx) => createBusiness(ctx, input),
  'business:list': (input, ctx) => listBusinesses(rawOf(ctx), input),
  'business:get': ({ id }, ctx) => getBusiness(dbOf(ctx), id),
};
