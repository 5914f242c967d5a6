// Over 400 lines on purpose: the staging database of one import (its own SQLite file): schema, writes and the reads of the review, kept together so the file's format has one owner.
import Database, { type Statement } from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { jsonOr, parseJsonWith } from '../../../shared/json';
import type { CleanRow, KeptValue, RowIssue } from '../../../shared/import/clean';
import type { DryRun, DryRunSummary } from '../../../shared/import/dry-run';
import type { RegisterMatch } from '../../../shared/import/duplicates';
import type { PermitCandidate } from '../../../shared/import/permits';
import type { VillageMatch } from '../../../shared/import/villages';

/**
 * A dry run's rows, kept between the dry run and the commit in a file of their own
 * (`<data>/imports/<uuid>.sqlite`): the register's database and its backups never carry them, the worker
 * that cleaned the rows hands them over without a copy in main's memory, and the review step pages through
 * them with indexed queries. The clerk's decisions (which village a spelling is, what to do with each
 * duplicate group and each possible repeat of the register) are kept here too. The file goes when the import
 * is committed or abandoned.
 */

export const ROW_NEEDS = { ready: 0, review: 1, block: 2 } as const;

/** What to do with a group of rows that may be one business, or a row that may repeat the register. */
export type DuplicateChoice = 'keep' | 'merge' | 'skip';

