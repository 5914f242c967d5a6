import { channel, viewer } from '../define';
import {
  exportFileSchema,
  exportJobSchema,
  exportStartSchema,
  type ExportStarted,
  type SaveAsResult,
} from '../../schemas/export';

export const exportChannels = {
  /** starts writing the register or the filtered list to exports/<name>; progress and end come as events */
  'export:start': channel<ExportStarted>()(exportStartSchema, viewer),
  'export:cancel': channel<{ ok: true }>()(exportJobSchema, viewer),
  /** Electron: the save dialog copies the finished file; browser mode: { supported: false }, the page downloads */
  'export:saveAs': channel<SaveAsResult>()(exportFileSchema, viewer),
} as const;
