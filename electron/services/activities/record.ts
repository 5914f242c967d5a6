import { sql, type Selectable } from 'kysely';
import { AppError } from '../../../shared/errors';
import type {
  ActivityCreateData,
  ActivityDetail,
  ActivitySummary,
  ActivityType,
  Attendance,
  FundingSource,
  Organiser,
  Participant,
} from '../../../shared/schemas/activity';
import type { activityListSchema } from '../../../shared/schemas/activity';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import type { ActivityTable } from '../../../db/schema';
import { diffFields, writeAudit, type WriteCtx } from '../../../db/queries/audit';
import { auditedArchive, auditedEdit, loadOrNotFound } from '../../../db/queries/record-write';
import type { AppContext } from '../../app/context';
import { withWrite } from '../../app/write';
import { permitLabels } from './permits';
import { activityRecord } from '../../../shared/records/activity';
import { recordToRow } from '../../../shared/records/field';

/**
 * The activity record: create, edit (with the version read), archive and restore, read with its days and
 * participants, and the list. Every write is one transaction with its audit row; an edit's audit row holds
 * only what changed (days as a list).
 */

const CONFLICT = 'activities.errors.conflict';

type ActivityValues = Omit<ActivityCreateData, 'days'>;

/** The record's columns from the field table; the "lainnya" texts are kept only with "lainnya". */
function columns(v: ActivityValues) {
  const row = recordToRow(activityRecord, v);
  return {
    ...row,
    organiser_other: v.organiser === 'lainnya' ? row.organiser_other : null,
    funding_other: v.funding === 'lainnya' ? row.funding_other : null,
  };
}

export async function createActivity(ctx: AppContext, input: ActivityCreateData): Promise<ActivityDetail> {
  const id = await withWrite(ctx, async (w) => {
    const values = { ...columns(input), uuid: w.uuid(), created_at: w.now, updated_at: w.now };
    const r = await w.trx.insertInto('activities').values(values).returning('id').executeTakeFirstOrThrow();
    await w.trx
      .insertInto('activity_days')
      .values(input.days.map((day) => ({ activity_id: r.id, day })))
      .execute();
    await writeAudit(w, {
      table: 'activities',
      recordId: r.id,
      recordUuid: values.uuid,
      action: 'create',
      after: { ...columns(input), days: input.days },
    });
    return r.id;
  });
  return getActivity(ctx.opened.db, id);
}

/** Days that already hold attendance cannot be taken away (their marks would be lost). */
async function replaceDays(w: WriteCtx, activityId: number, days: readonly string[]): Promise<void> {
  const current = await w.trx
    .selectFrom('activity_days')
    .select(['id', 'day'])
    .where('activity_id', '=', activityId)
    .execute();
  const wanted = new Set(days);
  const removed = current.filter((d) => !wanted.has(d.day));
  if (removed.length) {
    const used = await w.trx
      .selectFrom('activity_attendance')
      .innerJoin('activity_days', 'activity_days.id', 'activity_attendance.day_id')
      .select('activity_days.day')
      .where(
        'day_id',
        'in',
        removed.map((d) => d.id),
      )
      .groupBy('activity_days.day')
      .orderBy('activity_days.day')
      .execute();
    if (used.length)
      throw new AppError('VALIDATION', 'activities.errors.dayHasAttendance', {
        params: { day: used[0]!.day },
        fields: { days: 'activities.errors.dayHasAttendance' },
      });
    await w.trx
      .deleteFrom('activity_days')
      .where(
        'id',
        'in',
        removed.map((d) => d.id),
      )
      .execute();
  }
  const have = new Set(current.map((d) => d.day));
  const added = days.filter((d) => !have.has(d));
  if (added.length)
    await w.trx
      .insertInto('activity_days')
      .values(added.map((day) => ({ activity_id: activityId, day })))
      .execute();
}

