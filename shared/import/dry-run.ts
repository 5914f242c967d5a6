import { cellText, isPlaceholder, type RawRow } from './cells';
import { cleanRow, type CleanContext, type CleanRow, type ColumnPlan } from './clean';
import { FileDuplicates, type DuplicateKeys, type RegisterIndex, type RegisterMatch } from './duplicates';
import { nikColumnDamaged } from './identifiers';

/**
 * The dry run: every row cleaned, the NIK column judged as a whole, duplicates found within the file and
 * against the register, and the summary the clerk reviews before anything is written.
 */
export interface DryRunSummary {
  /** data rows read (blank rows not counted) */
  rows: number;
  blankRows: number;
  /** rows that can be imported as they are */
  ready: number;
  /** rows that need a person: a decision (blocked) or a follow-up (a value dropped and kept in the notes) */
  needsReview: number;
  /** rows that wait for a decision before they can be imported */
  blocked: number;
  /** rows that repeat an earlier row of the file (a group of 3 counts 2) */
  duplicatesInFile: number;
  duplicateGroupsInFile: number;
  /** rows that may repeat a business already in the register */
  duplicatesInRegister: number;
  /** rows whose NIK a spreadsheet damaged (incomplete, never guessed) */
  nikDamaged: number;
  /** rows whose desa matches no village of the kabupaten */
  villageUnknown: number;
  /** rows whose desa is a guess to confirm, or a name several kecamatan share */
  villageDoubtful: number;
  /** rows whose desa was a small misspelling, corrected (shown) */
  villageCorrected: number;
  /** permits named in the free-text column */
  permitCandidates: number;
}

export interface DuplicateGroup {
  /** 1-based group number shown to the clerk */
  id: number;
  /** indexes into `rows` */
  rows: number[];
  reasons: string[];
}

export interface DryRun {
  rows: CleanRow[];
  /** within-file groups */
  groups: DuplicateGroup[];
  /** register matches per row index */
  registerMatches: Map<number, RegisterMatch[]>;
  summary: DryRunSummary;
}

export interface DryRunProgress {
  rows: number;
}

/** A row with nothing in any mapped column. */
export function isBlankRow(raw: RawRow, plan: readonly ColumnPlan[]): boolean {
  return plan.every((p) => isPlaceholder(cellText(raw.cells[p.index] ?? null)));
}

export function duplicateKeys(r: CleanRow): DuplicateKeys {
  const v = r.values;
  const str = (x: unknown) => (typeof x === 'string' && x ? x : null);
  const villageCode = str(v.villageCode);
  const villageName = str(v.villageName);
  return {
    nik: str(v.ownerNik),
    phone: str(v.ownerPhone),
    name: str(v.name),
    // as the registration form compares a desa without a code: its name, case aside
    village: villageCode ?? (villageName ? `name:${villageName.trim().toLowerCase()}` : null),
  };
}

export async function runDryRun(
  source: AsyncIterable<RawRow>,
  plan: readonly ColumnPlan[],
  ctx: CleanContext,
  register: RegisterIndex | null,
  onProgress?: (p: DryRunProgress) => void,
): Promise<DryRun> {
  const rows: CleanRow[] = [];
  let blankRows = 0;
  for await (const raw of source) {
    if (isBlankRow(raw, plan)) {
      blankRows++;
      continue;
    }
    rows.push(cleanRow(raw, plan, ctx));
    if (onProgress && rows.length % 1000 === 0) onProgress({ rows: rows.length });
  }
  return finishDryRun(rows, blankRows, register);
}

/** The whole-file steps, once every row is cleaned. */
export function finishDryRun(rows: CleanRow[], blankRows: number, register: RegisterIndex | null): DryRun {
  // 1. The NIK column as a whole: when it visibly went through a number type, NIKs ending in 0 may have
  //    lost their last digit too.
  let damaged = 0;
  let valid = 0;
  let trailingZero = 0;
  for (const r of rows) {
    if (r.nikDamaged) damaged++;
    else if (typeof r.values.ownerNik === 'string') {
      valid++;
      if (r.nikTrailingZero) trailingZero++;
    }
  }
  if (nikColumnDamaged({ damaged, valid, trailingZero }))
    for (const r of rows) {
      if (!r.nikTrailingZero || typeof r.values.ownerNik !== 'string') continue;
      const nik = r.values.ownerNik;
      delete r.values.ownerNik;
      r.nikDamaged = true;
      r.issues.push({
        field: 'ownerNik',
        code: 'nikDamaged',
        level: 'review',
        original: nik,
        params: { reason: 'trailingZero' },
      });
      r.kept.push({ field: 'ownerNik', text: nik });
    }

  // 2. Duplicates within the file and against the register, on complete values only.
  const keys = rows.map(duplicateKeys);
  const file = new FileDuplicates();
  for (const k of keys) file.add(k);
  const registerMatches = register?.matchAll(keys) ?? new Map<number, RegisterMatch[]>();
  for (const [i, found] of registerMatches)
    rows[i]!.issues.push({
      field: '',
      code: 'duplicateInRegister',
      level: 'block',
      params: { count: found.length, reasons: [...new Set(found.flatMap((m) => m.reasons))].join(',') },
    });
  const groups: DuplicateGroup[] = file
    .groups()
    .map((g, i) => ({ id: i + 1, rows: g.rows, reasons: g.reasons }));
  for (const g of groups)
    for (const i of g.rows)
      rows[i]!.issues.push({
        field: '',
        code: 'duplicateInFile',
        level: 'block',
        params: {
          group: g.id,
          lines: g.rows.map((j) => rows[j]!.line).join(', '),
          reasons: g.reasons.join(','),
        },
      });

  return { rows, groups, registerMatches, summary: summarize(rows, blankRows, groups, registerMatches) };
}

export function summarize(
  rows: CleanRow[],
  blankRows: number,
  groups: DuplicateGroup[],
  registerMatches: Map<number, RegisterMatch[]>,
): DryRunSummary {
  const s: DryRunSummary = {
    rows: rows.length,
    blankRows,
    ready: 0,
    needsReview: 0,
    blocked: 0,
    duplicatesInFile: groups.reduce((n, g) => n + g.rows.length - 1, 0),
    duplicateGroupsInFile: groups.length,
    duplicatesInRegister: registerMatches.size,
    nikDamaged: 0,
    villageUnknown: 0,
    villageDoubtful: 0,
    villageCorrected: 0,
    permitCandidates: 0,
  };
  for (const r of rows) {
    const blocked = r.issues.some((i) => i.level === 'block');
    const review = blocked || r.issues.some((i) => i.level === 'review');
    if (blocked) s.blocked++;
    if (review) s.needsReview++;
    else s.ready++;
    if (r.nikDamaged) s.nikDamaged++;
    const st = r.village?.status;
    if (st === 'unknown' && r.villageText) s.villageUnknown++;
    if (st === 'doubtful' || st === 'ambiguous') s.villageDoubtful++;
    if (st === 'corrected') s.villageCorrected++;
    s.permitCandidates += r.permits.length;
  }
  return s;
}
