import ts from 'typescript';
import type { RawDb } from '../../../db/connection';
import type { AnyRecord } from '../../../shared/records/field';

/**
 * The schema guard (after Actual Budget's `schema-guard`): the database the migrations build, the types in
 * db/schema.ts and the field tables must agree. db/schema.ts is read with the TypeScript compiler API, so
 * the check follows the file itself, not a second hand-kept list.
 */

export interface DeclaredColumn {
  name: string;
  /** the declared type admits null */
  nullable: boolean;
}

/** Tables of the migrated database that db/schema.ts does not describe on purpose: FTS5 and its shadows. */
export const UNTYPED_TABLE = /_fts(_(config|data|docsize|idx|content))?$/;

/** table name (from `interface DB`) → its declared columns (own members and those of `extends`). */
export function declaredTables(source: string): Map<string, DeclaredColumn[]> {
  const file = ts.createSourceFile('schema.ts', source, ts.ScriptTarget.Latest, true);
  const shapes = new Map<string, { members: ts.NodeArray<ts.TypeElement>; bases: string[] }>();
  const visit = (node: ts.Node) => {
    if (ts.isInterfaceDeclaration(node)) {
      const bases = (node.heritageClauses ?? []).flatMap((h) =>
        h.types.map((t) => t.expression.getText(file)),
      );
      shapes.set(node.name.text, { members: node.members, bases });
    } else if (ts.isTypeAliasDeclaration(node) && ts.isTypeLiteralNode(node.type)) {
      shapes.set(node.name.text, { members: node.type.members, bases: [] });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);

  const columnsOf = (name: string): DeclaredColumn[] => {
    const s = shapes.get(name);
    if (!s) throw new Error(`db/schema.ts: ${name} is not declared`);
    const own = s.members.filter(ts.isPropertySignature).map((m) => ({
      name: m.name.getText(file),
      nullable: /\bnull\b/.test(m.type?.getText(file) ?? ''),
    }));
    return [...s.bases.flatMap(columnsOf), ...own];
  };

  const db = shapes.get('DB');
  if (!db) throw new Error('db/schema.ts: interface DB not found');
  const out = new Map<string, DeclaredColumn[]>();
  for (const m of db.members.filter(ts.isPropertySignature)) {
    const ref = m.type && ts.isTypeReferenceNode(m.type) ? m.type.typeName.getText(file) : null;
    if (!ref) throw new Error(`db/schema.ts: DB.${m.name.getText(file)} is not a table interface`);
    out.set(m.name.getText(file), columnsOf(ref));
  }
  return out;
}

interface ActualColumn {
  name: string;
  notnull: number;
  pk: number;
  /** 2, 3: generated column (SQLite never declares those NOT NULL) */
  hidden: number;
}

/** Every difference between the migrated database and db/schema.ts, as readable lines (none: they agree). */
export function schemaDrift(raw: RawDb, declared: Map<string, DeclaredColumn[]>): string[] {
  const problems: string[] = [];
  const tables = (
    raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]
  )
    .filter((t) => !t.startsWith('sqlite_') && !UNTYPED_TABLE.test(t))
    .sort();
  for (const t of tables)
    if (!declared.has(t)) problems.push(`table ${t}: in the database, not in db/schema.ts`);
  for (const [table, cols] of declared) {
    if (!tables.includes(table)) {
      problems.push(`table ${table}: in db/schema.ts, not in the database`);
      continue;
    }
    // table_xinfo also lists generated columns (hidden 2 and 3)
    const actual = raw.prepare(`PRAGMA table_xinfo(${JSON.stringify(table)})`).all() as ActualColumn[];
    const byName = new Map(actual.map((c) => [c.name, c]));
    const declaredNames = new Set(cols.map((c) => c.name));
    for (const c of actual)
      if (!declaredNames.has(c.name))
        problems.push(`${table}.${c.name}: in the database, not in db/schema.ts`);
    for (const c of cols) {
      const a = byName.get(c.name);
      if (!a) {
        problems.push(`${table}.${c.name}: in db/schema.ts, not in the database`);
        continue;
      }
      if (a.pk) continue; // INTEGER PRIMARY KEY: never null, though PRAGMA says notnull = 0
      if (a.hidden >= 2) continue; // generated: SQLite cannot declare it NOT NULL; its expression decides
      if (a.notnull === 1 && c.nullable)
        problems.push(`${table}.${c.name}: NOT NULL in the database, nullable in db/schema.ts`);
      if (a.notnull === 0 && !c.nullable)
        problems.push(`${table}.${c.name}: nullable in the database, not in db/schema.ts`);
    }
  }
  return problems;
}

/** Every column of a field table missing from db/schema.ts's table, or whose nullability differs. */
export function recordDrift(record: AnyRecord, declared: Map<string, DeclaredColumn[]>): string[] {
  const cols = declared.get(record.table);
  if (!cols) return [`record ${record.name}: table ${record.table} is not in db/schema.ts`];
  const byName = new Map(cols.map((c) => [c.name, c]));
  const problems: string[] = [];
  for (const f of record.fields) {
    const c = byName.get(f.column);
    if (!c) {
      problems.push(`${record.name}.${f.key}: column ${record.table}.${f.column} is not in db/schema.ts`);
      continue;
    }
    // the field stores null when empty exactly when the column may hold null
    const parsed = f.schema.safeParse(null) as { success: boolean; data?: unknown };
    const storesNull = parsed.success && parsed.data === null;
    if (storesNull !== c.nullable)
      problems.push(
        `${record.name}.${f.key}: the field ${storesNull ? 'stores' : 'never stores'} null, ${record.table}.${f.column} is ${c.nullable ? 'nullable' : 'not nullable'}`,
      );
  }
  return problems;
}
