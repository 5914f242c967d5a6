/**
 * The command line's arguments (node:util parseArgs, per command) and its messages (the locale files through
 * i18next), run as a real process the way `npm run cli` runs it.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, usage, UsageError } from '../../../electron/cli/args';
import { failureLine, hasMessage, messages } from '../../../electron/cli/i18n';

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DAFTAR_IKM_BACKUP_PASSPHRASE: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

type Tree = { [k: string]: string | Tree };
const keysOf = (t: Tree, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`),
  );
const locale = (lang: string, file: string) =>
  JSON.parse(readFileSync(path.join('renderer/locales', lang, file), 'utf8')) as Tree;

/** What a wrong command line prints first: the GAGAL line of the UsageError parse() throws. */
function usageLine(args: string[]): string {
  try {
    parse(args);
  } catch (e) {
    if (e instanceof UsageError) return failureLine('USAGE', 2, `usageError.${e.key}`, e.params);
    throw e;
  }
  throw new Error(`no usage error for ${JSON.stringify(args)}`);
}

describe('command-line arguments', () => {
  it("parses each command's options and its one argument", () => {
    expect(parse(['backup', '--to', 'E:\\', '--data-dir=/data', '--keep', '20'])).toEqual({
      name: 'backup',
      values: { to: 'E:\\', 'data-dir': '/data', keep: '20' },
      argument: undefined,
    });
    expect(parse(['restore', '--yes', '--from', 'a.dikm'])).toMatchObject({
      name: 'restore',
      values: { from: 'a.dikm', yes: true },
    });
    expect(parse(['verify', 'a b.dikm'])).toMatchObject({ name: 'verify', argument: 'a b.dikm' });
    expect(parse([])).toBeNull();
    expect(parse(['help'])).toBeNull();
  });

  it.each([
    [['nonsense'], 'Perintah "nonsense" tidak dikenal.', 'Unknown command "nonsense".'],
    [['toString'], 'Perintah "toString" tidak dikenal.', 'Unknown command "toString".'],
    [['backup'], 'Perintah backup perlu --to FOLDER.', 'The backup command needs --to FOLDER.'],
    [['backup', '--to'], 'Pilihan --to perlu nilai, mis. --to FOLDER.', 'Option --to needs a value'],
    [['backup', '--to', '--keep', '3'], 'Pilihan --to perlu nilai', 'Option --to needs a value'],
    [
      ['backup', '--to', 'E:', '--yes'],
      'Pilihan --yes tidak dikenal untuk perintah backup.',
      'Unknown option --yes',
    ],
    [
      ['restore', '--from', 'a.dikm', '--yes=1'],
      'Pilihan --yes tidak menerima nilai.',
      'Option --yes takes no value.',
    ],
    [['verify'], 'Perintah verify perlu BERKAS.dikm.', 'The verify command needs BERKAS.dikm.'],
    [['list', 'a', 'b'], 'Perintah list hanya menerima FOLDER; kelebihan: b.', 'extra: b.'],
    [
      ['backup', '--to', 'E:', '--keep', '0'],
      '--keep harus bilangan bulat 1 atau lebih.',
      '--keep must be a whole number',
    ],
    [
      ['backup', '--to', 'E:', '--keep', '2.5'],
      '--keep harus bilangan bulat',
      '--keep must be a whole number',
    ],
  ])('%j: one GAGAL line saying what is wrong in both languages', (args, id, en) => {
    const line = usageLine(args);
    expect(line).toMatch(/^GAGAL kode=USAGE keluar=2 pesan="(?:[^"\\]|\\.)*" message="(?:[^"\\]|\\.)*"\n$/);
    expect(line).toContain(`pesan="${id.replace(/"/g, '\\"')}`);
    expect(line).toContain(en.replace(/"/g, '\\"'));
  });

  it('as a process: help on stdout with exit 0; a mistake on stderr with exit 2 and the usage', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toBe(usage());
    expect(help.out).toMatch(
      /^Pemakaian \/ Usage:\n {2}daftar-ikm backup --to FOLDER \[--data-dir FOLDER\] \[--keep N\]\n/,
    );
    expect(help.out).toContain('Frasa sandi cadangan: dari DAFTAR_IKM_BACKUP_PASSPHRASE');
    // a file that exists (a missing one is NOT_FOUND before any passphrase is asked for)
    const wrong = cli(['verify', 'package.json']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toBe(failureLine('USAGE', 2, 'usageError.noPassphrase') + usage());
    expect(wrong.err).toMatch(
      /^GAGAL kode=USAGE keluar=2 pesan="Frasa sandi cadangan tidak diberikan: .*" message="No backup passphrase given/,
    );
    expect(wrong.out).toBe('');
  }, 60_000);
});

describe('command-line messages (renderer/locales through i18next)', () => {
  it('cli.json has the same keys in Indonesian and English', () => {
    expect(keysOf(locale('en', 'cli.json')).sort()).toEqual(keysOf(locale('id', 'cli.json')).sort());
  });

  it('every error key the backup services and the command line can print exists in both languages', () => {
    // the backup feature is split into sub-folders (pipeline/): walk them all
    const dirs = ['electron/services/backup', 'electron/services/jobs', 'electron/cli'];
    const keys = new Set<string>();
    for (const dir of dirs)
      for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) =>
        n.endsWith('.ts'),
      ))
        for (const m of readFileSync(path.join(dir, f), 'utf8').matchAll(/'((?:backup\.)?errors\.\w+)'/g))
          keys.add(m[1]!);
    expect(keys.size).toBeGreaterThan(15);
    const missing = [...keys].filter((k) => !hasMessage(k));
    expect(missing).toEqual([]);
  });

  it('a command-line wording (cli.<key>) wins over the app’s, and parameters are filled in', () => {
    expect(messages('errors.internal')[0]).toContain('logs/main.log');
    expect(messages('errors.internal')[1]).toContain('logs/main.log');
    expect(messages('backup.errors.notEnoughSpace', { needMb: 12, freeMb: 3 })).toEqual([
      expect.stringContaining('perlu sekitar 12 MB, tersedia 3 MB'),
      expect.stringContaining('about 12 MB needed, 3 MB free'),
    ]);
  });
});
