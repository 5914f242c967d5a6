import type { PartialHandlers } from '../ipc/dispatcher';
import type { exportChannels } from '../../shared/ipc/channels/export';
import { cancelExport, saveExportAs, startExport } from '../services/export/job';

export const exportHandlers: PartialHandlers<keyof typeof exportChannels> = {
  'export:start': async (input, ctx) => {
    const { jobId, fileRel, fileName } = await startExport(ctx, input);
    return { jobId, fileRel, fileName };
  },
  'export:cancel': ({ jobId }, ctx) => cancelExport(ctx, jobId),
  'export:saveAs': ({ fileRel }, ctx) => saveExportAs(ctx, fileRel),
};
