import { dbOf } from '../app/context';
import type { PartialHandlers } from '../ipc/dispatcher';
import { createBusiness, getBusiness, listBusinesses } from '../services/business';

export const businessHandlers: PartialHandlers<'business:create' | 'business:list' | 'business:get'> = {
  'business:create': (input, ctx) => createBusiness(ctx, input),
  'business:list': (input, ctx) => listBusinesses(dbOf(ctx), input),
  'business:get': ({ id }, ctx) => getBusiness(dbOf(ctx), id),
};
