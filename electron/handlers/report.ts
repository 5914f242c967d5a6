import type { PartialHandlers } from '../ipc/dispatcher';
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
  'report:summary': (input, ctx) => getSummary(ctx, input),
  'report:coverage': (input, ctx) => getCoverage(ctx, input),
  'report:pdf': (input, ctx) => reportPdf(ctx, input),
  'report:xlsx': (input, ctx) => reportXlsx(ctx, input),
  'report:monthly': ({ month }, ctx) => makeMonthlyReport(ctx, month),
  'report:monthlyList': (_i, ctx) => listMonthlyReports(ctx),
};
