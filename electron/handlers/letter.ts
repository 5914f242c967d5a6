import { dbOf } from '../app/context';
import { type PartialHandlers, serviceHandler } from '../ipc/dispatcher';
import type { letterChannels } from '../../shared/ipc/channels/letter';
import { cancelBatch, startBatch } from '../services/letters/batch';
import { issueLetter, reprintLetter } from '../services/letters/issue';
import { exportPublicKey, importPublicKey, listKeys, removeKey } from '../services/letters/keys';
import { previewLetter } from '../services/letters/preview';
import {
  getLetter,
  listLetters,
  printLetter,
  readLetterFile,
  voidLetter,
} from '../services/letters/register';
import { removeEmblem, saveSettings, setEmblem, settingsView } from '../services/letters/settings';
import { verifyLetter } from '../services/letters/verification';

export const letterHandlers: PartialHandlers<keyof typeof letterChannels> = {
  'letter:issue': serviceHandler(issueLetter),
  'letter:reprint': ({ id }, ctx) => reprintLetter(ctx, id),
  'letter:void': ({ id, reason }, ctx) => voidLetter(ctx, id, reason),
  'letter:list': (input, ctx) => listLetters(dbOf(ctx), input),
  'letter:get': ({ id }, ctx) => getLetter(dbOf(ctx), id),
  'letter:print': ({ id }, ctx) => printLetter(ctx, id),
  'letter:read': ({ id }, ctx) => readLetterFile(ctx, id),
  'letter:settingsGet': (_input, ctx) => settingsView(ctx),
  'letter:settingsSave': serviceHandler(saveSettings),
  'letter:preview': serviceHandler(previewLetter),
  'letter:emblemSet': ({ dataBase64 }, ctx) => setEmblem(ctx, dataBase64),
  'letter:emblemClear': (_input, ctx) => removeEmblem(ctx),
  'letter:verify': serviceHandler(verifyLetter),
  'letter:keyExport': (_input, ctx) => exportPublicKey(ctx),
  'letter:keyImport': ({ content }, ctx) => importPublicKey(ctx, content),
  'letter:keyList': (_input, ctx) => listKeys(dbOf(ctx)),
  'letter:keyRemove': ({ id }, ctx) => removeKey(ctx, id),
  'letter:batchStart': serviceHandler(startBatch),
  'letter:batchCancel': ({ jobId }, ctx) => cancelBatch(ctx, jobId),
};
