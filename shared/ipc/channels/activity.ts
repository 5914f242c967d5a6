import { channel, operator, viewer } from '../define';
import {
  activityArchiveSchema,
  activityCreateSchema,
  activityIdSchema,
  activityListSchema,
  activityUpdateSchema,
  attendanceSaveSchema,
  businessActivitiesSchema,
  enrolSchema,
  participantUpdateSchema,
  participantWithdrawSchema,
  sheetSchema,
  type ActivityDetail,
  type ActivitySummary,
  type BusinessActivity,
  type EnrolResult,
  type PermitOption,
  type SheetResult,
} from '../../schemas/activity';

/** Activities (issue 8): the record, its participants, attendance per day, outcomes and the printed sheets. */
export const activityChannels = {
  'activity:list': channel<ActivitySummary[]>()(activityListSchema, viewer),
  'activity:get': channel<ActivityDetail>()(activityIdSchema, viewer),
  'activity:create': channel<ActivityDetail>()(activityCreateSchema, operator),
  /** full edit with the version read; a day that holds attendance cannot be removed */
  'activity:update': channel<ActivityDetail>()(activityUpdateSchema, operator),
  'activity:archive': channel<ActivityDetail>()(activityArchiveSchema, operator),
  'activity:restore': channel<ActivityDetail>()(activityArchiveSchema, operator),
  /** answers the warnings without saving unless `confirm` */
  'activity:enrol': channel<EnrolResult>()(enrolSchema, operator),
  /** attendee and outcomes (certificate, permit obtained, equipment and its value) */
  'activity:participantUpdate': channel<ActivityDetail>()(participantUpdateSchema, operator),
  'activity:participantWithdraw': channel<ActivityDetail>()(participantWithdrawSchema, operator),
  'activity:participantRestore': channel<ActivityDetail>()(participantWithdrawSchema, operator),
  /** one day's marks for the whole list, in one transaction */
  'activity:attendanceSave': channel<ActivityDetail>()(attendanceSaveSchema, operator),
  /** daftar hadir of one day (PDF) */
  'activity:sheet': channel<SheetResult>()(sheetSchema, operator),
  /** participant recap with attendance per day and outcomes (PDF) */
  'activity:recap': channel<SheetResult>()(sheetSchema, operator),
  /** the business page's activity timeline */
  'activity:forBusiness': channel<BusinessActivity[]>()(businessActivitiesSchema, viewer),
  /** the business's permits, to link one as an outcome */
  'activity:permitOptions': channel<PermitOption[]>()(businessActivitiesSchema, viewer),
} as const;
