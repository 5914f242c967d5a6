import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_OPTIONS } from '../../../shared/import/clean';
import { proposeMapping } from '../../../shared/import/headers';
import type { BusinessDetail } from '../../../shared/schemas/business';
import { rawOf } from '../../../electron/app/context';
import { commitImport } from '../../../electron/services/import/commit';
import { dryRunFile } from '../../../electron/services/import/dry-run';
import { openSource } from '../../../electron/services/import/source';
import { Staging } from '../../../electron/services/import/staging';
import { undoImport } from '../../../electron/services/import/undo';
import { newRecordUuid } from '../../../db/record-uuid';
import { filledImage } from '../../../electron/services/business-record';
import { REPORT_COUNTS_BACKFILL_LATEST as REPORT_COUNTS_BACKFILL } from '../../../db/migrations/017_reports_rule_coverage';
import { makeTestApp, TEST_SETUP, type TestApp } from '../../fixtures/app';
import {
  acceptVillageProposals,
  defaultSpec,
  messyImportInRegister,
  type MessyFile,
} from '../../fixtures/messy-import';

const office = { regencyCode: TEST_SETUP.office.regencyCode, districtCode: TEST_SETUP.office.districtCode };
const actor = { id: 1, name: 'Siti Aminah' };
const labels = {
  ownerNik: 'NIK pemilik',
  ownerPhone: 'Telepon',
  workersTotal: 'Tenaga kerja (jumlah)',
  permits: 'Izin',
};

