/**
 * The import screen's main side through the real dispatcher and engine: the file sent in chunks (size cap,
 * unknown upload refused), inspected, a mapping saved and read back (a damaged stored value reads safely)
 * and deleted, the dry run and the commit as jobs, decisions, history and undo; a viewer is refused every import channel.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawOf } from '../../../electron/app/context';
import { DEFAULT_IMPORT_OPTIONS } from '../../../shared/import/clean';
import { startCommit, startDryRun } from '../../../electron/services/import/job';
import { receiveChunk, uploadFile } from '../../../electron/services/import/upload';
import { channels } from '../../../shared/ipc/contract';
import type { UploadAnswer } from '../../../shared/schemas/import';
import { makeTestApp, type TestApp } from '../../fixtures/app';
import {
  defaultSpec,
  expectedSummary,
  messyImportInRegister,
  type MessyFile,
} from '../../fixtures/messy-import';

let app: TestApp;
let dir: string;
let m: MessyFile;

beforeAll(async () => {
  app = await makeTestApp();
  dir = mkdtempSync(path.join(os.tmpdir(), 'import-screen-'));
  m = await messyImportInRegister(
    app.call,
    defaultSpec(120, { seed: 11, permitsHeader: 'Keterangan' }),
    path.join(dir, 'Data IKM Kalisat.csv'),
  );
}, 60_000);
afterAll(async () => {
  await app.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends a file as the page does: chunks of `size` bytes, base64. */
async function send(bytes: Buffer, name: string, size = 64 * 1024): Promise<UploadAnswer> {
  let r: UploadAnswer | null = null;
  for (let at = 0; at < bytes.length || !r; at += size) {
    const end = Math.min(bytes.length, at + size);
    r = await app.call('import:upload', {
      ...(r ? { uploadId: r.uploadId } : { fileName: name }),
      chunk: bytes.subarray(at, end).toString('base64'),
      done: end >= bytes.length,
    });
  }
  return r;
}

const errorOf = async (channel: string, input: unknown) => {
  const r = await app.dispatch(channel, input);
  return r.ok ? null : r.error;
};

