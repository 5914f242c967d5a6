import type { RawDb } from '../../../db/connection';
import { newRecordUuid } from '../../../db/record-uuid';
import type { Actor } from '../../../db/queries/audit';

/**
 * The audit row of a bulk write (import, undo) on a prepared statement: the same columns `writeAudit`
 * fills, for code that runs on better-sqlite3 directly inside its own transaction.
 */
export type AuditWriter = (
  table: string,
  id: number,
  uuid: string,
  action: string,
  before: unknown,
  after: unknown,
  reason: string | null,
) => void;

export function auditWriter(raw: RawDb, actor: Actor, now: string): AuditWriter {
  const insert = raw.prepare(`INSERT INTO audit_log (uuid, at, user_id, user_name, table_name, record_id,
    record_uuid, action, before_json, after_json, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  return (table, id, uuid, action, before, after, reason) => {
    insert.run(
      newRecordUuid(),
      now,
      actor.id,
      actor.name,
      table,
      id,
      uuid,
      action,
      before === undefined ? null : JSON.stringify(before),
      after === undefined ? null : JSON.stringify(after),
      reason,
    );
  };
}