describe('commit and undo of an import', () => {
  let app: TestApp;
  let dir: string;
  let m: MessyFile;
  let staging: Staging;
  const uuid = '0b7e3f1c-8f0e-4c6b-9a51-2d3c4b5a6f70';

  beforeAll(async () => {
    app = await makeTestApp();
    dir = mkdtempSync(path.join(os.tmpdir(), 'import-commit-'));
    m = await messyImportInRegister(app.call, defaultSpec(200, { seed: 5 }), path.join(dir, 'messy.csv'));
    const src = await openSource(m.file);
    const columns = proposeMapping(src.info.headers).map((c) => ({ index: c.index, target: c.target }));
    const { dryRun } = await dryRunFile(rawOf(app.ctx), office, {
      file: m.file,
      columns,
      options: DEFAULT_IMPORT_OPTIONS,
    });
    staging = Staging.create(dir, uuid);
    staging.writeDryRun(dryRun);
  });
  afterAll(async () => {
    staging.close();
    await app.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const raw = () => rawOf(app.ctx);
  const count = (sql: string, ...p: unknown[]) =>
    raw()
      .prepare(sql)
      .pluck()
      .get(...p) as number;

  it('keeps the staged rows in pages of 64 KiB (written once, read in order)', () => {
    expect(staging.db.pragma('page_size', { simple: true })).toBe(65536);
    expect(staging.count()).toBe(m.expected.rows);
  });

  it('writes nothing for rows still waiting for a decision', async () => {
    const before = count(`SELECT count(*) FROM businesses`);
    const r = await commitImport(raw(), staging, spec(), { batch: 50 });
    // rows without a decision wait; the others are created
    expect(r.waiting).toBe(m.expected.blocked);
    expect(r.created).toBe(m.expected.rows - m.expected.blocked);
    expect(count(`SELECT count(*) FROM businesses`)).toBe(before + r.created);
    undoImport(raw(), r.importId, actor, new Date().toISOString());
    expect(count(`SELECT count(*) FROM businesses WHERE archived_at IS NULL`)).toBe(before);
  });

  it('gives its records time-ordered uuids and puts the automatic checkpoint back', async () => {
    const auto = raw().pragma('wal_autocheckpoint', { simple: true });
    const r = await commitImport(raw(), staging, { ...spec(), importUuid: newRecordUuid() }, { batch: 50 });
    expect(r.created).toBeGreaterThan(50);
    expect(raw().pragma('wal_autocheckpoint', { simple: true })).toBe(auto);
    const uuids = (sql: string) => raw().prepare(sql).pluck().all(r.importId) as string[];
    const businesses = uuids(`SELECT b.uuid FROM import_records ir JOIN businesses b ON b.id = ir.business_id
      WHERE ir.import_id = ? AND ir.action = 'created' ORDER BY b.id`);
    const audits =
      uuids(`SELECT a.uuid FROM audit_log a JOIN import_records ir ON ir.business_id = a.record_id
      WHERE ir.import_id = ? AND a.table_name = 'businesses' AND a.action = 'imported' ORDER BY a.id`);
    // the creation images hold the fields the row filled: no nulls, no empty lists; 0 is a value
    const images = raw()
      .prepare(
        `SELECT a.after_json FROM audit_log a JOIN import_records ir ON ir.business_id = a.record_id
          WHERE ir.import_id = ? AND a.table_name = 'businesses' AND a.action = 'imported'`,
      )
      .pluck()
      .all(r.importId) as string[];
    for (const json of images) {
      const image = JSON.parse(json) as Record<string, unknown>;
      expect(image).toMatchObject({ file: 'messy.csv', name: expect.any(String) });
      for (const v of Object.values(image)) {
        expect(v).not.toBeNull();
        expect(Array.isArray(v) && v.length === 0).toBe(false);
      }
    }
    expect(
      filledImage({ brand: null, workers_male: 0, constraints_json: '[]', needs_json: '["modal"]' }),
    ).toEqual({ workers_male: 0, needs_json: ['modal'] });
    // a JSON column holding null is empty too; what is given first stays first
    expect(
      Object.keys(filledImage({ name: 'Tahu', x_json: 'null' }, { registration_number: 'IKM-1' })),
    ).toEqual(['registration_number', 'name']);
    for (const list of [businesses, audits]) {
      expect(list.length).toBe(r.created);
      // RFC 9562 version 7: the time in the first 48 bits, so the unique index grows at its end
      for (const u of list)
        expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const times = list.map((u) => u.slice(0, 13));
      expect(times).toEqual([...times].sort());
    }
    undoImport(raw(), r.importId, actor, new Date().toISOString());
  });

  it('takes a damaged staged row as waiting, not as a record, and goes on', async () => {
    // the staging file is outside the running code: a row whose values are not a JSON object is not imported
    const copy = Staging.create(dir, '1b7e3f1c-8f0e-4c6b-9a51-2d3c4b5a6f70');
    copy.db.exec(`ATTACH '${staging.file}' AS src; INSERT INTO rows SELECT * FROM src.rows; DETACH src`);
    const ready = copy.db
      .prepare(`SELECT idx FROM rows WHERE needs = 0 AND validated = 1 ORDER BY idx LIMIT 4`)
      .pluck()
      .all() as number[];
    expect(ready).toHaveLength(4);
    const damage = copy.db.prepare(`UPDATE rows SET values_json = ? WHERE idx = ?`);
    ['[1, 2]', 'null', '"Tahu"', '{"name": '].forEach((json, i) => damage.run(json, ready[i]!));
    const before = count(`SELECT count(*) FROM businesses`);
    const r = await commitImport(raw(), copy, { ...spec(), importUuid: newRecordUuid() }, { batch: 50 });
    expect(r.waiting).toBe(m.expected.blocked + 4);
    expect(r.created).toBe(m.expected.rows - m.expected.blocked - 4);
    expect(count(`SELECT count(*) FROM businesses`)).toBe(before + r.created);
    undoImport(raw(), r.importId, actor, new Date().toISOString());
    copy.remove();
  });

  it('applies village, group and register decisions, records history, and undoes as a whole', async () => {
    // desa: accept the proposal where there is one, else keep the name as written
    acceptVillageProposals(staging);
    const groups = staging.duplicateGroups();
    const choices = ['keep', 'merge', 'skip'] as const;
    groups.forEach((g, i) => staging.setGroupChoice(g.id, choices[i % 3]!));
    const reg = staging.registerRows();
    reg.forEach((r, i) => staging.setRegisterChoice(r.row.idx, choices[i % 3]!));

    const live = count(`SELECT count(*) FROM businesses WHERE archived_at IS NULL`);
    const audits = count(`SELECT count(*) FROM audit_log`);
    const progress: number[] = [];
    const r = await commitImport(
      raw(),
      staging,
      { ...spec(), importUuid: '1b7e3f1c-8f0e-4c6b-9a51-2d3c4b5a6f70' },
      {
        batch: 40,
        onProgress: (p) => progress.push(p.done),
      },
    );
    expect(progress).toEqual([40, 80, 120, 160, 200]);
    const missing = m.expected.missingName;
    const skippedGroups = groups.filter((_, i) => i % 3 === 2);
    const mergedGroups = groups.filter((_, i) => i % 3 === 1);
    const regSkip = reg.filter((_, i) => i % 3 === 2).length;
    const regFill = reg.filter((_, i) => i % 3 === 1).length;
    expect(r.waiting).toBe(missing);
    expect(r.filled).toBe(regFill);
    expect(r.merged).toBe(mergedGroups.reduce((n, g) => n + g.rows.length - 1, 0));
    expect(r.skipped).toBe(skippedGroups.reduce((n, g) => n + g.rows.length, 0) + regSkip);
    expect(r.created).toBe(m.expected.rows - missing - r.merged - r.skipped - r.filled);
    expect(count(`SELECT count(*) FROM businesses WHERE archived_at IS NULL`)).toBe(live + r.created);
    // an audit row per business created and per owner created, at least
    expect(count(`SELECT count(*) FROM audit_log`)).toBeGreaterThan(audits + r.created);
    // registration numbers: unique, without gaps
    const nums = raw()
      .prepare(
        `SELECT registration_number FROM businesses b JOIN import_records ir ON ir.business_id = b.id
                 WHERE ir.import_id = ? AND ir.action = 'created' ORDER BY ir.line`,
      )
      .pluck()
      .all(r.importId) as string[];
    const seqs = nums.map((n) => Number(n.slice(-5))).sort((a, b) => a - b);
    expect(seqs.at(-1)! - seqs[0]! + 1).toBe(seqs.length);
    expect(raw().prepare(`SELECT status, rows_imported FROM imports WHERE id = ?`).get(r.importId)).toEqual({
      status: 'committed',
      rows_imported: r.created + r.filled,
    });

    // an imported business: its history says where it came from
    const rec = raw()
      .prepare(
        `SELECT business_id, line FROM import_records WHERE import_id = ? AND action = 'created' ORDER BY line LIMIT 1`,
      )
      .get(r.importId) as { business_id: number; line: number };
    const history = await app.call('business:history', { id: rec.business_id });
    const imported = history.filter((e) => e.kind === 'imported');
    expect(imported).toHaveLength(1);
    expect(imported[0]!.params).toMatchObject({ file: 'messy.csv', line: String(rec.line) });
    expect(imported[0]!.params.registration_number).toMatch(/^IKM-350927-2026-\d{5}$/);
    expect(imported[0]!.reason).toBe(`Diimpor dari messy.csv, baris ${rec.line}`);

    // a damaged NIK: empty on the record, its file value in the notes
    const damaged = m.rows.find((x) => x.problem === 'nikScientific')!;
    const dmg = raw()
      .prepare(
        `SELECT b.notes, o.nik FROM import_records ir JOIN businesses b ON b.id = ir.business_id
           JOIN owners o ON o.id = b.owner_id WHERE ir.import_id = ? AND ir.line = ?`,
      )
      .get(r.importId, damaged.line) as { notes: string; nik: string | null };
    expect(dmg.nik).toBeNull();
    expect(dmg.notes).toMatch(/NIK pemilik: 3[.,]\d+E\+15/);

    // rows of one person (same NIK) kept as two businesses share one owner
    const kept = groups.filter(
      (g, i) => i % 3 === 0 && g.rows[0]!.values.ownerNik === g.rows[1]!.values.ownerNik,
    );
    expect(kept.length).toBeGreaterThan(0);
    for (const g of kept) {
      const owners = raw()
        .prepare(
          `SELECT DISTINCT b.owner_id FROM import_records ir JOIN businesses b ON b.id = ir.business_id
            WHERE ir.import_id = ? AND ir.line IN (?, ?)`,
        )
        .all(r.importId, g.rows[0]!.line, g.rows[1]!.line);
      expect(owners).toHaveLength(1);
    }

    // an edit blocks the undo; nothing is changed by the refusal
    const detail = await app.call('business:get', { id: rec.business_id });
    const edited = await app.call('business:update', {
      ...formOf(detail),
      brand: 'Merek Baru',
      reason: 'koreksi',
    });
    expect(edited.version).toBe(2);
    expect(() => undoImport(raw(), r.importId, actor, new Date().toISOString())).toThrow(/CONFLICT/);
    expect(count(`SELECT count(*) FROM businesses WHERE archived_at IS NULL`)).toBe(live + r.created);
  });

  it('undoes an import nobody edited: archived, owners too, completed records restored, all audited', async () => {
    for (const g of staging.villageGroups())
      staging.setVillageChoice(g.villageText, { code: null, name: g.written });
    const live = count(`SELECT count(*) FROM businesses WHERE archived_at IS NULL`);
    const liveOwners = count(`SELECT count(*) FROM owners WHERE archived_at IS NULL`);
    const r = await commitImport(raw(), staging, {
      ...spec(),
      importUuid: '2b7e3f1c-8f0e-4c6b-9a51-2d3c4b5a6f70',
    });
    const filled = raw()
      .prepare(
        `SELECT business_id, before_json FROM import_records WHERE import_id = ? AND action = 'filled'`,
      )
      .all(r.importId) as { business_id: number; before_json: string }[];
    const u = undoImport(raw(), r.importId, actor, new Date().toISOString());
    expect(u.archived).toBe(r.created);
    expect(u.reverted).toBe(filled.filter((f) => f.before_json !== '{}').length);
    expect(count(`SELECT count(*) FROM businesses WHERE archived_at IS NULL`)).toBe(live);
    expect(count(`SELECT count(*) FROM owners WHERE archived_at IS NULL`)).toBe(liveOwners);
    for (const f of filled) {
      const before = JSON.parse(f.before_json) as Record<string, unknown>;
      const now = raw().prepare(`SELECT * FROM businesses WHERE id = ?`).get(f.business_id) as Record<
        string,
        unknown
      >;
      for (const [k, v] of Object.entries(before)) expect(now[k]).toEqual(v);
    }
    expect(
      count(`SELECT count(*) FROM audit_log WHERE reason = 'Impor messy.csv dibatalkan'`),
    ).toBeGreaterThanOrEqual(u.archived + u.ownersArchived + u.reverted);
    expect(() => undoImport(raw(), r.importId, actor, new Date().toISOString())).toThrow(/CONFLICT/);
  });

  it('keeps the report counts equal to a full recount: batches counted at once, fills, undo', async () => {
    // every kind of decision: created, merged, skipped, and register records completed (fill: an update)
    const choices = ['keep', 'merge', 'skip'] as const;
    staging.duplicateGroups().forEach((g, i) => staging.setGroupChoice(g.id, choices[i % 3]!));
    staging.registerRows().forEach((r, i) => staging.setRegisterChoice(r.row.idx, choices[(i + 1) % 3]!));
    const r = await commitImport(
      raw(),
      staging,
      { ...spec(), importUuid: '3c7e3f1c-8f0e-4c6b-9a51-2d3c4b5a6f70' },
      { batch: 37 },
    );
    expect(r.created).toBeGreaterThan(100);
    expect(r.filled).toBeGreaterThan(0);
    expect(count(`SELECT count(*) FROM report_counts_hold`)).toBe(0);
    // the search queue and the permit gap lists, filled per batch under the hold (migration 018), hold
    // exactly what the per-row triggers would: every business inserted queued, every live one without
    // permits on the gap list, the food ones on the food list
    expect(
      count(`SELECT count(*) FROM import_records WHERE action = 'created'
        AND business_id NOT IN (SELECT business_id FROM search_queue)`),
    ).toBe(0);
    expect(
      count(`SELECT count(*) FROM businesses b WHERE (b.archived_at IS NULL AND b.merged_into_id IS NULL
        AND b.permits_held = 0) <> EXISTS (SELECT 1 FROM permit_gap_none g WHERE g.business_id = b.id
        AND g.village_code IS b.village_code AND g.kbli_code IS b.kbli_code)`),
    ).toBe(0);
    expect(
      count(`SELECT count(*) FROM businesses b WHERE (b.archived_at IS NULL AND b.merged_into_id IS NULL
        AND b.food_permits_held = 0 AND b.kbli_code >= '10' AND b.kbli_code < '12')
        <> EXISTS (SELECT 1 FROM permit_gap_food g WHERE g.business_id = b.id)`),
    ).toBe(0);
    const recount = () => {
      raw().exec(
        'CREATE TEMP TABLE fresh_counts (dim, month, village, key, n, PRIMARY KEY (dim, month, village, key))',
      );
      raw().exec(REPORT_COUNTS_BACKFILL.replaceAll('report_counts', 'fresh_counts'));
      const diff = raw()
        .prepare(
          `SELECT 'kept' AS side, * FROM (SELECT dim, month, village, key, n FROM report_counts WHERE n <> 0
             EXCEPT SELECT dim, month, village, key, n FROM temp.fresh_counts)
           UNION ALL
           SELECT 'recount', * FROM (SELECT dim, month, village, key, n FROM temp.fresh_counts
             EXCEPT SELECT dim, month, village, key, n FROM report_counts WHERE n <> 0)`,
        )
        .all();
      const rows = count(`SELECT count(*) FROM temp.fresh_counts`);
      raw().exec('DROP TABLE temp.fresh_counts');
      return { diff, rows };
    };
    const after = recount();
    expect(after.rows).toBeGreaterThan(20);
    expect(after.diff).toEqual([]);
    undoImport(raw(), r.importId, actor, new Date().toISOString());
    expect(recount().diff).toEqual([]);
  });

  function spec() {
    return {
      importUuid: uuid,
      fileName: 'messy.csv',
      sheet: null,
      mapping: null,
      actor,
      now: new Date().toISOString(),
      today: '2026-12-02',
      districtCode: office.districtCode,
      labels,
    };
  }
});

/** The update input of a record as the edit form sends it. */
function formOf(d: BusinessDetail) {
  const o = d.owner;
  return {
    id: d.id,
    version: d.version,
    ownerVersion: o.version,
    existingOwnerId: null,
    ownerName: o.name,
    ownerNik: o.nik,
    ownerSex: o.sex,
    ownerBirthDate: o.birthDate,
    ownerBirthPlace: o.birthPlace,
    ownerPhone: o.phone,
    ownerStreet: o.street,
    ownerRt: o.rt,
    ownerRw: o.rw,
    ownerVillageCode: o.villageCode,
    ownerVillageName: o.villageName,
    name: d.name,
    products: d.products,
    brand: d.brand,
    kbliCode: d.kbliCode,
    kbliVersion: d.kbliVersion,
    sentra: d.sentra,
    street: d.street,
    rt: d.rt,
    rw: d.rw,
    villageCode: d.villageCode,
    villageName: d.villageName,
    yearStarted: d.yearStarted,
    workersMale: d.workersMale,
    workersFemale: d.workersFemale,
    investment: d.investment,
    investmentLandBuilding: d.investmentLandBuilding,
    capital: d.capital,
    annualTurnover: d.annualTurnover,
    turnoverYear: d.turnoverYear,
    productionCapacity: d.productionCapacity,
    capacityUnit: d.capacityUnit,
    rawMaterials: d.rawMaterials,
    energyUse: d.energyUse,
    waterUse: d.waterUse,
    legalForm: d.legalForm,
    npwp: d.npwp,
    npwpSameAsNik: d.npwpSameAsNik,
    status: d.status,
    statusReason: d.statusReason,
    constraints: d.constraints,
    needs: d.needs,
    notes: d.notes,
  };
}
