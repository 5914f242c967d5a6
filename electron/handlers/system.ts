import { schemaVersion } from '../../db/migrate';
import { dbOf, rawOf, type AppContext } from '../app/context';
import { type PartialHandlers, serviceHandler } from '../ipc/dispatcher';
import { getLanguage, getOffice, requireOffice, setLanguage, setupOffice } from '../services/office';
import { login, logout } from '../services/auth';
import { getPp7Rule, savePp7Rule } from '../services/size-rule';

export const systemHandlers: PartialHandlers<
  | 'app:info'
  | 'app:setLanguage'
  | 'office:setup'
  | 'office:get'
  | 'auth:login'
  | 'auth:logout'
  | 'office:sizeRuleGet'
  | 'office:sizeRuleSave'
> = {
  'app:info': async (_input, ctx: AppContext) => {
    const db = dbOf(ctx);
    const office = await getOffice(db);
    return {
      setUp: office !== null,
      office,
      user: ctx.session.user,
      sessionEnded: ctx.session.user ? null : (ctx.session.ended ?? null),
      idleTimeoutSeconds: ctx.config.idleTimeoutSeconds,
      language: await getLanguage(db),
      appVersion: ctx.appVersion,
      schemaVersion: schemaVersion(rawOf(ctx)),
      startupError: null,
      dataDir: ctx.dataDir,
      keysUnavailable: office !== null && ctx.keys.state !== 'ok',
    };
  },
  'app:setLanguage': async ({ language }, ctx) => {
    await setLanguage(ctx, language);
    return { language };
  },
  'office:setup': serviceHandler(setupOffice),
  'office:get': (_input, ctx) => requireOffice(dbOf(ctx)),
  'office:sizeRuleGet': async (_input, ctx) => ({ pp7Rule: await getPp7Rule(dbOf(ctx)) }),
  'office:sizeRuleSave': ({ pp7Rule }, ctx) => savePp7Rule(ctx, pp7Rule),
  'auth:login': ({ username, password }, ctx) => login(ctx, username, password),
  'auth:logout': async (_input, ctx) => {
    await logout(ctx);
    return { ok: true as const };
  },
};
