/**
 * Saved column mappings (the `import_mappings` table of migration 009), reused by name on the next file of
 * the same shape. A mapping is stored by header in its folded form (mapping.ts), so "Nm. Pemilik" and
 * "NM PEMILIK" are one header. What is read back is parsed with the mapping's schema: a damaged row reads as
 * an empty mapping (the proposals apply), never as an error, and a target that no longer exists is dropped.
 */
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { jsonOr } from '../../../shared/json';
import { DEFAULT_IMPORT_OPTIONS } from '../../../shared/import/clean';
import { importOptionsSchema, mappingToSave, type SavedMapping } from '../../../shared/import/mapping';
import { mappingProblems, TARGETS_BY_KEY, type ColumnTarget } from '../../../shared/import/targets';
import type { SavedMappingItem } from '../../../shared/schemas/import';
import type { RawDb } from '../../../db/connection';
import type { Actor } from '../../../db/queries/audit';
import { auditWriter } from './audit-writer';

interface MappingRow {
  id: number;
  uuid: string;
  name: string;
  columns_json: string;
  options_json: string;
  updated_at: string;
}

/** Each stored entry on its own: one bad target does not lose the others. */
const zStoredColumns = z.record(z.string().max(200), z.unknown());

function readColumns(text: string): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [h, t] of Object.entries(jsonOr(zStoredColumns, text, {}))) {
    if (t === null) out[h] = null;
    else if (typeof t === 'string' && TARGETS_BY_KEY.has(t)) out[h] = t;
  }
  return out;
}

function item(r: MappingRow): SavedMappingItem {
  return {
    id: r.id,
    name: r.name,
    columns: readColumns(r.columns_json),
    options: jsonOr(importOptionsSchema, r.options_json, DEFAULT_IMPORT_OPTIONS),
    updatedAt: r.updated_at,
  };
}

export function listMappings(raw: RawDb): SavedMappingItem[] {
  const rows = raw
    .prepare(
      `SELECT id, uuid, name, columns_json, options_json, updated_at FROM import_mappings ORDER BY name`,
    )
    .all() as MappingRow[];
  return rows.map(item);
}

export function savedMapping(raw: RawDb, id: number): SavedMapping {
  const r = raw
    .prepare(
      `SELECT id, uuid, name, columns_json, options_json, updated_at FROM import_mappings WHERE id = ?`,
    )
    .get(id) as MappingRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'import.errors.mappingGone');
  const m = item(r);
  return { columns: m.columns, options: m.options };
}

/** Saves (or, under a name already used, replaces) a mapping; audited like any other write. */
export function saveMapping(
  raw: RawDb,
  input: {
    name: string;
    headers: string[];
    columns: ColumnTarget[];
    options: SavedMapping['options'];
  },
  env: { actor: Actor; now: string; uuid: string },
): SavedMappingItem {
  if (mappingProblems(input.columns).unknown.length)
    throw new AppError('VALIDATION', 'import.errors.mapping');
  const m = mappingToSave(input.headers, input.columns, input.options);
  const audit = auditWriter(raw, env.actor, env.now);
  return raw.transaction(() => {
    const old = raw.prepare(`SELECT id, uuid FROM import_mappings WHERE name = ?`).get(input.name) as
      { id: number; uuid: string } | undefined;
    let id: number;
    let uuid: string;
    if (old) {
      raw
        .prepare(`UPDATE import_mappings SET columns_json = ?, options_json = ?, updated_at = ? WHERE id = ?`)
        .run(JSON.stringify(m.columns), JSON.stringify(m.options), env.now, old.id);
      ({ id, uuid } = old);
    } else {
      uuid = env.uuid;
      id = Number(
        raw
          .prepare(
            `INSERT INTO import_mappings (uuid, name, columns_json, options_json, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(uuid, input.name, JSON.stringify(m.columns), JSON.stringify(m.options), env.now, env.now)
          .lastInsertRowid,
      );
    }
    audit(
      'import_mappings',
      id,
      uuid,
      old ? 'update' : 'create',
      undefined,
      { name: input.name, ...m },
      null,
    );
    return listMappings(raw).find((x) => x.id === id)!;
  })();
}

export function deleteMapping(raw: RawDb, id: number, env: { actor: Actor; now: string }): { ok: true } {
  const audit = auditWriter(raw, env.actor, env.now);
  raw.transaction(() => {
    const old = raw.prepare(`SELECT id, uuid, name FROM import_mappings WHERE id = ?`).get(id) as
      { id: number; uuid: string; name: string } | undefined;
    if (!old) throw new AppError('NOT_FOUND', 'import.errors.mappingGone');
    raw.prepare(`DELETE FROM import_mappings WHERE id = ?`).run(id);
    audit('import_mappings', id, old.uuid, 'delete', { name: old.name }, undefined, null);
  })();
  return { ok: true };
}
