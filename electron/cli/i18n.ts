/**
 * The command line's messages come from the renderer's locale files through i18next, like the app's: the
 * backup services' error keys (`backup.errors.*`, `errors.*`) read the same in the app and on the command
 * line. A wording meant only for the command line lives under `cli.*` (renderer/locales/<lang>/cli.json);
 * `cli.<key>` wins over `<key>` (e.g. `errors.internal` names the log file here, not on screen).
 *
 * The JSON is imported, not read from disk, so the bundle (dist/node/cli.mjs) carries it. Nothing here may
 * load better-sqlite3: main.ts uses it before it knows the Node version is one that can.
 */
import i18next from 'i18next';
import enBackup from '../../renderer/locales/en/backup.json';
import enCli from '../../renderer/locales/en/cli.json';
import enCommon from '../../renderer/locales/en/common.json';
import idBackup from '../../renderer/locales/id/backup.json';
import idCli from '../../renderer/locales/id/cli.json';
import idCommon from '../../renderer/locales/id/common.json';
import enImport from '../../renderer/locales/en/import.json';
import idImport from '../../renderer/locales/id/import.json';
import enSetup from '../../renderer/locales/en/setup.json';
import idSetup from '../../renderer/locales/id/setup.json';
import enSecurity from '../../renderer/locales/en/security.json';
import idSecurity from '../../renderer/locales/id/security.json';

export type Params = Record<string, string | number>;

const i18n = i18next.createInstance();
void i18n.init({
  resources: {
    id: {
      cli: idCli,
      backup: idBackup,
      common: idCommon,
      import: idImport,
      setup: idSetup,
      security: idSecurity,
    },
    en: {
      cli: enCli,
      backup: enBackup,
      common: enCommon,
      import: enImport,
      setup: enSetup,
      security: enSecurity,
    },
  },
  lng: 'id',
  fallbackLng: false,
  ns: ['cli', 'backup', 'common', 'import', 'setup', 'security'],
  defaultNS: 'cli',
  fallbackNS: ['backup', 'common', 'import', 'setup', 'security'],
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** The Indonesian text of a key, or `fallback` when there is none (field labels for the import's notes). */
export function indonesian(key: string, fallback: string): string {
  return i18n.exists(key, { lng: 'id' }) ? i18n.t(key, { lng: 'id' }) : fallback;
}

/** The message for an i18n key in Indonesian and in English. */
export function messages(key: string, params: Params = {}): [id: string, en: string] {
  const keys = [`cli.${key}`, key];
  return [i18n.t(keys, { ...params, lng: 'id' }), i18n.t(keys, { ...params, lng: 'en' })];
}

/** One line for a person at the terminal: `Indonesian / English`. */
export function bilingual(key: string, params?: Params): string {
  const [id, en] = messages(key, params);
  return id === en ? id : `${id} / ${en}`;
}

/** Whether a key resolves in both languages (tests). */
export function hasMessage(key: string): boolean {
  return ['id', 'en'].every((lng) => i18n.exists(`cli.${key}`, { lng }) || i18n.exists(key, { lng }));
}

/** A value for a `key="value"` field: backslashes and quotes escaped. */
export const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * The one failure line a script reads on stderr:
 * `GAGAL kode=<CODE> keluar=<exit> pesan="<Indonesian>" message="<English>"`.
 */
export function failureLine(code: string, exit: number, key: string, params?: Params): string {
  const [id, en] = messages(key, params);
  return `GAGAL kode=${code} keluar=${exit} pesan=${quote(id)} message=${quote(en)}\n`;
}
