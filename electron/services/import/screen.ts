/**
 * The import screen's short steps on main, each a plain call: the file inspected (kind, sheets, header,
 * proposed mapping, a preview), the dry run's summary and the decisions it asks for (desa, duplicates in the
 * file, possible repeats of the register), read from and written to the upload's staging; the history of
 * committed imports and their undo. The long steps (dry run, commit) are jobs: job.ts.
 */
import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { cellText, isPlaceholder } from '../../../shared/import/cells';
import { applyMapping, type SavedMapping } from '../../../shared/import/mapping';
import { jsonOr } from '../../../shared/json';
import type {
  DuplicateGroupItem,
  ImportHistoryItem,
  ImportReview,
  InspectAnswer,
  Paged,
  RegisterRowItem,
  RowBrief,
  UndoAnswer,
  VillageGroupItem,
  VillageGroupsAnswer,
} from '../../../shared/schemas/import';
import { importOutcomeSchema } from '../../../shared/schemas/import';
import { actorOf, dbOf, rawOf, type AppContext } from '../../app/context';
import { maySeePersonalData } from '../export/access';
import { requireOffice } from '../office';
import { openStaging } from './job';
import { maskValue } from './review-sheet';
import { openSource } from './source';
import type { DuplicateChoice, Staging } from './staging';
import { undoImport } from './undo';
import { completeUpload, removeUpload, updateMeta } from './upload';
import { kabupatenVillages } from './villages-db';

const PREVIEW_ROWS = 5;
/** rows searched for a column's sample values (a sparse column is often empty in the first five) */
const SAMPLE_ROWS = 30;
const SAMPLES = 3;
const CELL_MAX = 80;

const short = (s: string) => (s.length > CELL_MAX ? `${s.slice(0, CELL_MAX - 1)}…` : s);

export async function inspectUpload(
  ctx: AppContext,
  input: { uploadId: string; sheet?: string | null | undefined },
  saved: SavedMapping | null,
): Promise<InspectAnswer> {
  const { file, meta } = completeUpload(ctx.dataDir, input.uploadId);
  const src = await openSource(file, { sheet: input.sheet ?? null });
  const rows: { line: number; cells: string[] }[] = [];
  const width = src.info.headers.length;
  for await (const r of src.rows()) {
    if (r.cells.every((c) => !cellText(c ?? null).trim())) continue;
    rows.push({
      line: r.line,
      cells: Array.from({ length: width }, (_, i) => short(cellText(r.cells[i] ?? null))),
    });
    if (rows.length >= SAMPLE_ROWS) break;
  }
  const preview = rows.slice(0, PREVIEW_ROWS);
  updateMeta(ctx.dataDir, input.uploadId, { sheet: src.info.sheet });
  return {
    uploadId: input.uploadId,
    fileName: meta.fileName,
    bytes: meta.bytes,
    kind: src.info.kind,
    csv: src.info.csv,
    sheets: src.info.sheets,
    sheet: src.info.sheet,
    headerLine: src.info.headerLine,
    columns: applyMapping(src.info.headers, saved).map((c) => ({
      index: c.index,
      header: c.header,
      target: c.target,
      source: c.source,
      samples: rows
        .map((p) => p.cells[c.index]?.trim() ?? '')
        .filter((v) => v && !isPlaceholder(v))
        .slice(0, SAMPLES),
    })),
    preview,
  };
}

/** Runs `fn` on the upload's staging and closes it. */
function withStaging<T>(ctx: AppContext, uploadId: string, fn: (s: Staging) => T): T {
  const s = openStaging(ctx, uploadId);
  try {
    return fn(s);
  } finally {
    s.close();
  }
}

const countOf = (s: Staging, sql: string) => (s.db.prepare(sql).pluck().get() as number) ?? 0;