describe('upload in chunks', () => {
  it('puts the chunks together under a UUID name, keeping the original name only as text', async () => {
    const bytes = readFileSync(m.file);
    const r = await send(bytes, '../../etc/Data IKM Kalisat.csv', 10_000);
    expect(r.complete).toBe(true);
    expect(r.bytes).toBe(bytes.length);
    const stored = uploadFile(app.dataDir, r.uploadId);
    expect(path.basename(stored)).toBe(`${r.uploadId}.upload`);
    expect(readFileSync(stored).equals(bytes)).toBe(true);
    const info = await app.call('import:inspect', { uploadId: r.uploadId });
    expect(info.fileName).toBe('Data IKM Kalisat.csv');
    expect(info.kind).toBe('csv');
    expect(info.headerLine).toBe(3);
    expect(info.preview).toHaveLength(5);
    // the generator's permit column is headed "Keterangan": proposed as notes, for the clerk to correct
    const ket = info.columns.find((c) => c.header === 'Keterangan')!;
    expect(ket.target).toBe('notes');
    expect(info.columns.find((c) => c.header === 'Nama Usaha')!.samples.length).toBeGreaterThan(0);
    await app.call('import:discard', { uploadId: r.uploadId });
    expect(existsSync(stored)).toBe(false);
  });

  it('refuses a file over the cap, removing what was received', () => {
    const env = {
      dataDir: app.dataDir,
      uuid: () => '5b0c8a4e-1f2d-4e3a-9b8c-7d6e5f4a3b2c',
      now: () => new Date(),
    };
    const first = receiveChunk(
      env,
      { fileName: 'besar.csv', chunk: Buffer.alloc(600).toString('base64'), done: false },
      1000,
    );
    expect(first.bytes).toBe(600);
    expect(() =>
      receiveChunk(
        env,
        { uploadId: first.uploadId, chunk: Buffer.alloc(600).toString('base64'), done: true },
        1000,
      ),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION', messageKey: 'import.errors.tooLarge' }));
    expect(existsSync(uploadFile(app.dataDir, first.uploadId))).toBe(false);
  });

  it('refuses a chunk for an upload it does not know, and a malformed id', async () => {
    expect(
      await errorOf('import:upload', {
        uploadId: '0b7e3f1c-8f0e-4c6b-9a51-2d3c4b5a6f70',
        chunk: 'YWJj',
        done: true,
      }),
    ).toMatchObject({ code: 'NOT_FOUND', message: 'import.errors.uploadGone' });
    expect(await errorOf('import:upload', { uploadId: '../../x', chunk: 'YWJj', done: true })).toMatchObject({
      code: 'VALIDATION',
    });
    expect(
      await errorOf('import:inspect', { uploadId: '0b7e3f1c-8f0e-4c6b-9a51-2d3c4b5a6f70' }),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses an empty file and an unfinished one', async () => {
    expect(await errorOf('import:upload', { fileName: 'kosong.csv', chunk: '', done: true })).toMatchObject({
      message: 'import.errors.emptyFile',
    });
    const r = await app.call('import:upload', {
      fileName: 'a.csv',
      chunk: 'YWJj',
      done: false,
    });
    expect(await errorOf('import:inspect', { uploadId: r.uploadId })).toMatchObject({
      code: 'CONFLICT',
      message: 'import.errors.uploadIncomplete',
    });
  });
});

describe('saved mappings', () => {
  it('saves a mapping by folded header and applies it to the next file', async () => {
    const r = await send(readFileSync(m.file), 'Data IKM Kalisat.csv');
    const info = await app.call('import:inspect', { uploadId: r.uploadId });
    const targets = info.columns.map((c) => (c.header === 'Keterangan' ? 'permits' : c.target));
    const saved = await app.call('import:mappingSave', {
      name: 'Format Kalisat',
      headers: info.columns.map((c) => c.header),
      columns: targets.map((target, index) => ({ index, target })),
      options: {},
    });
    expect(saved.columns.keterangan).toBe('permits');
    const again = await app.call('import:inspect', {
      uploadId: r.uploadId,
      mappingId: saved.id,
    });
    expect(again.columns.find((c) => c.header === 'Keterangan')).toMatchObject({
      target: 'permits',
      source: 'saved',
    });
    await app.call('import:discard', { uploadId: r.uploadId });
  });

  it('reads a damaged stored mapping as empty, and drops a target that no longer exists', async () => {
    const raw = rawOf(app.ctx);
    raw
      .prepare(
        `INSERT INTO import_mappings (uuid, name, columns_json, options_json, created_at, updated_at)
         VALUES ('6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', 'Rusak', '{not json', '[]', '2026-01-01', '2026-01-01'),
                ('7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', 'Lama', '{"nama usaha":"name","x":"noSuchField","y":5}',
                 '{"kbliVersion":"1990"}', '2026-01-01', '2026-01-01')`,
      )
      .run();
    const list = await app.call('import:mappings');
    expect(list.find((x) => x.name === 'Rusak')).toMatchObject({
      columns: {},
      options: { kbliVersion: '2020' },
    });
    expect(list.find((x) => x.name === 'Lama')!.columns).toEqual({ 'nama usaha': 'name' });
  });

  it('deletes a saved mapping (an operator may), records it, and refuses one already gone', async () => {
    const admin = app.ctx.session.user!;
    app.ctx.session.user = { ...admin, role: 'operator' };
    try {
      const saved = await app.call('import:mappingSave', {
        name: 'Format sekali pakai',
        headers: ['Nama Usaha', 'Nama Pemilik', 'Desa'],
        columns: [
          { index: 0, target: 'name' },
          { index: 1, target: 'ownerName' },
          { index: 2, target: 'villageName' },
        ],
        options: {},
      });
      expect((await app.call('import:mappings')).map((x) => x.id)).toContain(saved.id);
      expect(await app.call('import:mappingDelete', { id: saved.id })).toEqual({ ok: true });
      expect((await app.call('import:mappings')).map((x) => x.id)).not.toContain(saved.id);
      const audit = rawOf(app.ctx)
        .prepare(
          `SELECT action, before_json FROM audit_log WHERE table_name = 'import_mappings' AND record_id = ?
            ORDER BY id DESC LIMIT 1`,
        )
        .get(saved.id) as { action: string; before_json: string };
      expect(audit.action).toBe('delete');
      expect(JSON.parse(audit.before_json)).toEqual({ name: 'Format sekali pakai' });
      expect(await errorOf('import:mappingDelete', { id: saved.id })).toMatchObject({
        code: 'NOT_FOUND',
        message: 'import.errors.mappingGone',
      });
    } finally {
      app.ctx.session.user = admin;
    }
  });
});

describe('import history', () => {
  it('reads an import stored before its outcome was, or with a damaged summary, without counts', async () => {
    const raw = rawOf(app.ctx);
    const insert = raw.prepare(
      `INSERT INTO imports (uuid, file_name, status, rows_read, rows_imported, summary_json, mapping_json,
         started_at, created_at, updated_at)
       VALUES (?, ?, 'committed', 10, 7, ?, '{}', ?, ?, ?)`,
    );
    const at = '2020-01-01T00:00:00.000Z';
    insert.run('1a1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', 'lama.csv', '{"rows":10}', at, at, at);
    insert.run('2a1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', 'rusak.csv', '{"commit":{"created":"x"}', at, at, at);
    insert.run('3a1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', 'aneh.csv', '{"commit":{"created":-1}}', at, at, at);
    const history = await app.call('import:history', { offset: 0, limit: 100 });
    for (const f of ['lama.csv', 'rusak.csv', 'aneh.csv'])
      expect(
        history.items.find((i) => i.fileName === f),
        f,
      ).toMatchObject({ rowsImported: 7, outcome: null });
    raw.prepare(`DELETE FROM imports WHERE started_at = ?`).run(at);
  });
});

describe('dry run, decisions, commit, history and undo', () => {
  it('walks the whole import the way the screen does', async () => {
    const r = await send(readFileSync(m.file), 'Data IKM Kalisat.csv');
    const info = await app.call('import:inspect', { uploadId: r.uploadId });
    const columns = info.columns.map((c) => ({
      index: c.index,
      target: c.header === 'Keterangan' ? 'permits' : c.target,
    }));
    // a mapping without the business name is refused before anything runs
    expect(
      await errorOf('import:dryRun', {
        uploadId: r.uploadId,
        columns: columns.map((c) => (c.target === 'name' ? { ...c, target: null } : c)),
        options: {},
      }),
    ).toMatchObject({ code: 'VALIDATION', message: 'import.errors.mapping' });

    const dry = await startDryRun(app.ctx, {
      uploadId: r.uploadId,
      sheet: null,
      columns,
      options: DEFAULT_IMPORT_OPTIONS,
    });
    expect(await dry.done).toEqual(expectedSummary(m));
    const review = await app.call('import:review', { uploadId: r.uploadId });
    expect(review.summary).toEqual(expectedSummary(m));
    expect(review.reviewFile!.fileRel).toMatch(/^exports\/tinjauan-impor-.*\.xlsx$/);
    expect(existsSync(path.join(app.dataDir, review.reviewFile!.fileRel))).toBe(true);
    expect(review.duplicateGroups.total).toBe(m.expected.duplicateGroupsInFile);
    expect(review.registerRows.total).toBe(m.expected.duplicatesInRegister);

    // decisions: every desa as proposed (or as text), group 1 merged, the rest kept; repeats skipped
    const v = await app.call('import:villageGroups', { uploadId: r.uploadId });
    expect(v.villages.length).toBeGreaterThan(100);
    for (const g of v.groups)
      await app.call('import:chooseVillage', {
        uploadId: r.uploadId,
        villageText: g.villageText,
        code: g.proposal,
      });
    expect(
      await errorOf('import:chooseVillage', {
        uploadId: r.uploadId,
        villageText: v.groups[0]!.villageText,
        code: '11.01.01.2001',
      }),
    ).toMatchObject({ message: 'import.errors.villageNotInRegency' });
    const groups = await app.call('import:duplicateGroups', {
      uploadId: r.uploadId,
      limit: 50,
    });
    for (const g of groups.items)
      await app.call('import:chooseDuplicate', {
        uploadId: r.uploadId,
        kind: 'group',
        id: g.id,
        choice: g.id === 1 ? 'merge' : 'keep',
      });
    const reg = await app.call('import:registerRows', {
      uploadId: r.uploadId,
      limit: 50,
    });
    expect(reg.items[0]!.matches[0]!.registrationNumber).toMatch(/\d/);
    for (const x of reg.items)
      await app.call('import:chooseDuplicate', {
        uploadId: r.uploadId,
        kind: 'register',
        id: x.idx,
        choice: 'skip',
      });
    const decided = await app.call('import:review', { uploadId: r.uploadId });
    expect(decided.villageGroups.decided).toBe(decided.villageGroups.total);
    expect(decided.registerRows.decided).toBe(decided.registerRows.total);

    const before = rawOf(app.ctx)
      .prepare(`SELECT count(*) FROM businesses WHERE archived_at IS NULL`)
      .pluck()
      .get() as number;
    const c = await startCommit(app.ctx, r.uploadId);
    const result = await c.done;
    expect(result.cancelled).toBe(false);
    expect(result.skipped).toBe(m.expected.duplicatesInRegister);
    expect(result.merged).toBeGreaterThan(0);
    // the upload and its staging are gone: a second commit is refused
    expect(await errorOf('import:commit', { uploadId: r.uploadId })).toMatchObject({ code: 'NOT_FOUND' });

    const history = await app.call('import:history', {});
    expect(history.items[0]).toMatchObject({
      fileName: 'Data IKM Kalisat.csv',
      status: 'committed',
      rowsRead: m.expected.rows,
      rowsImported: result.created,
      userName: 'siti',
      // what the commit did with the rows, stored with the import
      outcome: {
        created: result.created,
        merged: result.merged,
        filled: result.filled,
        skipped: result.skipped,
        waiting: result.waiting,
      },
    });
    expect(result.created + result.merged + result.skipped + result.waiting).toBe(m.expected.rows);
    const undone = await app.call('import:undo', { importId: history.items[0]!.id });
    expect(undone.archived).toBe(result.created);
    const after = rawOf(app.ctx)
      .prepare(`SELECT count(*) FROM businesses WHERE archived_at IS NULL`)
      .pluck()
      .get() as number;
    expect(after).toBe(before);
    expect(await errorOf('import:undo', { importId: history.items[0]!.id })).toMatchObject({
      code: 'CONFLICT',
      message: 'import.errors.alreadyUndone',
    });
  }, 120_000);
});

describe('access', () => {
  it('refuses a viewer every import channel, before looking at the input', async () => {
    const admin = app.ctx.session.user!;
    app.ctx.session.user = { ...admin, role: 'viewer' };
    try {
      for (const name of Object.keys(channels).filter((n) => n.startsWith('import:')))
        expect(await errorOf(name, {}), name).toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      app.ctx.session.user = admin;
    }
  });
});
