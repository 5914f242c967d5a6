import { type PartialHandlers, serviceHandler } from '../ipc/dispatcher';
import type { reportChannels } from '../../shared/ipc/channels/report';
import {
  getCoverage,
  getSummary,
  listMonthlyReports,
  makeMonthlyReport,
  reportPdf,
  reportXlsx,
} from '../services/reports/service';

export const reportHandlers: PartialHandlers<keyof typeof reportChannels> = {
  'report:summary': serviceHandler(getSummary),
  'report:coverage': serviceHandler(getCoverage),
  'report:pdf': serviceHandler(reportPdf),
  'report:xlsx': serviceHandler(reportXlsx),
  'report:monthly': ({ month }, ctx) => makeMonthlyReport(ctx, month),
  'report:monthlyList': (_i, ctx) => listMonthlyReports(ctx),
};
