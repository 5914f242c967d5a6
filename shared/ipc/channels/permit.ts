import { z } from 'zod';
import { admin, channel, noInput, operator, viewer } from '../define';
import {
  permitArchiveSchema,
  permitBusinessSchema,
  permitCreateInput,
  permitIdSchema,
  permitTypeCreateSchema,
  permitUpdateInput,
  permitWorklistSchema,
  scanBeginSchema,
  scanChunkSchema,
  scanCommitSchema,
  type PermitCounts,
  type PermitTypeView,
  type PermitView,
  type PermitWorklistPage,
} from '../../schemas/permit';

export const permitChannels = {
  'permit:types': channel<PermitTypeView[]>()(noInput, viewer),
  /** an office's own kind of permit (number checked as free text) */
  'permit:typeCreate': channel<PermitTypeView>()(permitTypeCreateSchema, admin),
  /** a business's permits with their state and warnings */
  'permit:list': channel<PermitView[]>()(permitBusinessSchema, viewer),
  'permit:create': channel<PermitView>()(permitCreateInput, operator),
  /** full edit with the version read and a reason; CONFLICT when changed meanwhile */
  'permit:update': channel<PermitView>()(permitUpdateInput, operator),
  'permit:archive': channel<PermitView>()(permitArchiveSchema, operator),
  /** browser mode: the scan goes up in base64 chunks, checked by content and size at the commit */
  'permit:scanBegin': channel<{ uploadId: string }>()(scanBeginSchema, operator),
  'permit:scanChunk': channel<{ received: number }>()(scanChunkSchema, operator),
  'permit:scanCommit': channel<PermitView>()(scanCommitSchema, operator),
  /** Electron: the system file dialog picks the scan; answers null when cancelled or not supported */
  'permit:scanPick': channel<{ supported: boolean; permit: PermitView | null }>()(
    z.object({ permitId: z.number().int().positive() }),
    operator,
  ),
  'permit:scanRead': channel<{ base64: string; mime: string; fileName: string }>()(permitIdSchema, viewer),
  /** the Izin page's lists: ending within 90 days, ended, no permit, food without P-IRT/BPOM */
  'permit:worklist': channel<PermitWorklistPage>()(permitWorklistSchema, viewer),
  'permit:counts': channel<PermitCounts>()(noInput, viewer),
} as const;
