// Over 400 lines on purpose: the commit and the undo of an import are one transaction design (batches, reserved numbers, audit rows) and share their statements.
import type { Statement } from 'better-sqlite3';
import { businessCreateSchema, type BusinessCreateData } from '../../../shared/schemas/business';
import type { CommitCounts, ImportOutcome } from '../../../shared/schemas/import';
import { expandRecord, type KeptValue } from '../../../shared/import/clean';
import { bulkCheckpoints, type RawDb } from '../../../db/connection';
import { newRecordUuid } from '../../../db/record-uuid';
import type { Actor } from '../../../db/queries/audit';
import { reportCountsHold } from '../../../db/queries/report-counts';
import { businessValues, filledImage, formatRegistrationNumber, ownerValues } from '../business-record';
import { auditWriter } from './audit-writer';
import type { CommitRow, DuplicateChoice, Staging, VillageChoice } from './staging';

/**
 * The commit: the staged rows written into the register with the clerk's decisions, one transaction per batch
 * of rows (a cancel stops between batches; what was written stays, recorded, and can be undone). Bulk work
 * on prepared statements (the form's path costs a query builder round per column); the values are the
 * form's: every record passes the registration schema, and its columns come from the same mapping the form
 * uses (`ownerValues`, `businessValues`). Each owner created gets the form's audit row; each business one
 * row with the form's creation image under the action `imported`, which its timeline shows as
 * "diimpor dari <file>, baris N".
 */
export interface CommitSpec {
  importUuid: string;
  fileName: string;
  sheet: string | null;
  mapping: unknown;
  actor: Actor;
  /** ISO time of the commit */
  now: string;
  /** the office's date (yyyy-mm-dd): the registration date of rows without one */
  today: string;
  districtCode: string;
  /** labels of fields for the notes (`ownerNik` → "NIK pemilik") */
  labels: Record<string, string>;
}

export interface CommitProgress {
  done: number;
  total: number;
  created: number;
}

/** What a commit did (the screen's job hands the same counts to the renderer). */
export type CommitResult = CommitCounts;

/** rows per transaction: 2,000 write each index page (uuid, names: random keys) a quarter as often as 500 */
export const COMMIT_BATCH = 2000;

type Decision =
  | { kind: 'waiting' }
  | { kind: 'skip'; sameAs: number | null }
  | { kind: 'handled' }
  | { kind: 'create'; rows: CommitRow[]; different: CommitRow['register'] }
  | { kind: 'fill'; row: CommitRow; businessId: number };

/** What a row's desa becomes: the clear match, or the clerk's choice; null while undecided. */
function villageOf(row: CommitRow, choices: Map<string, VillageChoice>): VillageChoice | 'asIs' | null {
  const st = row.village?.status;
  if (!st || st === 'exact' || st === 'corrected') return 'asIs';
  return (row.villageText && choices.get(row.villageText)) || null;
}

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || v === 0 || v === '[]' || (Array.isArray(v) && !v.length);

/** A merge of rows of one business: the first row's values, completed from the others'. */
export function mergeValues(rows: CommitRow[]): Record<string, unknown> {
  const whole = (r: CommitRow) => (r.validated ? expandRecord(r.values) : r.values);
  const out: Record<string, unknown> = { ...whole(rows[0]!) };
  for (const r of rows.slice(1))
    for (const [k, v] of Object.entries(whole(r))) if (isEmpty(out[k]) && !isEmpty(v)) out[k] = v;
  return out;
}

