import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { jsonOr } from '../../../shared/json';
import type { Selectable } from 'kysely';
import type { RawDb } from '../../../db/connection';
import type { ImportRecordTable } from '../../../db/schema';
import type { Actor } from '../../../db/queries/audit';
import { auditWriter, type AuditWriter } from './audit-writer';

/** an audit row's values but its reason */
type AuditRow = Parameters<AuditWriter> extends [...infer Row, string | null] ? Row : never;

/**
 * Undo of a whole import, in one transaction: the businesses it created are archived (nothing is deleted),
 * the owners it created too when no live business is left to them, and the register businesses it completed
 * get their earlier values back; each change audited with the reason "Impor <file> dibatalkan". Refused as a
 * whole (CONFLICT) once any of its records was changed after the import: undoing would drop a clerk's work.
 */
export interface UndoResult {
  archived: number;
  ownersArchived: number;
  reverted: number;
}

const zBefore = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

/** the columns of `import_records` the undo reads (the SELECT below) */
type RecordRow = Omit<Selectable<ImportRecordTable>, 'id' | 'import_id' | 'kept_json'>;

export function undoImport(raw: RawDb, importId: number, actor: Actor, now: string): UndoResult {
  return raw.transaction(() => {
    const imp = raw.prepare(`SELECT id, uuid, file_name, status FROM imports WHERE id = ?`).get(importId) as
      { id: number; uuid: string; file_name: string; status: string } | undefined;
    if (!imp) throw new AppError('NOT_FOUND', 'import.errors.notFound');
    if (imp.status === 'undone') throw new AppError('CONFLICT', 'import.errors.alreadyUndone');
    if (imp.status === 'committing') throw new AppError('CONFLICT', 'import.errors.stillRunning');
    const records = raw
      .prepare(
        `SELECT line, action, business_id, owner_id, business_version, owner_version, before_json
           FROM import_records WHERE import_id = ? AND action != 'merged' ORDER BY line`,
      )
      .all(importId) as RecordRow[];
    const business = raw.prepare(
      `SELECT id, uuid, version, registration_number, archived_at FROM businesses WHERE id = ?`,
    );
    const owner = raw.prepare(`SELECT id, uuid, version, archived_at FROM owners WHERE id = ?`);
    // nothing was changed since the import: check everything before writing anything
    for (const r of records) {
      const b = business.get(r.business_id) as { version: number; registration_number: string } | undefined;
      const o = r.owner_id ? (owner.get(r.owner_id) as { version: number } | undefined) : undefined;
      if (!b || b.version !== r.business_version || (r.owner_id && (!o || o.version !== r.owner_version)))
        throw new AppError('CONFLICT', 'import.errors.undoEdited', {
          params: { line: r.line, number: b?.registration_number ?? '' },
        });
    }
    const reason = `Impor ${imp.file_name} dibatalkan`;
    const audit = auditWriter(raw, actor, now);
    /** every audit row of the undo carries its reason */
    const write = (...row: AuditRow) => audit(...row, reason);
    const archiveBusiness = raw.prepare(
      `UPDATE businesses SET archived_at = ?, version = version + 1, updated_at = ? WHERE id = ?`,
    );
    const archiveOwner = raw.prepare(
      `UPDATE owners SET archived_at = ?, version = version + 1, updated_at = ? WHERE id = ?`,
    );
    const liveOthers = raw
      .prepare(`SELECT count(*) FROM businesses WHERE owner_id = ? AND archived_at IS NULL`)
      .pluck();
    const columns = new Set(
      (raw.prepare(`SELECT name FROM pragma_table_info('businesses')`).pluck().all() as string[]).filter(
        (c) => !['id', 'uuid', 'version', 'created_at', 'updated_at', 'archived_at', 'owner_id'].includes(c),
      ),
    );
    const out: UndoResult = { archived: 0, ownersArchived: 0, reverted: 0 };
    const owners: number[] = [];
    for (const r of records) {
      const b = business.get(r.business_id) as { id: number; uuid: string; archived_at: string | null };
      if (r.action === 'created') {
        if (b.archived_at === null) {
          archiveBusiness.run(now, now, b.id);
          write('businesses', b.id, b.uuid, 'archive', { archived_at: null }, { archived_at: now });
          out.archived++;
        }
        if (r.owner_id) owners.push(r.owner_id);
      } else if (r.action === 'filled' && r.before_json) {
        const before = jsonOr(zBefore, r.before_json, {});
        // only real columns: the stored names are data, never trusted as SQL
        const cols = Object.keys(before).filter((c) => columns.has(c));
        if (!cols.length) continue;
        const current = raw
          .prepare(`SELECT ${cols.join(', ')} FROM businesses WHERE id = ?`)
          .get(b.id) as Record<string, unknown>;
        raw
          .prepare(
            `UPDATE businesses SET ${cols.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ? WHERE id = ?`,
          )
          .run(...cols.map((c) => before[c] ?? null), now, b.id);
        write('businesses', b.id, b.uuid, 'update', current, before);
        out.reverted++;
      }
    }
    for (const id of owners) {
      if ((liveOthers.get(id) as number) > 0) continue;
      const o = owner.get(id) as { id: number; uuid: string; archived_at: string | null };
      if (o.archived_at !== null) continue;
      archiveOwner.run(now, now, id);
      write('owners', o.id, o.uuid, 'archive', { archived_at: null }, { archived_at: now });
      out.ownersArchived++;
    }
    raw
      .prepare(
        `UPDATE imports SET status = 'undone', undone_at = ?, undone_by = ?, updated_at = ? WHERE id = ?`,
      )
      .run(now, actor.name, now, importId);
    return out;
  })();
}
