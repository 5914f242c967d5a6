import { dbOf, rawOf } from '../app/context';
import { type PartialHandlers, serviceHandler } from '../ipc/dispatcher';
import { addKbli, getKbli, listDatasets, searchKbli } from '../services/kbli';
import { checkNikRegion, getRegion, regionChildren, searchRegions } from '../services/regions';

export const refdataHandlers: PartialHandlers<
  | 'region:children'
  | 'region:search'
  | 'region:get'
  | 'region:checkNik'
  | 'kbli:search'
  | 'kbli:get'
  | 'kbli:add'
  | 'ref:datasets'
> = {
  'region:children': ({ parentCode }, ctx) => regionChildren(dbOf(ctx), parentCode),
  'region:search': (input, ctx) => searchRegions(dbOf(ctx), input),
  'region:get': ({ code }, ctx) => getRegion(dbOf(ctx), code),
  'region:checkNik': ({ nik }, ctx) => checkNikRegion(dbOf(ctx), nik),
  'kbli:search': (input, ctx) => searchKbli(rawOf(ctx), input),
  'kbli:get': ({ version, code }, ctx) => getKbli(dbOf(ctx), version, code),
  'kbli:add': serviceHandler(addKbli),
  'ref:datasets': (_input, ctx) => listDatasets(dbOf(ctx)),
};
