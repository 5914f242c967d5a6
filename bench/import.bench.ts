/**
 * Import benchmark (issue 12): `import.rows_per_s_30k`, a generated messy 30,000-row CSV (test/fixtures/
 * messy-import.ts: damaged NIKs, misspelled and unknown desa, number words, duplicates in the file and of the
 * register…) imported into a register that already holds the businesses some rows repeat: the dry run
 * (streamed parse, every cleaning rule, the registration schema, duplicate checks in the file and against
 * the register, the staging file) and the commit (decisions applied, one transaction per 2,000 rows, audit
 * rows), timed together, divided into the rows of the file.
 *
 * The floor is the libraries alone on the same file and the same number of records: csv-parse decoding and
 * splitting the file, and bare better-sqlite3 inserts of an owner and a business per row (500 per
 * transaction, the app's schema with its triggers, no cleaning, no checks, no audit), with the app's own
 * record uuids (time-ordered, db/record-uuid.ts): the same values the app writes.
 *
 *   npm run bench -- import
 */
import Database from 'better-sqlite3';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { applyPragmas, type RawDb } from '../db/connection';
import { migrate } from '../db/migrate';
import { DEFAULT_IMPORT_OPTIONS } from '../shared/import/clean';
import { proposeMapping } from '../shared/import/headers';
import { newRecordUuid } from '../db/record-uuid';
import { commitImport } from '../electron/services/import/commit';
import { dryRunFile } from '../electron/services/import/dry-run';
import { openSource } from '../electron/services/import/source';
import { Staging } from '../electron/services/import/staging';
import {
  acceptVillageProposals,
  defaultSpec,
  generateMessyImport,
  type MessyFile,
} from '../test/fixtures/messy-import';

const here = path.dirname(fileURLToPath(import.meta.url));
const DATA = path.join(here, 'data', 'import');
const ROWS = 30_000;
const OFFICE = { regencyCode: '35.09', districtCode: '35.09.27' };
/** bump when the generated file changes shape */
const FILE_VERSION = 1;

async function messyFile(): Promise<MessyFile> {
  mkdirSync(DATA, { recursive: true });
  const file = path.join(DATA, `messy-${ROWS}-v${FILE_VERSION}.csv`);
  const meta = `${file}.json`;
  if (existsSync(file) && existsSync(meta)) return JSON.parse(readFileSync(meta, 'utf8')) as MessyFile;
  const m = await generateMessyImport(defaultSpec(ROWS), file);
  writeFileSync(meta, JSON.stringify(m));
  return m;
}

