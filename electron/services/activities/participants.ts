import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type {
  BusinessActivity,
  EnrolResult,
  EnrolWarning,
  enrolSchema,
  participantUpdateSchema,
  AttendeeRole,
} from '../../../shared/schemas/activity';
import type { Db } from '../../../db/connection';
import { writeAudit } from '../../../db/queries/audit';
import { auditedArchive, auditedEdit, loadOrNotFound } from '../../../db/queries/record-write';
import type { AppContext } from '../../app/context';
import { withWrite } from '../../app/write';
import { checkPermitLink, permitLabels } from './permits';
import { DAY_FIGURES_SQL, headingFrom, loadParticipants, type HeadingRow } from './record';
import { participantRecord } from '../../../shared/records/activity';
import { recordToRow } from '../../../shared/records/field';

/**
 * Participants: enrolment with the warnings a clerk confirms (business archived, not active, already in the
 * activity, quota full), the attendee and outcomes edit, withdrawal (archived, never deleted), and a
 * business's activity timeline.
 */

const CONFLICT = 'activities.errors.conflict';

async function activityOpen(db: Db, id: number) {
  const a = await db
    .selectFrom('activities')
    .select(['id', 'uuid', 'quota', 'archived_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!a) throw new AppError('NOT_FOUND', 'errors.notFound');
  if (a.archived_at) throw new AppError('CONFLICT', 'activities.errors.archived');
  return a;
}

export async function enrolWarnings(
  db: Db,
  activityId: number,
  businessId: number,
  quota: number | null,
): Promise<EnrolWarning[]> {
  const b = await db
    .selectFrom('businesses')
    .select(['status', 'archived_at'])
    .where('id', '=', businessId)
    .executeTakeFirst();
  if (!b)
    throw new AppError('NOT_FOUND', 'activities.errors.businessNotFound', {
      fields: { businessId: 'activities.errors.businessNotFound' },
    });
  const warnings: EnrolWarning[] = [];
  if (b.archived_at) warnings.push({ code: 'archived' });
  if (b.status !== 'aktif') warnings.push({ code: 'notActive', status: b.status });
  const same = await db
    .selectFrom('activity_participants')
    .select('attendee_name')
    .where('activity_id', '=', activityId)
    .where('business_id', '=', businessId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (same) warnings.push({ code: 'alreadyEnrolled', attendeeName: same.attendee_name });
  if (quota !== null) {
    const n = await db
      .selectFrom('activity_participants')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('activity_id', '=', activityId)
      .where('archived_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(n.n) >= quota) warnings.push({ code: 'quotaFull', quota, count: Number(n.n) });
  }
  return warnings;
}

/**
 * Enrols one business. With warnings and no `confirm`, nothing is saved and the warnings are answered for the
 * clerk to confirm; with `confirm`, the warnings are recorded in the audit row's reason.
 */
export async function enrol(ctx: AppContext, input: z.output<typeof enrolSchema>): Promise<EnrolResult> {
  return withWrite(ctx, async (w) => {
    const a = await activityOpen(w.trx, input.activityId);
    const warnings = await enrolWarnings(w.trx, input.activityId, input.businessId, a.quota);
    if (warnings.length && !input.confirm) return { enrolled: false, warnings };
    const values = {
      uuid: w.uuid(),
      activity_id: input.activityId,
      business_id: input.businessId,
      attendee_name: input.attendeeName,
      attendee_role: input.attendeeRole,
      created_at: w.now,
      updated_at: w.now,
    };
    const r = await w.trx
      .insertInto('activity_participants')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(w, {
      table: 'activity_participants',
      recordId: r.id,
      recordUuid: values.uuid,
      action: 'enrol',
      after: {
        activity_id: input.activityId,
        business_id: input.businessId,
        attendee_name: input.attendeeName,
        attendee_role: input.attendeeRole,
      },
      reason: warnings.length ? `confirmed: ${warnings.map((x) => x.code).join(', ')}` : null,
    });
    const participant = (await loadParticipants(w.trx, input.activityId)).find((p) => p.id === r.id)!;
    return { enrolled: true, participant, warnings };
  });
}

export async function updateParticipant(
  ctx: AppContext,
  input: z.output<typeof participantUpdateSchema>,
): Promise<{ activityId: number }> {
  return withWrite(ctx, async (w) => {
    const before = await loadOrNotFound(w.trx, 'activity_participants', input.id);
    if (before.version !== input.version) throw new AppError('CONFLICT', CONFLICT);
    if (input.permitId !== null && input.permitId !== before.permit_id)
      await checkPermitLink(w.trx, input.permitId, before.business_id);
    const next = recordToRow(participantRecord, input);
    await auditedEdit(w, {
      table: 'activity_participants',
      row: before,
      set: next,
      conflict: CONFLICT,
    });
    return { activityId: before.activity_id };
  });
}

/** Withdraws (archives) or restores a participant; their attendance marks stay. */
export async function setParticipantArchived(
  ctx: AppContext,
  id: number,
  archived: boolean,
  reason: string,
): Promise<{ activityId: number }> {
  return withWrite(ctx, async (w) => {
    const before = await loadOrNotFound(w.trx, 'activity_participants', id);
    await activityOpen(w.trx, before.activity_id);
    if ((before.archived_at !== null) === archived) return { activityId: before.activity_id };
    await auditedArchive(w, {
      table: 'activity_participants',
      row: before,
      archived,
      action: archived ? 'withdraw' : 'restore',
      reason,
      conflict: CONFLICT,
    });
    return { activityId: before.activity_id };
  });
}

/** Every activity the business took part in, newest first, with days present and outcomes. */
export async function businessActivities(db: Db, businessId: number): Promise<BusinessActivity[]> {
  const r = await sql<
    HeadingRow & {
      activity_id: number;
      participant_id: number;
      attendee_name: string;
      attendee_role: string;
      present: number;
      certificate_number: string | null;
      permit_id: number | null;
      equipment: string | null;
      equipment_value: number | null;
      activity_archived: string | null;
      withdrawn: string | null;
    }
  >`SELECT a.id AS activity_id, p.id AS participant_id, a.type, a.title, a.organiser, a.organiser_other, a.funding,
      a.batch, ${DAY_FIGURES_SQL},
      p.attendee_name, p.attendee_role,
      (SELECT count(*) FROM activity_attendance t WHERE t.participant_id = p.id AND t.status = 'hadir') AS present,
      p.certificate_number, p.permit_id, p.equipment, p.equipment_value,
      a.archived_at AS activity_archived, p.archived_at AS withdrawn
    FROM activity_participants p JOIN activities a ON a.id = p.activity_id
    WHERE p.business_id = ${businessId}
    ORDER BY first_day DESC, p.id DESC`.execute(db);
  const labels = await permitLabels(
    db,
    r.rows.map((x) => x.permit_id).filter((x): x is number => x !== null),
  );
  return r.rows.map((x) => ({
    activityId: x.activity_id,
    participantId: x.participant_id,
    ...headingFrom(x),
    attendeeName: x.attendee_name,
    attendeeRole: x.attendee_role as AttendeeRole,
    present: x.present,
    certificateNumber: x.certificate_number,
    permitLabel: x.permit_id !== null ? (labels.get(x.permit_id) ?? `#${x.permit_id}`) : null,
    equipment: x.equipment,
    equipmentValue: x.equipment_value,
    activityArchived: x.activity_archived !== null,
    withdrawn: x.withdrawn !== null,
  }));
}