export function importReview(ctx: AppContext, uploadId: string): ImportReview {
  const { meta } = completeUpload(ctx.dataDir, uploadId);
  return withStaging(ctx, uploadId, (s) => {
    const summary = s.summary();
    if (!summary || typeof summary.rows !== 'number')
      throw new AppError('CONFLICT', 'import.errors.noDryRun');
    const villages = s.villageGroups();
    return {
      uploadId,
      fileName: meta.fileName,
      sheet: meta.sheet,
      summary,
      reviewFile: meta.reviewFile,
      villageGroups: { total: villages.length, decided: villages.filter((g) => g.choice).length },
      duplicateGroups: {
        total: countOf(s, `SELECT count(DISTINCT dup_group) FROM rows WHERE dup_group IS NOT NULL`),
        decided: countOf(s, `SELECT count(*) FROM group_choices`),
      },
      registerRows: {
        total: countOf(s, `SELECT count(*) FROM rows WHERE register_json IS NOT NULL`),
        decided: countOf(s, `SELECT count(*) FROM register_choices`),
      },
    };
  });
}

export async function villageGroups(ctx: AppContext, uploadId: string): Promise<VillageGroupsAnswer> {
  const office = await requireOffice(dbOf(ctx));
  const villages = kabupatenVillages(rawOf(ctx), office.regencyCode).map((v) => ({
    code: v.code,
    name: v.name,
    districtName: v.districtName,
  }));
  const groups = withStaging(ctx, uploadId, (s) =>
    s.villageGroups().map((g): VillageGroupItem => ({
      villageText: g.villageText,
      written: g.written,
      status: g.status as VillageGroupItem['status'],
      rows: g.rows,
      // the engine's own guess only (a doubtful name); a name it does not know gets no pre-selection
      proposal: g.match?.village?.code ?? null,
      candidates: (g.match?.candidates ?? []).map((c) => ({
        code: c.village.code,
        name: c.village.name,
        districtName: c.village.districtName,
        score: Math.round(c.score * 100),
      })),
      choice: g.choice,
    })),
  );
  return { groups, villages };
}

export async function chooseVillage(
  ctx: AppContext,
  input: { uploadId: string; villageText: string; code: string | null },
): Promise<{ ok: true }> {
  const office = await requireOffice(dbOf(ctx));
  let name: string | null = null;
  if (input.code) {
    const v = kabupatenVillages(rawOf(ctx), office.regencyCode).find((x) => x.code === input.code);
    if (!v) throw new AppError('VALIDATION', 'import.errors.villageNotInRegency');
    name = v.name;
  }
  withStaging(ctx, input.uploadId, (s) => {
    const group = s.villageGroups().find((g) => g.villageText === input.villageText);
    if (!group) throw new AppError('NOT_FOUND', 'import.errors.notFound');
    s.setVillageChoice(input.villageText, { code: input.code, name: name ?? group.written });
  });
  return { ok: true };
}

function brief(values: Record<string, unknown>, line: number, full: boolean): RowBrief {
  const str = (k: string) =>
    typeof values[k] === 'string' || typeof values[k] === 'number' ? String(values[k]) : '';
  const personal = (v: string) => (full || !v ? v : maskValue(v));
  return {
    line,
    name: str('name'),
    ownerName: str('ownerName'),
    nik: personal(str('ownerNik')),
    phone: personal(str('ownerPhone')),
    village: str('villageName'),
    address: str('street'),
  };
}

export function duplicateGroups(
  ctx: AppContext,
  input: { uploadId: string; offset: number; limit: number },
): Paged<DuplicateGroupItem> {
  const full = maySeePersonalData(ctx.session);
  return withStaging(ctx, input.uploadId, (s) => ({
    total: countOf(s, `SELECT count(DISTINCT dup_group) FROM rows WHERE dup_group IS NOT NULL`),
    items: s.duplicateGroups(input.offset, input.limit).map((g) => ({
      id: g.id,
      choice: g.choice,
      rows: g.rows.map((r) => brief(r.values, r.line, full)),
    })),
  }));
}

interface BusinessBriefRow {
  id: number;
  registration_number: string;
  name: string;
  owner_name: string;
  nik: string | null;
  phone: string | null;
  village_name: string;
  street: string | null;
}

