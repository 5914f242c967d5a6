import type { ChannelName } from '../../shared/ipc/contract';
import { dbOf } from '../app/context';
import { type PartialHandlers, serviceHandler } from '../ipc/dispatcher';
import { saveAttendance } from '../services/activities/attendance';
import {
  businessActivities,
  enrol,
  setParticipantArchived,
  updateParticipant,
} from '../services/activities/participants';
import { permitOptions } from '../services/activities/permits';
import {
  createActivity,
  getActivity,
  listActivities,
  setActivityArchived,
  updateActivity,
} from '../services/activities/record';

/** The sheets are drawn with pdfkit: their module (and pdfkit) is loaded on the first print, not at start. */
const sheets = () => import('../services/activities/sheet-data');

/** Activities: thin handlers over the services; inputs were validated by the dispatcher. */
export const activityHandlers: PartialHandlers<Extract<ChannelName, `activity:${string}`>> = {
  'activity:list': (input, ctx) => listActivities(dbOf(ctx), input),
  'activity:get': ({ id }, ctx) => getActivity(dbOf(ctx), id),
  'activity:create': serviceHandler(createActivity),
  'activity:update': serviceHandler(updateActivity),
  'activity:archive': ({ id, reason }, ctx) => setActivityArchived(ctx, id, true, reason),
  'activity:restore': ({ id, reason }, ctx) => setActivityArchived(ctx, id, false, reason),
  'activity:enrol': serviceHandler(enrol),
  'activity:participantUpdate': async (input, ctx) =>
    getActivity(dbOf(ctx), (await updateParticipant(ctx, input)).activityId),
  'activity:participantWithdraw': async ({ id, reason }, ctx) =>
    getActivity(dbOf(ctx), (await setParticipantArchived(ctx, id, true, reason)).activityId),
  'activity:participantRestore': async ({ id, reason }, ctx) =>
    getActivity(dbOf(ctx), (await setParticipantArchived(ctx, id, false, reason)).activityId),
  'activity:attendanceSave': async (input, ctx) =>
    getActivity(dbOf(ctx), (await saveAttendance(ctx, input)).activityId),
  'activity:sheet': async (input, ctx) => (await sheets()).printAttendanceSheet(ctx, input),
  'activity:recap': async (input, ctx) => (await sheets()).printRecap(ctx, input),
  'activity:forBusiness': ({ businessId }, ctx) => businessActivities(dbOf(ctx), businessId),
  'activity:permitOptions': ({ businessId }, ctx) => permitOptions(dbOf(ctx), businessId),
};
