import { channel, noInput } from '../define';
import {
  batchCancelSchema,
  batchStartSchema,
  emblemSetSchema,
  keyImportSchema,
  letterIdSchema,
  letterIssueSchema,
  letterListSchema,
  letterPreviewSchema,
  letterSettingsSchema,
  letterVerifySchema,
  letterVoidSchema,
  type BatchStarted,
  type LetterListItem,
  type LetterPage,
  type LetterSettingsView,
  type OfficeKey,
  type PrintResult,
  type VerifyResult,
} from '../../schemas/letter';
import { z } from 'zod';

export const letterChannels = {
  /** Issues a letter: takes the next number, renders, saves the PDF and records it, in one transaction. */
  'letter:issue': channel<LetterListItem>()(letterIssueSchema),
  /** A copy of an issued letter: same number and content, marked SALINAN. */
  'letter:reprint': channel<LetterListItem>()(letterIdSchema),
  'letter:void': channel<LetterListItem>()(letterVoidSchema),
  'letter:list': channel<LetterPage>()(letterListSchema),
  'letter:get': channel<LetterListItem>()(letterIdSchema),
  /** Electron: the system print dialog; browser mode: answers printed=false and the page opens the PDF. */
  'letter:print': channel<PrintResult>()(letterIdSchema),
  /** The saved PDF bytes (base64), for the in-app preview where /files/ URLs are not served (Electron). */
  'letter:read': channel<{ base64: string }>()(letterIdSchema),
  'letter:settingsGet': channel<LetterSettingsView>()(noInput),
  'letter:settingsSave': channel<LetterSettingsView>()(letterSettingsSchema),
  /** Renders the letter with the (unsaved) settings into letters/preview/…pdf without recording anything. */
  'letter:preview': channel<{ filePath: string; base64: string }>()(letterPreviewSchema),
  'letter:emblemSet': channel<LetterSettingsView>()(emblemSetSchema),
  'letter:emblemClear': channel<LetterSettingsView>()(noInput),
  'letter:verify': channel<VerifyResult>()(letterVerifySchema),
  'letter:keyExport': channel<{ fileName: string; content: string }>()(noInput),
  'letter:keyImport': channel<OfficeKey>()(keyImportSchema),
  'letter:keyList': channel<OfficeKey[]>()(noInput),
  'letter:keyRemove': channel<{ ok: true }>()(z.object({ id: z.number().int().positive() })),
  'letter:batchStart': channel<BatchStarted>()(batchStartSchema),
  'letter:batchCancel': channel<{ ok: true }>()(batchCancelSchema),
} as const;