export async function updateActivity(
  ctx: AppContext,
  input: ActivityCreateData & { id: number; version: number },
): Promise<ActivityDetail> {
  await withWrite(ctx, async (w) => {
    const before = await loadOrNotFound(w.trx, 'activities', input.id);
    if (before.archived_at) throw new AppError('CONFLICT', 'activities.errors.archived');
    if (before.version !== input.version) throw new AppError('CONFLICT', CONFLICT);
    const beforeDays = (
      await w.trx
        .selectFrom('activity_days')
        .select('day')
        .where('activity_id', '=', input.id)
        .orderBy('day')
        .execute()
    ).map((d) => d.day);
    const next = columns(input);
    const diff = diffFields(before as unknown as Record<string, unknown>, next);
    const daysChanged = beforeDays.join() !== input.days.join();
    if (daysChanged) {
      await replaceDays(w, input.id, input.days);
      diff.days = [beforeDays, input.days];
    }
    await auditedEdit(w, {
      table: 'activities',
      row: before,
      set: next,
      diff,
      conflict: CONFLICT,
    });
  });
  return getActivity(ctx.opened.db, input.id);
}

export async function setActivityArchived(
  ctx: AppContext,
  id: number,
  archived: boolean,
  reason: string,
): Promise<ActivityDetail> {
  await withWrite(ctx, async (w) => {
    const before = await loadOrNotFound(w.trx, 'activities', id);
    if ((before.archived_at !== null) === archived) return;
    await auditedArchive(w, { table: 'activities', row: before, archived, reason, conflict: CONFLICT });
  });
  return getActivity(ctx.opened.db, id);
}

/** The day figures every read of an activity carries (DAY_FIGURES_SQL). */
type DayFigures = { first_day: string | null; last_day: string | null; day_count: number };

/** First and last day and how many, of the activity `a` (as DayFigures). */
export const DAY_FIGURES_SQL = sql`(SELECT min(day) FROM activity_days d WHERE d.activity_id = a.id) AS first_day,
  (SELECT max(day) FROM activity_days d WHERE d.activity_id = a.id) AS last_day,
  (SELECT count(*) FROM activity_days d WHERE d.activity_id = a.id) AS day_count`;

/** What the list and the business timeline both read of an activity. */
export type HeadingRow = Pick<
  Selectable<ActivityTable>,
  'type' | 'title' | 'organiser' | 'organiser_other' | 'funding' | 'batch'
> &
  DayFigures;

/** What the list and the business timeline both show of an activity. */
export function headingFrom(r: HeadingRow) {
  return {
    type: r.type as ActivityType,
    title: r.title,
    organiser: r.organiser as Organiser,
    organiserOther: r.organiser_other,
    funding: r.funding as FundingSource,
    batch: r.batch,
    firstDay: r.first_day,
    lastDay: r.last_day,
    dayCount: r.day_count,
  };
}

type DetailRow = Selectable<ActivityTable> & DayFigures & { participant_count: number };
type SummaryRow = Omit<DetailRow, 'notes' | 'version' | 'created_at' | 'updated_at'>;

function summaryFrom(r: SummaryRow): ActivitySummary {
  return {
    id: r.id,
    uuid: r.uuid,
    ...headingFrom(r),
    fundingOther: r.funding_other,
    venue: r.venue,
    quota: r.quota,
    participantCount: r.participant_count,
    archivedAt: r.archived_at,
  };
}

const SUMMARY_SQL = sql`a.id, a.uuid, a.type, a.title, a.organiser, a.organiser_other, a.funding, a.funding_other,
  a.batch, a.venue, a.quota, a.archived_at, ${DAY_FIGURES_SQL},
  (SELECT count(*) FROM activity_participants p WHERE p.activity_id = a.id AND p.archived_at IS NULL)
    AS participant_count`;

