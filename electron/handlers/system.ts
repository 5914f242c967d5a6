import { schemaVersion } from '../../db/migrate';
import { dbOf, rawOf, type AppContext } from '../app/context';
import type { PartialHandlers } from '../ipc/dispatcher';
import { getLanguage, getOffice, login, requireOffice, setLanguage, setupOffice } from '../services/office';

export const systemHandlers: PartialHandlers<
  'app:info' | 'app:setLanguage' | 'office:setup' | 'office:get' | 'auth:login' | 'auth:logout'
> = {
  'app:info': async (_input, ctx: AppContext) => {
    const db = dbOf(ctx);
    const office = await getOffice(db);
    return {
      setUp: office !== null,
      office,
      user: ctx.session.user,
      language: await getLanguage(db),
      appVersion: ctx.appVersion,
      schemaVersion: schemaVersion(rawOf(ctx)),
      startupError: null,
      dataDir: ctx.dataDir,
    };
  },
  'app:setLanguage': async ({ language }, ctx) => {
    await setLanguage(ctx, language);
    return { language };
  },
  'office:setup': (input, ctx) => setupOffice(ctx, input),
  'office:get': (_input, ctx) => requireOffice(dbOf(ctx)),
  'auth:login': ({ username, password }, ctx) => login(ctx, username, password),
  'auth:logout': (_input, ctx) => {
    ctx.session.user = null;
    return { ok: true as const };
  },
};