export async function commitImport(
  raw: RawDb,
  staging: Staging,
  spec: CommitSpec,
  opts: { signal?: AbortSignal; onProgress?: (p: CommitProgress) => void; batch?: number } = {},
): Promise<CommitResult> {
  const villageChoices = staging.villageChoices();
  const groupChoices = staging.groupChoices();
  const registerChoices = staging.registerChoices();
  const total = staging.count();
  const summary = staging.summary();
  const s = statements(raw);
  const year = Number(spec.today.slice(0, 4));

  const importId = Number(
    s.insertImport.run(
      spec.importUuid,
      spec.fileName,
      spec.sheet,
      total,
      JSON.stringify(summary ?? {}),
      JSON.stringify(spec.mapping ?? null),
      spec.actor.id,
      spec.actor.name,
      spec.now,
      spec.now,
      spec.now,
    ).lastInsertRowid,
  );
  const result: CommitResult = {
    importId,
    rowsRead: total,
    created: 0,
    merged: 0,
    filled: 0,
    skipped: 0,
    waiting: 0,
    cancelled: false,
  };
  /** the import's row: its status, and what it did so far (the history shows the counts) */
  const record = (status: string, finished: string | null, at: string) => {
    const outcome: ImportOutcome = {
      created: result.created,
      merged: result.merged,
      filled: result.filled,
      skipped: result.skipped,
      waiting: result.waiting,
    };
    s.updateImport.run(
      status,
      result.created + result.filled,
      JSON.stringify({ ...(summary ?? {}), commit: outcome }),
      finished,
      at,
      importId,
    );
  };
  const handled = new Set<number>();
  /** owners this import created, by NIK: one person's rows share one owner */
  const ownersByNik = new Map<string, number>();

  const audit = auditWriter(raw, spec.actor, spec.now);
  // the report counts: a batch's businesses counted by one grouped statement, not 16 upserts each
  const counts = reportCountsHold(raw);

  const decide = (row: CommitRow): Decision => {
    if (handled.has(row.idx)) return { kind: 'handled' };
    if (row.missingRequired) return { kind: 'waiting' };
    let rows = [row];
    if (row.dupGroup !== null) {
      const c: DuplicateChoice | undefined = groupChoices.get(row.dupGroup);
      if (!c) return { kind: 'waiting' };
      if (c === 'skip') return { kind: 'skip', sameAs: null };
      if (c === 'merge') {
        rows = staging.groupRows(row.dupGroup);
        for (const r of rows) handled.add(r.idx);
      }
    }
    for (const r of rows) if (villageOf(r, villageChoices) === null) return { kind: 'waiting' };
    if (row.register.length) {
      const c = registerChoices.get(row.idx);
      if (!c) return { kind: 'waiting' };
      if (c === 'skip') return { kind: 'skip', sameAs: row.register[0]!.businessId };
      if (c === 'merge')
        return {
          kind: 'fill',
          row: { ...row, values: mergeValues(rows) },
          businessId: row.register[0]!.businessId,
        };
      return { kind: 'create', rows, different: row.register };
    }
    return { kind: 'create', rows, different: [] };
  };

  /**
   * The record's input, as the registration schema makes it. A row the dry run validated and no decision
   * changed is taken as stored (the schema's own output); a merged row or a chosen desa is parsed again.
   * The notes carry what the record cannot hold.
   */
  const recordOf = (
    rows: CommitRow[],
  ): { data: BusinessCreateData; kept: (KeptValue & { line: number })[] } | null => {
    const v = villageOf(rows[0]!, villageChoices);
    const asStored = rows.length === 1 && rows[0]!.validated && v === 'asIs';
    const values = asStored
      ? expandRecord(rows[0]!.values)
      : rows.length > 1
        ? mergeValues(rows)
        : { ...rows[0]!.values };
    if (v && v !== 'asIs') {
      values.villageName = v.name;
      if (v.code) values.villageCode = v.code;
      else values.villageCode = null;
    }
    const kept = rows.flatMap((r) => r.kept.map((k) => ({ ...k, line: r.line })));
    if (kept.length) {
      const lines = [...new Set(kept.map((k) => k.line))].join(', ');
      const text = `Catatan impor (${spec.fileName}, baris ${lines}): ${kept
        .map((k) => `${spec.labels[k.field] ?? k.field}: ${k.text}`)
        .join('; ')}`;
      const notes = typeof values.notes === 'string' && values.notes ? `${values.notes}\n${text}` : text;
      // the notes field holds 2,000 characters; what does not fit stays in the import's record (kept_json)
      if (notes.length <= 2000) values.notes = notes;
    }
    if (asStored) return { data: values as BusinessCreateData, kept };
    const parsed = businessCreateSchema.safeParse(values);
    return parsed.success ? { data: parsed.data, kept } : null;
  };

  /** registration numbers, reserved for a whole batch with one update of the yearly sequence */
  const numbers = {
    last: 0,
    end: 0,
    reserve(n: number) {
      if (n <= 0) return;
      this.end = s.sequence.get(year, n, n)!;
      this.last = this.end - n;
    },
    next(): number {
      if (this.last >= this.end) this.reserve(1);
      return ++this.last;
    },
  };

  const create = (d: Extract<Decision, { kind: 'create' }>) => {
    const rec = recordOf(d.rows);
    if (!rec) {
      result.waiting += d.rows.length;
      return;
    }
    const first = d.rows[0]!;
    const lines = d.rows.map((r) => r.line).join(', ');
    const reason = `Diimpor dari ${spec.fileName}, baris ${lines}`;
    const nik = rec.data.ownerNik;
    const sameOwner = d.different.find((m) => m.reasons.includes('nik'));
    let ownerId: number | null = sameOwner ? (s.ownerOf.get(sameOwner.businessId) ?? null) : null;
    if (ownerId === null && nik) ownerId = ownersByNik.get(nik) ?? null;
    let createdOwner: number | null = null;
    if (ownerId === null) {
      const ov = ownerValues(rec.data);
      const uuid = newRecordUuid();
      ownerId = Number(s.insertOwner(ov, [uuid, null, spec.now, spec.now]).lastInsertRowid);
      audit('owners', ownerId, uuid, 'create', undefined, filledImage(ov), reason);
      if (nik) ownersByNik.set(nik, ownerId);
      createdOwner = ownerId;
    }
    const number = formatRegistrationNumber(spec.districtCode, year, numbers.next());
    const bv = businessValues(rec.data);
    const uuid = newRecordUuid();
    const regDate = first.registrationDate ?? spec.today;
    const businessId = Number(
      s.insertBusiness(bv, [uuid, number, regDate, ownerId, null, spec.now, spec.now]).lastInsertRowid,
    );
    // the creation's audit row as the form writes it, under its own action: the timeline shows
    // "diimpor dari <file>, baris N" (business-history's generic kind, its params from `after`)
    audit(
      'businesses',
      businessId,
      uuid,
      'imported',
      undefined,
      Object.assign(filledImage(bv, { registration_number: number, owner_id: ownerId }), {
        file: spec.fileName,
        line: lines,
        import: spec.importUuid,
      }),
      reason,
    );
    d.rows.forEach((r, i) =>
      s.insertRecord.run(
        importId,
        r.line,
        i === 0 ? 'created' : 'merged',
        businessId,
        i === 0 ? createdOwner : null,
        1,
        i === 0 && createdOwner ? 1 : null,
        null,
        JSON.stringify(i === 0 ? rec.kept : []),
      ),
    );
    for (const m of d.different) {
      const cand = s.businessBrief.get(m.businessId);
      if (!cand) continue;
      s.decision.run(
        newRecordUuid(),
        'different',
        cand.id,
        businessId,
        JSON.stringify(m.reasons),
        null,
        reason,
        spec.actor.id,
        spec.actor.name,
        spec.now,
      );
      const after = { decision: 'different', other_business_id: businessId, reasons: m.reasons };
      audit('businesses', cand.id, cand.uuid, 'duplicate_decision', undefined, after, reason);
      audit(
        'businesses',
        businessId,
        uuid,
        'duplicate_decision',
        undefined,
        { ...after, other_business_id: cand.id },
        reason,
      );
    }
    result.created++;
    result.merged += d.rows.length - 1;
  };

  const skip = (row: CommitRow, sameAs: number | null) => {
    result.skipped++;
    if (sameAs === null) return;
    const cand = s.businessBrief.get(sameAs);
    if (!cand) return;
    const reason = `Impor ${spec.fileName}, baris ${row.line}`;
    const reasons = row.register.find((m) => m.businessId === sameAs)?.reasons ?? [];
    s.decision.run(
      newRecordUuid(),
      'same',
      cand.id,
      null,
      JSON.stringify(reasons),
      JSON.stringify(row.values),
      reason,
      spec.actor.id,
      spec.actor.name,
      spec.now,
    );
    audit(
      'businesses',
      cand.id,
      cand.uuid,
      'duplicate_decision',
      undefined,
      { decision: 'same', reasons, draft: row.values },
      reason,
    );
  };

  const fill = (d: Extract<Decision, { kind: 'fill' }>) => {
    const rec = recordOf([d.row]);
    const b = s.businessRow.get(d.businessId);
    if (!rec || !b) {
      result.waiting++;
      return;
    }
    const reason = `Dilengkapi dari impor ${spec.fileName}, baris ${d.row.line}`;
    const bv = businessValues(rec.data) as Record<string, unknown>;
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(bv))
      if (k !== 'notes' && k !== 'status' && isEmpty(b[k]) && !isEmpty(v)) {
        before[k] = b[k] ?? null;
        after[k] = v;
      }
    if (rec.kept.length || rec.data.notes) {
      before.notes = b.notes ?? null;
      after.notes = [b.notes, rec.data.notes].filter(Boolean).join('\n').slice(0, 2000) || null;
    }
    let version = Number(b.version);
    if (Object.keys(after).length) {
      const cols = Object.keys(after);
      raw
        .prepare(
          `UPDATE businesses SET ${cols.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
        )
        .run(...cols.map((c) => after[c] as string | number | null), spec.now, b.id, b.version);
      version++;
      audit('businesses', Number(b.id), String(b.uuid), 'update', before, after, reason);
    }
    s.insertRecord.run(
      importId,
      d.row.line,
      'filled',
      b.id,
      null,
      version,
      null,
      JSON.stringify(before),
      JSON.stringify(rec.kept),
    );
    result.filled++;
  };

  const size = opts.batch ?? COMMIT_BATCH;
  let done = 0;
  const checkpoints = bulkCheckpoints(raw);
  try {
    for (const batch of staging.commitBatches(size)) {
      if (opts.signal?.aborted) {
        result.cancelled = true;
        break;
      }
      raw.transaction(() => {
        counts.hold();
        const decided = batch.map((row) => ({ row, d: decide(row) }));
        numbers.reserve(decided.filter((x) => x.d.kind === 'create').length);
        for (const { row, d } of decided) {
          if (d.kind === 'handled') continue;
          if (d.kind === 'waiting') result.waiting++;
          else if (d.kind === 'skip') skip(row, d.sameAs);
          else if (d.kind === 'fill') fill(d);
          else create(d);
        }
        counts.release();
        record('committing', null, spec.now);
      })();
      done += batch.length;
      checkpoints.afterBatch(batch.length);
      opts.onProgress?.({ done, total, created: result.created });
      // let a cancel (a message to the worker) in between batches
      await new Promise((r) => setImmediate(r));
    }
  } catch (e) {
    const at = new Date().toISOString();
    record('failed', at, at);
    throw e;
  } finally {
    checkpoints.end();
  }
  const end = new Date().toISOString();
  record(result.cancelled ? 'cancelled' : 'committed', end, end);
  return result;
}

function statements(raw: RawDb) {
  // the column lists come from the form's own mapping, so a new field needs nothing here
  const sample = businessCreateSchema.parse({ ownerName: 'x', name: 'x', villageName: 'x' });
  const ownerCols = Object.keys(ownerValues(sample));
  const businessCols = Object.keys(businessValues(sample));
  // positional parameters: the record's columns in order, then the writer's own (binding 50 named ones
  // looked each name up in a spread object, row after row)
  const insertOf = (table: string, cols: string[], extra: string[]) => {
    const all = [...cols, ...extra];
    const stmt = raw.prepare(
      `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`,
    );
    return (values: object, more: unknown[]) => {
      const v = values as Record<string, unknown>;
      const params: unknown[] = new Array(all.length);
      for (let i = 0; i < cols.length; i++) params[i] = v[cols[i]!];
      for (let j = 0; j < more.length; j++) params[cols.length + j] = more[j];
      return stmt.run(params);
    };
  };
  return {
    insertImport: raw.prepare(`INSERT INTO imports (uuid, file_name, sheet, status, rows_read, summary_json,
      mapping_json, user_id, user_name, started_at, created_at, updated_at)
      VALUES (?, ?, ?, 'committing', ?, ?, ?, ?, ?, ?, ?, ?)`),
    updateImport:
      raw.prepare(`UPDATE imports SET status = ?, rows_imported = ?, summary_json = ?, finished_at = ?,
      updated_at = ? WHERE id = ?`),
    insertOwner: insertOf('owners', ownerCols, ['uuid', 'archived_at', 'created_at', 'updated_at']),
    insertBusiness: insertOf('businesses', businessCols, [
      'uuid',
      'registration_number',
      'registration_date',
      'owner_id',
      'archived_at',
      'created_at',
      'updated_at',
    ]),
    audit:
      raw.prepare(`INSERT INTO audit_log (uuid, at, user_id, user_name, table_name, record_id, record_uuid,
      action, before_json, after_json, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    sequence: raw
      .prepare(
        `INSERT INTO sequences (name, year, value) VALUES ('registration', ?, ?)
         ON CONFLICT(name, year) DO UPDATE SET value = value + ? RETURNING value`,
      )
      .pluck() as Statement<[number, number, number], number>,
    insertRecord: raw.prepare(`INSERT INTO import_records (import_id, line, action, business_id, owner_id,
      business_version, owner_version, before_json, kept_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    decision: raw.prepare(`INSERT INTO duplicate_decisions (uuid, decision, business_id, other_business_id,
      reasons_json, draft_json, reason, user_id, user_name, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    ownerOf: raw.prepare(`SELECT owner_id FROM businesses WHERE id = ?`).pluck() as Statement<
      [number],
      number
    >,
    businessBrief: raw.prepare(`SELECT id, uuid FROM businesses WHERE id = ?`) as Statement<
      [number],
      { id: number; uuid: string }
    >,
    businessRow: raw.prepare(`SELECT * FROM businesses WHERE id = ? AND archived_at IS NULL`) as Statement<
      [number],
      Record<string, unknown>
    >,
  };
}