export function registerRows(
  ctx: AppContext,
  input: { uploadId: string; offset: number; limit: number },
): Paged<RegisterRowItem> {
  const full = maySeePersonalData(ctx.session);
  const business = rawOf(ctx).prepare(
    `SELECT b.id, b.registration_number, b.name, o.name AS owner_name, o.nik, o.phone, b.village_name,
            b.address_street AS street
       FROM businesses b JOIN owners o ON o.id = b.owner_id WHERE b.id = ?`,
  ) as Statement<[number], BusinessBriefRow>;
  return withStaging(ctx, input.uploadId, (s) => ({
    total: countOf(s, `SELECT count(*) FROM rows WHERE register_json IS NOT NULL`),
    items: s.registerRows(input.offset, input.limit).map(({ row, choice }) => ({
      idx: row.idx,
      choice,
      row: brief(row.values, row.line, full),
      matches: row.register.flatMap((m) => {
        const b = business.get(m.businessId);
        if (!b) return [];
        return [
          {
            ...brief(
              {
                name: b.name,
                ownerName: b.owner_name,
                ownerNik: b.nik,
                ownerPhone: b.phone,
                villageName: b.village_name,
                street: b.street,
              },
              0,
              full,
            ),
            businessId: b.id,
            registrationNumber: b.registration_number,
            reasons: m.reasons,
          },
        ];
      }),
    })),
  }));
}

export function chooseDuplicate(
  ctx: AppContext,
  input: { uploadId: string; kind: 'group' | 'register'; id: number; choice: DuplicateChoice | null },
): { ok: true } {
  withStaging(ctx, input.uploadId, (s) => {
    if (input.kind === 'group') {
      const n = countOf(s, `SELECT count(*) FROM rows WHERE dup_group = ${Number(input.id)}`);
      if (!n) throw new AppError('NOT_FOUND', 'import.errors.notFound');
      s.setGroupChoice(input.id, input.choice);
    } else {
      const row = s.row(input.id);
      if (!row || !row.register.length) throw new AppError('NOT_FOUND', 'import.errors.notFound');
      s.setRegisterChoice(input.id, input.choice);
    }
  });
  return { ok: true };
}

export function discardUpload(ctx: AppContext, uploadId: string): { ok: true } {
  removeUpload(ctx.dataDir, uploadId);
  return { ok: true };
}

/** the import's stored summary: the dry run's counts and, once it committed, what the commit did */
const storedSummary = z.object({ commit: importOutcomeSchema.nullish().catch(null) });

interface ImportRow {
  id: number;
  file_name: string;
  sheet: string | null;
  status: ImportHistoryItem['status'];
  rows_read: number;
  rows_imported: number;
  summary_json: string;
  user_name: string | null;
  started_at: string;
  finished_at: string | null;
  undone_at: string | null;
  undone_by: string | null;
}

export function importHistory(
  ctx: AppContext,
  input: { offset: number; limit: number },
): Paged<ImportHistoryItem> {
  const raw = rawOf(ctx);
  const total = raw.prepare(`SELECT count(*) FROM imports`).pluck().get() as number;
  const rows = raw
    .prepare(
      `SELECT id, file_name, sheet, status, rows_read, rows_imported, summary_json, user_name, started_at, finished_at,
              undone_at, undone_by
         FROM imports ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?`,
    )
    .all(input.limit, input.offset) as ImportRow[];
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      fileName: r.file_name,
      sheet: r.sheet,
      status: r.status,
      rowsRead: r.rows_read,
      rowsImported: r.rows_imported,
      outcome: jsonOr(storedSummary, r.summary_json, { commit: null }).commit ?? null,
      userName: r.user_name,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      undoneAt: r.undone_at,
      undoneBy: r.undone_by,
    })),
  };
}

export function undo(ctx: AppContext, importId: number): UndoAnswer {
  return undoImport(rawOf(ctx), importId, actorOf(ctx), ctx.now().toISOString());
}
