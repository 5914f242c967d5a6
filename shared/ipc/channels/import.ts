import { channel, noInput, operator } from '../define';
import {
  duplicateChoiceSchema,
  importDryRunSchema,
  importHistorySchema,
  importInspectSchema,
  importJobSchema,
  importPageSchema,
  importUndoSchema,
  importUploadRef,
  importUploadSchema,
  mappingDeleteSchema,
  mappingSaveSchema,
  villageChoiceSchema,
  type DuplicateGroupItem,
  type ImportHistoryItem,
  type ImportJobStarted,
  type ImportReview,
  type InspectAnswer,
  type Paged,
  type RegisterRowItem,
  type SavedMappingItem,
  type UndoAnswer,
  type UploadAnswer,
  type VillageGroupsAnswer,
} from '../../schemas/import';

type Ok = { ok: true };

/** The import screen (issue 12 "Data in"): every channel is the operator's; viewers cannot import. */
export const importChannels = {
  /** one chunk of the file (≤ 2 MiB, base64) into <data>/imports/<uuid>.upload; the first names the upload */
  'import:upload': channel<UploadAnswer>()(importUploadSchema, operator),
  /** kind, CSV format, sheets, header, proposed (or saved) mapping and the first rows of a complete upload */
  'import:inspect': channel<InspectAnswer>()(importInspectSchema, operator),
  /** the upload, its staging and its record removed (the clerk starts over or leaves) */
  'import:discard': channel<Ok>()(importUploadRef, operator),
  'import:mappings': channel<SavedMappingItem[]>()(noInput, operator),
  'import:mappingSave': channel<SavedMappingItem>()(mappingSaveSchema, operator),
  'import:mappingDelete': channel<Ok>()(mappingDeleteSchema, operator),
  /** the dry run as a job: `import:progress` (rows read), `import:end` with the summary */
  'import:dryRun': channel<ImportJobStarted>()(importDryRunSchema, operator),
  'import:cancel': channel<Ok>()(importJobSchema, operator),
  /** the dry run's summary, review sheet and how many decisions are made */
  'import:review': channel<ImportReview>()(importUploadRef, operator),
  'import:villageGroups': channel<VillageGroupsAnswer>()(importUploadRef, operator),
  'import:chooseVillage': channel<Ok>()(villageChoiceSchema, operator),
  'import:duplicateGroups': channel<Paged<DuplicateGroupItem>>()(importPageSchema, operator),
  'import:registerRows': channel<Paged<RegisterRowItem>>()(importPageSchema, operator),
  'import:chooseDuplicate': channel<Ok>()(duplicateChoiceSchema, operator),
  /** the commit as a job: `import:progress` (rows), `import:end` with the counts */
  'import:commit': channel<ImportJobStarted>()(importUploadRef, operator),
  'import:history': channel<Paged<ImportHistoryItem>>()(importHistorySchema, operator),
  /** the whole import archived (CONFLICT once one of its records was edited) */
  'import:undo': channel<UndoAnswer>()(importUndoSchema, operator),
} as const;
