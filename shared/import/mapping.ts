import { z } from 'zod';
import { DEFAULT_IMPORT_OPTIONS, type ImportOptions } from './clean';
import { headerKey, proposeMapping, type ColumnProposal } from './headers';
import { TARGETS_BY_KEY, type ColumnTarget } from './targets';

/**
 * A saved mapping: which header goes to which field, by the header's folded form ("Nm. Pemilik" and
 * "NM PEMILIK" are one header), and the options. Applied to a new file, a header it knows takes its saved
 * target; the others keep the proposal. The same shape is the command line's `--mapping FILE` (headers as
 * written or folded, both work) and what the screen saves.
 */
export const importOptionsSchema = z
  .object({
    workersTotalAs: z.enum(['note', 'male', 'female']).default(DEFAULT_IMPORT_OPTIONS.workersTotalAs),
    kbliVersion: z.enum(['2020', '2025']).default(DEFAULT_IMPORT_OPTIONS.kbliVersion),
  })
  .default(DEFAULT_IMPORT_OPTIONS);

const zTarget = z
  .string()
  .max(60)
  .refine((t) => TARGETS_BY_KEY.has(t), { error: 'import.errors.unknownTarget' })
  .nullable();

export const savedMappingSchema = z.object({
  /** header (as written or folded) → target key, or null: not imported */
  columns: z.record(z.string().max(200), zTarget).refine((c) => Object.keys(c).length <= 300),
  options: importOptionsSchema,
});
export type SavedMapping = z.output<typeof savedMappingSchema>;

export interface AppliedColumn extends ColumnProposal {
  /** where the target came from: the saved mapping, or the proposal */
  source: 'saved' | 'proposed' | 'none';
}

/** Columns for a file's headers: the saved target where the mapping knows the header, else the proposal. */
export function applyMapping(headers: readonly string[], saved: SavedMapping | null): AppliedColumn[] {
  const known = new Map<string, string | null>();
  for (const [h, t] of Object.entries(saved?.columns ?? {})) known.set(headerKey(h), t);
  const proposals = proposeMapping(headers);
  // a target the mapping gives to one header is not proposed for another
  const taken = new Set([...known.values()].filter((t): t is string => !!t));
  return proposals.map((p) => {
    const k = headerKey(p.header);
    if (known.has(k)) return { ...p, target: known.get(k) ?? null, score: 1, source: 'saved' };
    if (p.target && taken.has(p.target)) return { ...p, target: null, score: 0, source: 'none' };
    return { ...p, source: p.target ? 'proposed' : 'none' };
  });
}

/** The mapping to save from the columns the clerk settled on. */
export function mappingToSave(
  headers: readonly string[],
  columns: readonly ColumnTarget[],
  options: ImportOptions,
): SavedMapping {
  const out: Record<string, string | null> = {};
  for (const c of columns) {
    const h = headers[c.index];
    if (h !== undefined && headerKey(h)) out[headerKey(h)] = c.target;
  }
  return { columns: out, options };
}
