import { channel } from '../define';
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
  'activity:list': channel<ActivitySummary[]>()(activityListSchema),
  'activity:get': channel<ActivityDetail>()(activityIdSchema),
  'activity:create': channel<ActivityDetail>()(activityCreateSchema),
  /** full edit with the version read; a day that holds attendance cannot be removed */
  'activity:update': channel<ActivityDetail>()(activityUpdateSchema),
  'activity:archive': channel<ActivityDetail>()(activityArchiveSchema),
  'activity:restore': channel<ActivityDetail>()(activityArchiveSchema),
  /** answers the warnings without saving unless `confirm` */
  'activity:enrol': channel<EnrolResult>()(enrolSchema),
  /** attendee and outcomes (certificate, permit obtained, equipment and its value) */
  'activity:participantUpdate': channel<ActivityDetail>()(participantUpdateSchema),
  'activity:participantWithdraw': channel<ActivityDetail>()(participantWithdrawSchema),
  'activity:participantRestore': channel<ActivityDetail>()(participantWithdrawSchema),
  /** one day's marks for the whole list, in one transaction */
  'activity:attendanceSave': channel<ActivityDetail>()(attendanceSaveSchema),
  /** daftar hadir of one day (PDF) */
  'activity:sheet': channel<SheetResult>()(sheetSchema),
  /** participant recap with attendance per day and outcomes (PDF) */
  'activity:recap': channel<SheetResult>()(sheetSchema),
  /** the business page's activity timeline */
  'activity:forBusiness': channel<BusinessActivity[]>()(businessActivitiesSchema),
  /** the business's permits, to link one as an outcome */
  'activity:permitOptions': channel<PermitOption[]>()(businessActivitiesSchema),
} as const;
