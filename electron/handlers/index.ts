import type { HandlerMap } from '../ipc/dispatcher';
import { systemHandlers } from './system';
import { businessHandlers } from './business';
import { registryHandlers } from './registry';
import { refdataHandlers } from './refdata';
import { letterHandlers } from './letter';
import { backupHandlers } from './backup';
import { permitHandlers } from './permit';
import { activityHandlers } from './activity';
import { accountHandlers } from './accounts';
import { exportHandlers } from './export';
import { reportHandlers } from './report';
import { importHandlers } from './import';

/** Every channel of the contract has exactly one handler; the compiler checks the map is complete. */
export const handlers: HandlerMap = {
  ...systemHandlers,
  ...businessHandlers,
  ...registryHandlers,
  ...refdataHandlers,
  ...letterHandlers,
  ...backupHandlers,
  ...permitHandlers,
  ...activityHandlers,
  ...accountHandlers,
  ...exportHandlers,
  ...reportHandlers,
  ...importHandlers,
};
