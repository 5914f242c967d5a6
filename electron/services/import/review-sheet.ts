import ExcelJS from 'exceljs';
import { neutralize } from '../../../shared/export/cells';
import type { CleanRow, RowIssue } from '../../../shared/import/clean';
import type { DryRun, DryRunSummary } from '../../../shared/import/dry-run';
import { TARGETS_BY_KEY } from '../../../shared/import/targets';

/**
 * The review sheet of a dry run (XLSX, streamed by exceljs's WorkbookWriter): a summary, one line per thing
 * a person must do (row number, business, owner, desa, the column, the value in the file, the action and
 * the reason in the clerk's language), and the permits the free text named, kept as candidates. NIK and
 * phone values are masked (UU PDP 27/2022): the row number finds the row in the office's own file.
 */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Kinds whose values are personal data, masked in the sheet. */
const MASKED_KINDS = new Set(['nik', 'phone', 'npwp']);

export function maskValue(text: string): string {
  const t = text.trim();
  if (t.length <= 6) return '•'.repeat(t.length);
  return `${t.slice(0, 4)}${'•'.repeat(Math.max(3, t.length - 7))}${t.slice(-3)}`;
}

const SUMMARY_KEYS: (keyof DryRunSummary)[] = [
  'rows',
  'ready',
  'needsReview',
  'blocked',
  'duplicatesInFile',
  'duplicateGroupsInFile',
  'duplicatesInRegister',
  'nikDamaged',
  'villageUnknown',
  'villageDoubtful',
  'villageCorrected',
  'permitCandidates',
  'blankRows',
];

export function rowNeedsPerson(r: CleanRow): boolean {
  return r.issues.some((i) => i.level !== 'info');
}

function issueParams(t: Translate, i: RowIssue): Record<string, string | number> {
  const p: Record<string, string | number> = { ...(i.params ?? {}) };
  if (i.original !== undefined) p.original = i.original;
  if (typeof p.value === 'number') p.value = p.value.toLocaleString('id-ID');
  if (typeof p.rule === 'string') p.rule = t(p.rule);
  if (typeof p.reasons === 'string')
    p.reasons = p.reasons
      .split(',')
      .filter(Boolean)
      .map((r) => t(`import.reason.${r}`))
      .join(', ');
  return p;
}

export interface ReviewSheetMeta {
  fileName: string;
  made: Date;
}

export async function writeReviewSheet(
  out: string,
  dryRun: DryRun,
  t: Translate,
  meta: ReviewSheetMeta,
): Promise<{ lines: number; rows: number; permits: number }> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: out,
    useSharedStrings: false,
    useStyles: true,
  });
  wb.creator = 'Daftar IKM';
  const bold = { font: { bold: true } };

  const summary = wb.addWorksheet(t('import.reviewSheet.summarySheet'));
  summary.columns = [{ width: 40 }, { width: 14 }];
  summary.addRow([neutralize(t('import.reviewSheet.title', { file: meta.fileName }))]).commit();
  summary.addRow([t('import.reviewSheet.made', { date: meta.made.toLocaleString('id-ID') })]).commit();
  summary.addRow([]).commit();
  for (const k of SUMMARY_KEYS) summary.addRow([t(`import.summary.${k}`), dryRun.summary[k]]).commit();
  summary.commit();

  const sheet = wb.addWorksheet(t('import.reviewSheet.rowsSheet'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = [
    { header: t('import.reviewSheet.line'), width: 8 },
    { header: t('import.reviewSheet.name'), width: 32 },
    { header: t('import.reviewSheet.owner'), width: 24 },
    { header: t('import.reviewSheet.village'), width: 20 },
    { header: t('import.reviewSheet.field'), width: 20 },
    { header: t('import.reviewSheet.original'), width: 24 },
    { header: t('import.reviewSheet.level'), width: 22 },
    { header: t('import.reviewSheet.reason'), width: 70 },
  ];
  sheet.getRow(1).font = bold.font;
  let lines = 0;
  let rows = 0;
  for (const r of dryRun.rows) {
    if (!rowNeedsPerson(r)) continue;
    rows++;
    const v = r.values;
    for (const i of r.issues) {
      if (i.level === 'info') continue;
      const target = i.field ? TARGETS_BY_KEY.get(i.field) : undefined;
      const original = i.original ?? '';
      const row = sheet.addRow([
        r.line,
        neutralize(String(v.name ?? '')),
        neutralize(String(v.ownerName ?? '')),
        neutralize(String(v.villageName ?? '')),
        target ? t(target.label) : '',
        neutralize(target && MASKED_KINDS.has(target.kind) ? maskValue(original) : original),
        t(`import.level.${i.level}`),
        t(`import.issue.${i.code}`, issueParams(t, i)),
      ]);
      row.getCell(8).alignment = { wrapText: true, vertical: 'top' };
      row.commit();
      lines++;
    }
  }
  sheet.commit();

  const permits = wb.addWorksheet(t('import.reviewSheet.permitsSheet'));
  permits.columns = [
    { header: t('import.reviewSheet.line'), width: 8 },
    { header: t('import.reviewSheet.name'), width: 32 },
    { header: t('import.reviewSheet.permitType'), width: 24 },
    { header: t('import.reviewSheet.permitNumber'), width: 24 },
    { header: t('import.reviewSheet.permitText'), width: 40 },
  ];
  permits.getRow(1).font = bold.font;
  let permitCount = 0;
  for (const r of dryRun.rows)
    for (const p of r.permits) {
      permits
        .addRow([
          r.line,
          neutralize(String(r.values.name ?? '')),
          t(`import.permitType.${p.type}`),
          p.number ? neutralize(p.number) : '',
          neutralize(p.text),
        ])
        .commit();
      permitCount++;
    }
  permits.addRow([]).commit();
  permits.addRow([t('import.reviewSheet.permitNote')]).commit();
  permits.commit();
  await wb.commit();
  return { lines, rows, permits: permitCount };
}
