import type { z } from 'zod';
import {
  AUDIT_EXPORT_MAX,
  type AuditChange,
  type AuditEntryView,
  type AuditExport,
  type AuditFilters,
  type AuditPage,
  type auditQuerySchema,
} from '../../shared/schemas/accounts';
import { maskDeep } from '../../shared/privacy/mask';
import type { Db } from '../../db/connection';
import type { AuditRow } from '../../db/schema';

/**
 * The audit viewer (admin): who did what and when, filtered by user, table, record and date, each change shown
 * field by field. Sign-ins, failed sign-ins and refused (locked) tries are audit rows of table `users` too.
 * Values are shown as recorded, except NIK and phone, which are masked (shared/privacy/mask.ts): the viewer
 * needs to see that they changed, not to read them.
 */
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const SIGN_IN_ACTIONS = ['login', 'login_failed', 'login_locked', 'logout'] as const;

function parse(json: string | null): unknown {
  if (json === null) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** before/after as recorded → one row per field that differs (a creation: every field, before empty). */
export function changesOf(beforeJson: string | null, afterJson: string | null): AuditChange[] {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  if (before === undefined && after === undefined) return [];
  if (!isRecord(before) && !isRecord(after))
    return [{ field: '', before: before ?? null, after: after ?? null }];
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const out: AuditChange[] = [];
  for (const k of keys) {
    const bv = b[k] ?? null;
    const av = a[k] ?? null;
    if (isRecord(before) && isRecord(after) && JSON.stringify(bv) === JSON.stringify(av)) continue;
    out.push({ field: k, before: bv, after: av });
  }
  return maskDeep(out) as AuditChange[];
}

export function entryView(r: AuditRow): AuditEntryView {
  return {
    id: r.id,
    at: r.at,
    userId: r.user_id,
    userName: r.user_name,
    table: r.table_name,
    recordId: r.record_id,
    recordUuid: r.record_uuid,
    action: r.action,
    reason: r.reason,
    changes: changesOf(r.before_json, r.after_json),
  };
}

/** Day bounds: `at` is an ISO UTC time; the office's days are WIB (UTC+7), as the clerk reads them. */
const OFFICE_OFFSET_H = 7;
function dayStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(d.getTime() - OFFICE_OFFSET_H * 3600_000).toISOString();
}
function dayEnd(day: string): string {
  return new Date(Date.parse(dayStart(day)) + 24 * 3600_000).toISOString();
}

function filtered(db: Db, q: AuditQuery) {
  let s = db.selectFrom('audit_log').selectAll();
  if (q.userId !== null) s = s.where('user_id', '=', q.userId);
  if (q.table !== null) s = s.where('table_name', '=', q.table);
  if (q.recordId !== null) s = s.where('record_id', '=', q.recordId);
  if (q.from !== null) s = s.where('at', '>=', dayStart(q.from));
  if (q.to !== null) s = s.where('at', '<', dayEnd(q.to));
  if (q.signInsOnly) s = s.where('table_name', '=', 'users').where('action', 'in', [...SIGN_IN_ACTIONS]);
  return s;
}

export async function listAudit(db: Db, q: AuditQuery): Promise<AuditPage> {
  let s = filtered(db, q);
  if (q.beforeId !== null) s = s.where('id', '<', q.beforeId);
  const rows = await s
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  return {
    entries: page.map(entryView),
    nextBeforeId: rows.length > q.limit ? page[page.length - 1]!.id : null,
  };
}

export async function auditFilters(db: Db): Promise<AuditFilters> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'username', 'full_name'])
    .orderBy('full_name')
    .execute();
  const tables = await db
    .selectFrom('audit_log')
    .select('table_name')
    .distinct()
    .orderBy('table_name')
    .execute();
  return {
    users: users.map((u) => ({ id: u.id, name: `${u.full_name} (${u.username})` })),
    tables: tables.map((t) => t.table_name),
  };
}

/**
 * One CSV cell. Quoted always; a value a spreadsheet would read as a formula (=, +, -, @, tab, CR at the start)
 * gets a leading apostrophe, so opening the export in Excel or LibreOffice never runs anything (OWASP CSV
 * injection).
 */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export const AUDIT_CSV_HEADER = [
  'id',
  'waktu',
  'pengguna',
  'tabel',
  'id_data',
  'aksi',
  'kolom',
  'sebelum',
  'sesudah',
  'alasan',
];

/** The filtered log as CSV (UTF-8 with BOM for Excel), one line per changed field, newest first. */
export async function exportAudit(db: Db, q: AuditQuery, now: Date): Promise<AuditExport> {
  const rows = await filtered(db, q)
    .orderBy('id', 'desc')
    .limit(AUDIT_EXPORT_MAX + 1)
    .execute();
  const truncated = rows.length > AUDIT_EXPORT_MAX;
  const lines = [AUDIT_CSV_HEADER.map(csvCell).join(',')];
  for (const r of rows.slice(0, AUDIT_EXPORT_MAX)) {
    const e = entryView(r);
    const base = [e.id, e.at, e.userName, e.table, e.recordId, e.action];
    const changes = e.changes.length ? e.changes : [{ field: '', before: null, after: null }];
    for (const c of changes)
      lines.push([...base, c.field, c.before, c.after, e.reason].map(csvCell).join(','));
  }
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return {
    fileName: `audit-${stamp}.csv`,
    csv: '\uFEFF' + lines.join('\r\n') + '\r\n',
    rows: Math.min(rows.length, AUDIT_EXPORT_MAX),
    truncated,
  };
}
