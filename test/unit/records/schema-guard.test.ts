import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { migrations } from '../../../db/migrations/index';
import { businessRecord, ownerRecord } from '../../../shared/records/business';
import { defineRecord, f } from '../../../shared/records/field';
import { declaredTables, recordDrift, schemaDrift } from './schema-guard';

/** Every field table of the app: a new record adds its line here. */
const RECORDS = [ownerRecord, businessRecord];

const schemaSource = readFileSync(new URL('../../../db/schema.ts', import.meta.url), 'utf8');

describe('schema guard: migrations, db/schema.ts and the field tables agree', () => {
  let raw: Database.Database;
  beforeAll(async () => {
    raw = new Database(':memory:');
    await migrate(raw, { migrations });
  });

  it('db/schema.ts describes every table and column of a freshly migrated database, with its nullability', () => {
    expect(schemaDrift(raw, declaredTables(schemaSource))).toEqual([]);
  });

  it('every field of every field table has its column in db/schema.ts, nullable exactly when it may be empty', () => {
    const declared = declaredTables(schemaSource);
    expect(RECORDS.flatMap((r) => recordDrift(r, declared))).toEqual([]);
  });

  it('fails on a drifted db/schema.ts: a column missing, one too many, a wrong null, a table missing', () => {
    const drifted = schemaSource
      .replace('  brand: string | null;\n', '')
      .replace('  sentra: string | null;\n', '  sentra: string | null;\n  mascot: string | null;\n')
      .replace('  registration_date: string;\n', '  registration_date: string | null;\n')
      .replace('  search_vocab: SearchVocabTable;\n', '');
    expect(drifted).not.toBe(schemaSource);
    expect(schemaDrift(raw, declaredTables(drifted))).toEqual([
      'table search_vocab: in the database, not in db/schema.ts',
      'businesses.brand: in the database, not in db/schema.ts',
      'businesses.registration_date: NOT NULL in the database, nullable in db/schema.ts',
      'businesses.mascot: in db/schema.ts, not in the database',
    ]);
  });

  it('fails on a migration that adds a column db/schema.ts does not have', () => {
    const db = new Database(raw.serialize());
    db.exec('ALTER TABLE owners ADD COLUMN email TEXT');
    expect(schemaDrift(db, declaredTables(schemaSource))).toEqual([
      'owners.email: in the database, not in db/schema.ts',
    ]);
  });

  it('fails on a field table out of step with db/schema.ts', () => {
    const declared = declaredTables(schemaSource);
    const drifted = defineRecord({
      name: 'business',
      table: 'businesses',
      fields: [
        ...businessRecord.fields.filter((x) => x.key !== 'brand'),
        f.text('mascot', { max: 50 }),
        f.text('brand', { required: true }),
      ],
    });
    expect(recordDrift(drifted, declared)).toEqual([
      'business.mascot: column businesses.mascot is not in db/schema.ts',
      'business.brand: the field never stores null, businesses.brand is nullable',
    ]);
  });
});
