import { channel, noInput, admin, operator, viewer } from '../define';
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
  'letter:issue': channel<LetterListItem>()(letterIssueSchema, operator),
  /** A copy of an issued letter: same number and content, marked SALINAN. */
  'letter:reprint': channel<LetterListItem>()(letterIdSchema, operator),
  'letter:void': channel<LetterListItem>()(letterVoidSchema, operator),
  'letter:list': channel<LetterPage>()(letterListSchema, viewer),
  'letter:get': channel<LetterListItem>()(letterIdSchema, viewer),
  /** Electron: the system print dialog; browser mode: answers printed=false and the page opens the PDF. */
  'letter:print': channel<PrintResult>()(letterIdSchema, operator),
  /**
   * The saved PDF bytes (base64), for the in-app preview where /files/ URLs are not served (Electron). The
   * letter shows the owner's full NIK: operators and admins only, as its /files/ download (issue 10).
   */
  'letter:read': channel<{ base64: string }>()(letterIdSchema, operator),
  'letter:settingsGet': channel<LetterSettingsView>()(noInput, viewer),
  'letter:settingsSave': channel<LetterSettingsView>()(letterSettingsSchema, admin),
  /** Renders the letter with the (unsaved) settings into letters/preview/…pdf without recording anything. */
  'letter:preview': channel<{ filePath: string; base64: string }>()(letterPreviewSchema, admin),
  'letter:emblemSet': channel<LetterSettingsView>()(emblemSetSchema, admin),
  'letter:emblemClear': channel<LetterSettingsView>()(noInput, admin),
  'letter:verify': channel<VerifyResult>()(letterVerifySchema, viewer),
  'letter:keyExport': channel<{ fileName: string; content: string }>()(noInput, admin),
  'letter:keyImport': channel<OfficeKey>()(keyImportSchema, admin),
  'letter:keyList': channel<OfficeKey[]>()(noInput, viewer),
  'letter:keyRemove': channel<{ ok: true }>()(z.object({ id: z.number().int().positive() }), admin),
  'letter:batchStart': channel<BatchStarted>()(batchStartSchema, operator),
  'letter:batchCancel': channel<{ ok: true }>()(batchCancelSchema, operator),
} as const;