export interface VillageChoice {
  /** the village chosen, or null: keep the name as written without a code */
  code: string | null;
  name: string;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS rows (
    idx INTEGER PRIMARY KEY,
    line INTEGER NOT NULL,
    values_json TEXT NOT NULL,
    issues_json TEXT NOT NULL,
    kept_json TEXT NOT NULL,
    permits_json TEXT NOT NULL,
    village_text TEXT,
    village_status TEXT,
    village_json TEXT,
    needs INTEGER NOT NULL,
    dup_group INTEGER,
    register_json TEXT,
    registration_date TEXT,
    missing_required INTEGER NOT NULL DEFAULT 0,
    validated INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE IF NOT EXISTS village_choices (village_text TEXT PRIMARY KEY, code TEXT, name TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS group_choices (dup_group INTEGER PRIMARY KEY, choice TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS register_choices (idx INTEGER PRIMARY KEY, choice TEXT NOT NULL);
`;

/** The review's indexes of the rows: made after a dry run's rows are written (one sort, not one per row). */
const ROW_INDEXES = `
  CREATE INDEX IF NOT EXISTS rows_needs ON rows(needs, idx);
  CREATE INDEX IF NOT EXISTS rows_group ON rows(dup_group, idx) WHERE dup_group IS NOT NULL;
  CREATE INDEX IF NOT EXISTS rows_village ON rows(village_status, village_text);
  CREATE INDEX IF NOT EXISTS rows_register ON rows(idx) WHERE register_json IS NOT NULL;
`;
const DROP_ROW_INDEXES = `
  DROP INDEX IF EXISTS rows_needs; DROP INDEX IF EXISTS rows_group; DROP INDEX IF EXISTS rows_village;
  DROP INDEX IF EXISTS rows_register;
`;

/** An empty list stored as JSON (most rows have no kept values and no permits). */
const listJson = (list: readonly unknown[]) => (list.length ? JSON.stringify(list) : '[]');

/** The folder of staged imports under the data folder. The file name comes from a UUID, never from input. */
export function stagingDir(dataDir: string): string {
  return path.join(dataDir, 'imports');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export function stagingFile(dataDir: string, uuid: string): string {
  if (!UUID.test(uuid)) throw new Error('staging: not a UUID');
  return path.join(stagingDir(dataDir), `${uuid}.sqlite`);
}

// ── reading what was stored, with a schema ──
/**
 * A row's values: a JSON object, its fields unknown here (the commit's registration schema or the clerk's
 * review reads them). `z.record(z.string(), z.unknown())` accepts exactly the same, but copies every field
 * of every row into a new object: 60–170 ms of a 30,000-row commit, against ~30 for this check.
 */
const zValues = z.custom<Record<string, unknown>>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
);
const zIssues = z.array(
  z.object({
    field: z.string(),
    code: z.string(),
    level: z.enum(['block', 'review', 'info']),
    original: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
);
const zKept = z.array(z.object({ field: z.string(), text: z.string() }));
const zPermits = z.array(
  z.object({ type: z.string(), number: z.string().nullable(), numberProblem: z.boolean(), text: z.string() }),
);
const zRegister = z.array(
  z.object({
    businessId: z.number().int(),
    reasons: z.array(z.enum(['nik', 'phone', 'name'])),
    similarity: z.number(),
  }),
);
const zVillageRef = z.object({
  code: z.string(),
  name: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
});
const zVillage = z.object({
  status: z.enum(['exact', 'corrected', 'doubtful', 'ambiguous', 'unknown']),
  village: zVillageRef.nullable(),
  score: z.number(),
  candidates: z.array(z.object({ village: zVillageRef, score: z.number() })),
  normalized: z.boolean(),
});

interface RowRecord {
  idx: number;
  line: number;
  values_json: string;
  issues_json: string;
  kept_json: string;
  permits_json: string;
  village_text: string | null;
  village_status: string | null;
  village_json: string | null;
  needs: number;
  dup_group: number | null;
  register_json: string | null;
  registration_date: string | null;
}

export interface StagedRow {
  idx: number;
  line: number;
  values: Record<string, unknown>;
  issues: RowIssue[];
  kept: KeptValue[];
  permits: PermitCandidate[];
  villageText: string | null;
  village: VillageMatch | null;
  needs: number;
  dupGroup: number | null;
  register: RegisterMatch[];
  /** the old register's date of registration, when the sheet had one */
  registrationDate: string | null;
}

function readRow(r: RowRecord): StagedRow {
  return {
    idx: r.idx,
    line: r.line,
    values: jsonOr(zValues, r.values_json, {}),
    issues: jsonOr(zIssues, r.issues_json, []) as RowIssue[],
    kept: jsonOr(zKept, r.kept_json, []),
    permits: jsonOr(zPermits, r.permits_json, []) as PermitCandidate[],
    villageText: r.village_text,
    village: r.village_json ? jsonOr(zVillage, r.village_json, null as never) : null,
    needs: r.needs,
    dupGroup: r.dup_group,
    register: r.register_json ? jsonOr(zRegister, r.register_json, []) : [],
    registrationDate:
      r.registration_date && /^\d{4}-\d{2}-\d{2}$/.test(r.registration_date) ? r.registration_date : null,
  };
}

/** What the commit reads of a row: no issues or permits, the desa's match only where a choice applies. */
export interface CommitRow {
  idx: number;
  line: number;
  values: Record<string, unknown>;
  kept: KeptValue[];
  villageText: string | null;
  village: Pick<VillageMatch, 'status'> | null;
  dupGroup: number | null;
  register: RegisterMatch[];
  registrationDate: string | null;
  missingRequired: boolean;
  /** `values` is the registration schema's output, compacted (see clean.ts `expandRecord`) */
  validated: boolean;
}

interface CommitRecord {
  idx: number;
  line: number;
  values_json: string;
  kept_json: string;
  village_text: string | null;
  village_status: string | null;
  dup_group: number | null;
  register_json: string | null;
  registration_date: string | null;
  missing_required: number;
  validated: number;
}

const VILLAGE_STATUSES = new Set(['exact', 'corrected', 'doubtful', 'ambiguous', 'unknown']);
function readCommitRow(r: CommitRecord): CommitRow {
  const values = parseJsonWith(zValues, r.values_json);
  return {
    idx: r.idx,
    line: r.line,
    // damaged values are no record: empty, and not taken as the schema's output (the commit parses them)
    values: values.ok ? values.value : {},
    kept: r.kept_json === '[]' ? [] : jsonOr(zKept, r.kept_json, []),
    villageText: r.village_text,
    village:
      r.village_status && VILLAGE_STATUSES.has(r.village_status)
        ? { status: r.village_status as VillageMatch['status'] }
        : null,
    dupGroup: r.dup_group,
    register: r.register_json ? jsonOr(zRegister, r.register_json, []) : [],
    registrationDate:
      r.registration_date && /^\d{4}-\d{2}-\d{2}$/.test(r.registration_date) ? r.registration_date : null,
    missingRequired: r.missing_required === 1,
    validated: values.ok && r.validated === 1,
  };
}

const COMMIT_COLUMNS = `idx, line, values_json, kept_json, village_text, village_status, dup_group, register_json,
  registration_date, missing_required, validated`;

export function needsOf(r: CleanRow): number {
  if (r.issues.some((i) => i.level === 'block')) return ROW_NEEDS.block;
  if (r.issues.some((i) => i.level === 'review')) return ROW_NEEDS.review;
  return ROW_NEEDS.ready;
}

export interface VillageGroup {
  villageText: string;
  status: string;
  rows: number;
  /** the first row's match: proposal and candidates */
  match: VillageMatch | null;
  /** what the file says, as written in its first row */
  written: string;
  choice: VillageChoice | null;
}

export interface GroupRowBrief {
  idx: number;
  line: number;
  values: Record<string, unknown>;
}

export class Staging {
  private readonly rowsByNeeds: Statement<[number, number, number], RowRecord>;

  private constructor(
    readonly file: string,
    readonly db: Database.Database,
  ) {
    this.rowsByNeeds = db.prepare(
      `SELECT * FROM rows WHERE needs >= ? ORDER BY idx LIMIT ? OFFSET ?`,
    ) as Statement<[number, number, number], RowRecord>;
  }

  static create(dataDir: string, uuid: string): Staging {
    mkdirSync(stagingDir(dataDir), { recursive: true });
    const file = stagingFile(dataDir, uuid);
    rmSync(file, { force: true });
    const db = new Database(file);
    // scratch data, rebuilt by a new dry run: speed over durability. Pages of 64 KiB (SQLite's largest) for
    // rows of ~700 bytes of JSON written once and read in order: a 30,000-row dry run's rows and indexes
    // 0.43 -> 0.27 s against the default 4 KiB (must be set before the first table)
    db.pragma('page_size = 65536');
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(SCHEMA + ROW_INDEXES);
    return new Staging(file, db);
  }

  static open(dataDir: string, uuid: string): Staging {
    const db = new Database(stagingFile(dataDir, uuid), { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA + ROW_INDEXES);
    return new Staging(stagingFile(dataDir, uuid), db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  remove(): void {
    this.close();
    rmSync(this.file, { force: true });
  }

  setMeta(values: Record<string, unknown>): void {
    const put = this.db.prepare(`INSERT INTO meta (key, value) VALUES (?, ?)
      ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
    this.db.transaction(() => {
      for (const [k, v] of Object.entries(values)) put.run(k, JSON.stringify(v));
    })();
  }

  meta<S extends z.ZodType>(key: string, schema: S, fallback: z.output<S>): z.output<S> {
    const row = this.db.prepare(`SELECT value FROM meta WHERE key = ?`).get(key) as
      { value: string } | undefined;
    return jsonOr(schema, row?.value, fallback);
  }

  /** The dry run's rows, in one transaction. */
  writeDryRun(d: DryRun): void {
    const insert = this.db.prepare(`INSERT INTO rows (idx, line, values_json, issues_json, kept_json,
      permits_json, village_text, village_status, village_json, needs, dup_group, register_json, registration_date,
      missing_required, validated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const groupOf = new Map<number, number>();
    for (const g of d.groups) for (const i of g.rows) groupOf.set(i, g.id);
    this.db.transaction(() => {
      this.db.exec(
        'DELETE FROM rows; DELETE FROM village_choices; DELETE FROM group_choices; DELETE FROM register_choices;' +
          DROP_ROW_INDEXES,
      );
      d.rows.forEach((r, i) => {
        const register = d.registerMatches.get(i);
        insert.run(
          i,
          r.line,
          JSON.stringify(r.values),
          listJson(r.issues),
          listJson(r.kept),
          listJson(r.permits),
          r.villageText,
          r.village?.status ?? null,
          r.village && r.village.status !== 'exact' ? JSON.stringify(r.village) : null,
          needsOf(r),
          groupOf.get(i) ?? null,
          register ? JSON.stringify(register) : null,
          r.registrationDate,
          r.issues.some((x) => x.code === 'required') ? 1 : 0,
          r.validated ? 1 : 0,
        );
      });
      this.db.exec(ROW_INDEXES);
      this.setMeta({ summary: d.summary });
    })();
  }

  summary(): DryRunSummary | null {
    return this.meta('summary', z.record(z.string(), z.number()), {}) as unknown as DryRunSummary | null;
  }

  /** Rows that need a person (`block` only, or `review` and `block`), in file order. */
  rowsNeeding(level: 'review' | 'block', offset: number, limit: number): StagedRow[] {
    return this.rowsByNeeds.all(ROW_NEEDS[level], limit, offset).map(readRow);
  }

  row(idx: number): StagedRow | null {
    const r = this.db.prepare(`SELECT * FROM rows WHERE idx = ?`).get(idx) as RowRecord | undefined;
    return r ? readRow(r) : null;
  }

  /** The spellings of desa that are not one clear village, with how many rows each, and the choice made. */
  villageGroups(): VillageGroup[] {
    const rows = this.db
      .prepare(
        `SELECT r.village_text AS villageText, r.village_status AS status, count(*) AS n,
                min(r.idx) AS first, c.code AS code, c.name AS name
           FROM rows r LEFT JOIN village_choices c ON c.village_text = r.village_text
          WHERE r.village_status IN ('doubtful', 'ambiguous', 'unknown')
          GROUP BY r.village_text ORDER BY n DESC, r.village_text`,
      )
      .all() as {
      villageText: string;
      status: string;
      n: number;
      first: number;
      code: string | null;
      name: string | null;
    }[];
    return rows.map((g) => {
      const first = this.row(g.first)!;
      return {
        villageText: g.villageText,
        status: g.status,
        rows: g.n,
        match: first.village,
        written: String(first.values.villageName ?? g.villageText),
        choice: g.name === null ? null : { code: g.code, name: g.name },
      };
    });
  }

  setVillageChoice(villageText: string, choice: VillageChoice | null): void {
    if (choice === null)
      this.db.prepare(`DELETE FROM village_choices WHERE village_text = ?`).run(villageText);
    else
      this.db
        .prepare(
          `INSERT INTO village_choices (village_text, code, name) VALUES (?, ?, ?)
           ON CONFLICT(village_text) DO UPDATE SET code = excluded.code, name = excluded.name`,
        )
        .run(villageText, choice.code, choice.name);
  }

  villageChoices(): Map<string, VillageChoice> {
    const rows = this.db.prepare(`SELECT village_text, code, name FROM village_choices`).all() as {
      village_text: string;
      code: string | null;
      name: string;
    }[];
    return new Map(rows.map((r) => [r.village_text, { code: r.code, name: r.name }]));
  }

  /** Within-file duplicate groups with their rows and the choice made. */
  duplicateGroups(
    offset = 0,
    limit = 1000,
  ): { id: number; rows: GroupRowBrief[]; choice: DuplicateChoice | null }[] {
    const ids = this.db
      .prepare(
        `SELECT DISTINCT dup_group AS id FROM rows WHERE dup_group IS NOT NULL ORDER BY dup_group LIMIT ? OFFSET ?`,
      )
      .all(limit, offset) as { id: number }[];
    const members = this.db.prepare(`SELECT * FROM rows WHERE dup_group = ? ORDER BY idx`) as Statement<
      [number],
      RowRecord
    >;
    const choice = this.db
      .prepare(`SELECT choice FROM group_choices WHERE dup_group = ?`)
      .pluck() as Statement<[number], string>;
    return ids.map(({ id }) => ({
      id,
      rows: members.all(id).map((r) => {
        const s = readRow(r);
        return { idx: s.idx, line: s.line, values: s.values };
      }),
      choice: (choice.get(id) as DuplicateChoice | undefined) ?? null,
    }));
  }

  /** The rows of one within-file group, in file order (as the commit reads them). */
  groupRows(group: number): CommitRow[] {
    return (
      this.db
        .prepare(`SELECT ${COMMIT_COLUMNS} FROM rows WHERE dup_group = ? ORDER BY idx`)
        .all(group) as CommitRecord[]
    ).map(readCommitRow);
  }

  setGroupChoice(group: number, choice: DuplicateChoice | null): void {
    this.choose('group_choices', 'dup_group', group, choice);
  }

  /** Sets (or with null, clears) one decision; table and column names are the code's, never input. */
  private choose(
    table: 'group_choices' | 'register_choices',
    key: 'dup_group' | 'idx',
    id: number,
    choice: DuplicateChoice | null,
  ): void {
    if (choice === null) this.db.prepare(`DELETE FROM ${table} WHERE ${key} = ?`).run(id);
    else
      this.db
        .prepare(
          `INSERT INTO ${table} (${key}, choice) VALUES (?, ?) ON CONFLICT(${key}) DO UPDATE SET choice = excluded.choice`,
        )
        .run(id, choice);
  }

  groupChoices(): Map<number, DuplicateChoice> {
    const rows = this.db.prepare(`SELECT dup_group, choice FROM group_choices`).all() as {
      dup_group: number;
      choice: DuplicateChoice;
    }[];
    return new Map(rows.map((r) => [r.dup_group, r.choice]));
  }

  /** Rows that may repeat a business of the register, with the choice made. */
  registerRows(offset = 0, limit = 1000): { row: StagedRow; choice: DuplicateChoice | null }[] {
    const rows = this.db
      .prepare(
        `SELECT r.*, c.choice AS choice FROM rows r LEFT JOIN register_choices c ON c.idx = r.idx
          WHERE r.register_json IS NOT NULL ORDER BY r.idx LIMIT ? OFFSET ?`,
      )
      .all(limit, offset) as (RowRecord & { choice: DuplicateChoice | null })[];
    return rows.map((r) => ({ row: readRow(r), choice: r.choice }));
  }

  setRegisterChoice(idx: number, choice: DuplicateChoice | null): void {
    this.choose('register_choices', 'idx', idx, choice);
  }

  registerChoices(): Map<number, DuplicateChoice> {
    const rows = this.db.prepare(`SELECT idx, choice FROM register_choices`).all() as {
      idx: number;
      choice: DuplicateChoice;
    }[];
    return new Map(rows.map((r) => [r.idx, r.choice]));
  }

  count(): number {
    return (this.db.prepare(`SELECT count(*) FROM rows`).pluck().get() as number) ?? 0;
  }

  /** Every row in file order, a batch at a time, as the commit reads them. */
  *commitBatches(size: number): Generator<CommitRow[]> {
    const stmt = this.db.prepare(
      `SELECT ${COMMIT_COLUMNS} FROM rows WHERE idx >= ? ORDER BY idx LIMIT ?`,
    ) as Statement<[number, number], CommitRecord>;
    let from = 0;
    for (;;) {
      const rows = stmt.all(from, size);
      if (!rows.length) return;
      yield rows.map(readCommitRow);
      from = rows[rows.length - 1]!.idx + 1;
    }
  }
}