/** Newest first (by first day); a few hundred a year at most, so the whole filtered list is answered. */
export async function listActivities(
  db: Db,
  f: z.output<typeof activityListSchema>,
): Promise<ActivitySummary[]> {
  const words = (f.query ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `%${w.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  const conds = [sql`1 = 1`];
  if (!f.includeArchived) conds.push(sql`a.archived_at IS NULL`);
  if (f.type) conds.push(sql`a.type = ${f.type}`);
  if (f.funding) conds.push(sql`a.funding = ${f.funding}`);
  if (f.year)
    conds.push(
      sql`EXISTS (SELECT 1 FROM activity_days d WHERE d.activity_id = a.id AND d.day LIKE ${`${f.year}-%`})`,
    );
  for (const w of words)
    conds.push(
      sql`lower(a.title || ' ' || coalesce(a.venue, '') || ' ' || coalesce(a.batch, '')) LIKE ${w} ESCAPE '\\'`,
    );
  const r = await sql<SummaryRow>`SELECT ${SUMMARY_SQL} FROM activities a WHERE ${sql.join(conds, sql` AND `)}
    ORDER BY first_day DESC, a.id DESC LIMIT 2000`.execute(db);
  return r.rows.map(summaryFrom);
}

export async function getActivity(db: Db, id: number): Promise<ActivityDetail> {
  const r = await sql<DetailRow>`
    SELECT ${SUMMARY_SQL}, a.notes, a.version, a.created_at, a.updated_at FROM activities a WHERE a.id = ${id}`.execute(
    db,
  );
  const row = r.rows[0];
  if (!row) throw new AppError('NOT_FOUND', 'errors.notFound');
  const days = await sql<{ id: number; day: string; marked: number }>`
    SELECT d.id, d.day, (SELECT count(*) FROM activity_attendance t WHERE t.day_id = d.id) AS marked
    FROM activity_days d WHERE d.activity_id = ${id} ORDER BY d.day`.execute(db);
  return {
    ...summaryFrom(row),
    notes: row.notes,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    days: days.rows,
    participants: await loadParticipants(db, id),
  };
}

/** The activity's participants in enrolment order (withdrawn ones too, marked), with their marks. */
export async function loadParticipants(db: Db, activityId: number): Promise<Participant[]> {
  const rows = await db
    .selectFrom('activity_participants as p')
    .innerJoin('businesses as b', 'b.id', 'p.business_id')
    .select([
      'p.id',
      'p.uuid',
      'p.business_id',
      'b.name as business_name',
      'b.registration_number',
      'b.village_name',
      'b.status as business_status',
      'b.archived_at as business_archived_at',
      'p.attendee_name',
      'p.attendee_role',
      'p.certificate_number',
      'p.permit_id',
      'p.equipment',
      'p.equipment_value',
      'p.outcome_notes',
      'p.archived_at',
      'p.version',
    ])
    .where('p.activity_id', '=', activityId)
    .orderBy('p.id')
    .execute();
  const marks = await db
    .selectFrom('activity_attendance as t')
    .innerJoin('activity_participants as p', 'p.id', 't.participant_id')
    .select(['t.participant_id', 't.day_id', 't.status'])
    .where('p.activity_id', '=', activityId)
    .execute();
  const byParticipant = new Map<number, Record<number, Attendance>>();
  for (const m of marks) {
    let rec = byParticipant.get(m.participant_id);
    if (!rec) byParticipant.set(m.participant_id, (rec = {}));
    rec[m.day_id] = m.status;
  }
  const labels = await permitLabels(
    db,
    rows.map((r) => r.permit_id).filter((x): x is number => x !== null),
  );
  return rows.map((r) => ({
    id: r.id,
    uuid: r.uuid,
    businessId: r.business_id,
    businessName: r.business_name,
    registrationNumber: r.registration_number,
    villageName: r.village_name,
    businessStatus: r.business_status,
    businessArchived: r.business_archived_at !== null,
    attendeeName: r.attendee_name,
    attendeeRole: r.attendee_role,
    certificateNumber: r.certificate_number,
    permitId: r.permit_id,
    permitLabel: r.permit_id !== null ? (labels.get(r.permit_id) ?? `#${r.permit_id}`) : null,
    equipment: r.equipment,
    equipmentValue: r.equipment_value,
    outcomeNotes: r.outcome_notes,
    archivedAt: r.archived_at,
    version: r.version,
    attendance: byParticipant.get(r.id) ?? {},
  }));
}
