import { type PartialHandlers, serviceHandler } from '../ipc/dispatcher';
import type { importChannels } from '../../shared/ipc/channels/import';
import { actorOf, rawOf } from '../app/context';
import { cancelImportJob, startCommit, startDryRun } from '../services/import/job';
import { deleteMapping, listMappings, saveMapping, savedMapping } from '../services/import/mappings';
import {
  chooseDuplicate,
  chooseVillage,
  discardUpload,
  duplicateGroups,
  importHistory,
  importReview,
  inspectUpload,
  registerRows,
  undo,
  villageGroups,
} from '../services/import/screen';
import { receiveChunk } from '../services/import/upload';

export const importHandlers: PartialHandlers<keyof typeof importChannels> = {
  'import:upload': serviceHandler(receiveChunk),
  'import:inspect': (input, ctx) =>
    inspectUpload(ctx, input, input.mappingId ? savedMapping(rawOf(ctx), input.mappingId) : null),
  'import:discard': ({ uploadId }, ctx) => discardUpload(ctx, uploadId),
  'import:mappings': (_input, ctx) => listMappings(rawOf(ctx)),
  'import:mappingSave': (input, ctx) =>
    saveMapping(rawOf(ctx), input, { actor: actorOf(ctx), now: ctx.now().toISOString(), uuid: ctx.uuid() }),
  'import:mappingDelete': ({ id }, ctx) =>
    deleteMapping(rawOf(ctx), id, { actor: actorOf(ctx), now: ctx.now().toISOString() }),
  'import:dryRun': async (input, ctx) => ({ jobId: (await startDryRun(ctx, input)).jobId }),
  'import:cancel': ({ jobId }, ctx) => cancelImportJob(ctx, jobId),
  'import:review': ({ uploadId }, ctx) => importReview(ctx, uploadId),
  'import:villageGroups': ({ uploadId }, ctx) => villageGroups(ctx, uploadId),
  'import:chooseVillage': serviceHandler(chooseVillage),
  'import:duplicateGroups': serviceHandler(duplicateGroups),
  'import:registerRows': serviceHandler(registerRows),
  'import:chooseDuplicate': serviceHandler(chooseDuplicate),
  'import:commit': async ({ uploadId }, ctx) => ({ jobId: (await startCommit(ctx, uploadId)).jobId }),
  'import:history': serviceHandler(importHistory),
  'import:undo': ({ importId }, ctx) => undo(ctx, importId),
};