/** A migrated register holding the businesses the file repeats (not timed). */
async function freshRegister(file: string, m: MessyFile): Promise<RawDb> {
  rmSync(file, { force: true });
  for (const ext of ['-wal', '-shm']) rmSync(file + ext, { force: true });
  const raw = new Database(file);
  applyPragmas(raw);
  await migrate(raw);
  const now = new Date().toISOString();
  const owner = raw.prepare(`INSERT INTO owners (uuid, name, nik, phone, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const business = raw.prepare(`INSERT INTO businesses (uuid, registration_number, registration_date, name,
    owner_id, village_name, village_code, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'aktif', ?, ?)`);
  raw.transaction(() => {
    m.register.forEach((r, i) => {
      const o = owner.run(randomUUID(), r.ownerName, r.ownerNik, r.ownerPhone, now, now).lastInsertRowid;
      business.run(
        randomUUID(),
        `IKM-350927-2025-${String(i + 1).padStart(5, '0')}`,
        '2025-01-02',
        r.name,
        o,
        r.villageName,
        r.villageCode,
        now,
        now,
      );
    });
  })();
  return raw;
}

/** The libraries alone: csv-parse over the file, bare inserts of the same number of records. */
async function floor(m: MessyFile, dbFile: string): Promise<{ parseS: number; insertS: number }> {
  const t0 = performance.now();
  const parser = createReadStream(m.file).pipe(parse({ delimiter: ';', relax_column_count: true }));
  let n = 0;
  for await (const rec of parser as AsyncIterable<string[]>) n += rec.length > 0 ? 1 : 0;
  if (n < ROWS) throw new Error(`import floor: ${n} records`);
  const parseS = (performance.now() - t0) / 1000;

  const raw = await freshRegister(dbFile, { ...m, register: [] });
  const now = new Date().toISOString();
  const owner = raw.prepare(
    `INSERT INTO owners (uuid, name, nik, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const business = raw.prepare(`INSERT INTO businesses (uuid, registration_number, registration_date, name,
    owner_id, village_name, village_code, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'aktif', ?, ?)`);
  const t1 = performance.now();
  for (let from = 0; from < m.rows.length; from += 500) {
    raw.transaction(() => {
      for (const [i, r] of m.rows.slice(from, from + 500).entries()) {
        const o = owner.run(newRecordUuid(), r.ownerName, r.nik, null, now, now).lastInsertRowid;
        business.run(
          newRecordUuid(),
          `IKM-350927-2026-${String(from + i + 1).padStart(5, '0')}`,
          '2026-12-02',
          r.name || 'x',
          o,
          r.villageName,
          r.villageCode,
          now,
          now,
        );
      }
    })();
  }
  const insertS = (performance.now() - t1) / 1000;
  raw.close();
  return { parseS, insertS };
}

export async function run(): Promise<Record<string, number>> {
  const m = await messyFile();
  const dir = path.join(DATA, 'run');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const raw = await freshRegister(path.join(dir, 'register.sqlite'), m);
  const load0 = os.loadavg()[0]!;

  const t0 = performance.now();
  const src = await openSource(m.file);
  const columns = proposeMapping(src.info.headers).map((c) => ({ index: c.index, target: c.target }));
  const { dryRun } = await dryRunFile(raw, OFFICE, {
    file: m.file,
    columns,
    options: DEFAULT_IMPORT_OPTIONS,
  });
  const staging = Staging.create(dir, '3b7e3f1c-8f0e-4c6b-9a51-2d3c4b5a6f70');
  staging.writeDryRun(dryRun);
  const t1 = performance.now();
  // the clerk's decisions: each proposal accepted, other spellings kept as written, duplicates kept apart
  acceptVillageProposals(staging);
  for (const g of staging.duplicateGroups(0, 1e6)) staging.setGroupChoice(g.id, 'keep');
  for (const r of staging.registerRows(0, 1e6)) staging.setRegisterChoice(r.row.idx, 'keep');
  const t2 = performance.now();
  const result = await commitImport(raw, staging, {
    importUuid: randomUUID(),
    fileName: path.basename(m.file),
    sheet: null,
    mapping: columns,
    actor: { id: null, name: 'bench' },
    now: new Date().toISOString(),
    today: '2026-12-02',
    districtCode: OFFICE.districtCode,
    labels: {},
  });
  const t3 = performance.now();
  staging.remove();
  raw.close();
  if (dryRun.summary.rows !== m.expected.rows)
    throw new Error(`import bench: ${dryRun.summary.rows} rows read`);
  const seconds = (t1 - t0 + (t3 - t2)) / 1000;

  const f = await floor(m, path.join(dir, 'floor.sqlite'));
  rmSync(dir, { recursive: true, force: true });
  return {
    'import.rows_per_s_30k': ROWS / seconds,
    'import.dry_run_s_30k': (t1 - t0) / 1000,
    'import.commit_s_30k': (t3 - t2) / 1000,
    'import.created_30k': result.created,
    'import.floor_rows_per_s_30k': ROWS / (f.parseS + f.insertS),
    'import.floor_parse_s_30k': f.parseS,
    'import.floor_insert_s_30k': f.insertS,
    'import.load_avg_start': load0,
  };
}
