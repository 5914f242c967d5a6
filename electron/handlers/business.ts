import { dbOf, rawOf } from '../app/context';
import { type PartialHandlers, serviceHandler } from '../ipc/dispatcher';
import { createBusiness, getBusiness } from '../services/business';
import { listBusinesses } from '../services/business-search';

export const businessHandlers: PartialHandlers<
  'business:create' | 'business:list' | 'business:get' | 'business:count'
> = {
  'business:create': serviceHandler(createBusiness),
  'business:list': (input, ctx) => listBusinesses(rawOf(ctx), input),
  'business:get': ({ id }, ctx) => getBusiness(dbOf(ctx), id),
  'business:count': async (_input, ctx) => {
    const r = await dbOf(ctx)
      .selectFrom('businesses')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .where('archived_at', 'is', null)
      .executeTakeFirstOrThrow();
    return { total: Number(r.total) };
  },
};
