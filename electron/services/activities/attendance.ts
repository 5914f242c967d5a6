import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { attendanceSaveSchema, Attendance } from '../../../shared/schemas/activity';
import { writeAudit } from '../../../db/queries/audit';
import { loadOrNotFound } from '../../../db/queries/record-write';
import type { AppContext } from '../../app/context';
import { withWrite } from '../../app/write';

/**
 * One day's attendance for the whole list, in one transaction: the day must be one of the activity's days and
 * every mark must belong to a current participant of it, or nothing is saved. Marks are upserted in one
 * statement; one audit row per save holds the marks that changed ({ participantId: status } before and after).
 */
export async function saveAttendance(
  ctx: AppContext,
  input: z.output<typeof attendanceSaveSchema>,
): Promise<{ activityId: number; dayId: number; saved: number; changed: number }> {
  return withWrite(ctx, async (w) => {
    const a = await loadOrNotFound(w.trx, 'activities', input.activityId);
    if (a.archived_at) throw new AppError('CONFLICT', 'activities.errors.archived');
    const day = await w.trx
      .selectFrom('activity_days')
      .select('id')
      .where('activity_id', '=', input.activityId)
      .where('day', '=', input.day)
      .executeTakeFirst();
    if (!day)
      throw new AppError('VALIDATION', 'activities.errors.dayOutside', {
        params: { day: input.day },
        fields: { day: 'activities.errors.dayOutside' },
      });
    const members = await w.trx
      .selectFrom('activity_participants')
      .select(['id', 'archived_at'])
      .where('activity_id', '=', input.activityId)
      .execute();
    const current = new Map(members.map((m) => [m.id, m.archived_at === null]));
    for (const [i, m] of input.marks.entries()) {
      const ok = current.get(m.participantId);
      if (ok === undefined)
        throw new AppError('VALIDATION', 'activities.errors.notParticipant', {
          fields: { [`marks.${i}`]: 'activities.errors.notParticipant' },
        });
      if (!ok)
        throw new AppError('VALIDATION', 'activities.errors.participantWithdrawn', {
          fields: { [`marks.${i}`]: 'activities.errors.participantWithdrawn' },
        });
    }
    const beforeRows = await w.trx
      .selectFrom('activity_attendance')
      .select(['participant_id', 'status'])
      .where('day_id', '=', day.id)
      .execute();
    const before = new Map<number, Attendance>(beforeRows.map((r) => [r.participant_id, r.status]));
    const was: Record<number, Attendance | null> = {};
    const now: Record<number, Attendance> = {};
    for (const m of input.marks) {
      const b = before.get(m.participantId) ?? null;
      if (b === m.status) continue;
      was[m.participantId] = b;
      now[m.participantId] = m.status;
    }
    const changed = Object.keys(now).length;
    if (changed === 0)
      return { activityId: input.activityId, dayId: day.id, saved: input.marks.length, changed };
    await w.trx
      .insertInto('activity_attendance')
      .values(
        input.marks
          .filter((m) => m.participantId in now)
          .map((m) => ({
            participant_id: m.participantId,
            day_id: day.id,
            status: m.status,
            updated_at: w.now,
          })),
      )
      .onConflict((oc) =>
        oc.columns(['participant_id', 'day_id']).doUpdateSet({
          status: sql`excluded.status`,
          updated_at: sql`excluded.updated_at`,
        }),
      )
      .execute();
    await writeAudit(w, {
      table: 'activities',
      recordId: input.activityId,
      recordUuid: a.uuid,
      action: 'attendance',
      before: { day: input.day, marks: was },
      after: { day: input.day, marks: now },
    });
    return { activityId: input.activityId, dayId: day.id, saved: input.marks.length, changed };
  });
}
