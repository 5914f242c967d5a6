/**
 * The command line's commands and their options, parsed with `node:util` parseArgs per command (an option
 * another command takes is refused). Every mistake is a UsageError whose key is under `cli.usageError` in
 * the locale files. Light on purpose (no database code): tests use it in-process.
 */
import { parseArgs } from 'node:util';
import { bilingual, type Params } from './i18n';

interface OptionSpec {
  type: 'string' | 'boolean';
  /** shown in the usage and in "needs a value" messages */
  placeholder?: string;
  required?: boolean;
  /** a whole number, 1 or more */
  count?: boolean;
}
interface CommandSpec {
  options: Record<string, OptionSpec>;
  /** the one positional argument the command takes, if any */
  argument?: string;
}

const DATA_DIR: OptionSpec = { type: 'string', placeholder: 'FOLDER' };
const COMMANDS: Record<'backup' | 'restore' | 'verify' | 'list' | 'import' | 'setup', CommandSpec> = {
  backup: {
    options: {
      to: { type: 'string', placeholder: 'FOLDER', required: true },
      'data-dir': DATA_DIR,
      keep: { type: 'string', placeholder: 'N', count: true },
    },
  },
  restore: {
    options: {
      from: { type: 'string', placeholder: 'BERKAS.dikm', required: true },
      'data-dir': DATA_DIR,
      yes: { type: 'boolean' },
    },
  },
  verify: { options: {}, argument: 'BERKAS.dikm' },
  list: { options: {}, argument: 'FOLDER' },
  import: {
    options: {
      sheet: { type: 'string', placeholder: 'LEMBAR' },
      mapping: { type: 'string', placeholder: 'PEMETAAN.json' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      'data-dir': DATA_DIR,
    },
    argument: 'BERKAS.xlsx|csv',
  },
  setup: {
    options: {
      from: { type: 'string', placeholder: 'KANTOR.json', required: true },
      'data-dir': DATA_DIR,
      json: { type: 'boolean' },
    },
  },
};
export type CommandName = keyof typeof COMMANDS;

/** A wrong command line: exit 2 and the usage. `key` is under `cli.usageError` in the locale files. */
export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly params: Params = {},
  ) {
    super(key);
  }
}

function synopsis(name: CommandName): string {
  const c = COMMANDS[name];
  const options = Object.entries(c.options).map(([k, o]) => {
    const s = o.type === 'boolean' ? `--${k}` : `--${k} ${o.placeholder}`;
    return o.required ? s : `[${s}]`;
  });
  return ['daftar-ikm', name, ...(c.argument ? [c.argument] : []), ...options].join(' ');
}

export function usage(): string {
  const lines = (Object.keys(COMMANDS) as CommandName[]).map((n) => `  ${synopsis(n)}`);
  return `${bilingual('usage.title')}:\n${lines.join('\n')}\n${bilingual('usage.passphrase')}\n`;
}

export interface Parsed {
  name: CommandName;
  values: Record<string, string | boolean | undefined>;
  argument: string | undefined;
}

/** The command and its options, or null for help. Every mistake is a UsageError naming what is wrong. */
export function parse(argv: string[]): Parsed | null {
  const [name = '', ...rest] = argv;
  if (name === '' || name === 'help' || name === '--help' || name === '-h') return null;
  if (!Object.hasOwn(COMMANDS, name)) throw new UsageError('unknownCommand', { command: name });
  const command = COMMANDS[name as CommandName];
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: Object.fromEntries(Object.entries(command.options).map(([k, o]) => [k, { type: o.type }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    // parseArgs says what is wrong in English prose; the code and the option it names are what we need
    const err = e as { code?: string; message?: string };
    const option = /'(--?[\w-]+)/.exec(err.message ?? '')?.[1] ?? '';
    const spec = command.options[option.replace(/^-+/, '')];
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new UsageError('unknownOption', { option, command: name });
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw spec?.type === 'boolean'
        ? new UsageError('noValue', { option })
        : new UsageError('missingValue', { option, placeholder: spec?.placeholder ?? '' });
    throw e;
  }
  for (const [k, o] of Object.entries(command.options))
    if (o.required && parsed.values[k] === undefined)
      throw new UsageError('missingOption', { command: name, option: `--${k} ${o.placeholder}` });
  for (const [k, o] of Object.entries(command.options)) {
    const v = parsed.values[k];
    if (o.count && typeof v === 'string' && !(Number.isInteger(Number(v)) && Number(v) >= 1))
      throw new UsageError('count', { option: `--${k}` });
  }
  const allowed = command.argument ? 1 : 0;
  if (parsed.positionals.length > allowed)
    throw new UsageError('tooManyArguments', {
      command: name,
      argument: command.argument ?? '--',
      extra: parsed.positionals.slice(allowed).join(' '),
    });
  if (command.argument && parsed.positionals.length === 0)
    throw new UsageError('missingArgument', { command: name, argument: command.argument });
  return {
    name: name as CommandName,
    values: parsed.values as Parsed['values'],
    argument: parsed.positionals[0],
  };
}
