/**
 * Worker entries stay light. Every job starts a fresh thread that loads its feature's worker bundle, so what
 * the bundle imports is paid at every start: loading zod cost about 140 ms of CPU per worker here (a backup
 * starts two: the stream and the overlapped integrity check). Schemas run on main; workers get checked data.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const features = readdirSync('electron/services', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join('electron/services', d.name, 'worker.ts')))
  .map((d) => d.name);

async function packagesOf(entry: string): Promise<string[]> {
  const r = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    outdir: 'out',
    metafile: true,
    logLevel: 'silent',
  });
  const out = Object.values(r.metafile.outputs)[0]!;
  return out.imports.filter((i) => i.external).map((i) => i.path);
}

describe('worker bundles', () => {
  it('every feature with a worker is found (the build bundles the same list)', () => {
    expect(features).toEqual(expect.arrayContaining(['backup', 'letters']));
  });

  it.each(['backup', 'letters'])(
    'the %s worker loads no schema library and nothing of Electron',
    async (f) => {
      const pkgs = await packagesOf(`electron/services/${f}/worker.ts`);
      expect(pkgs.filter((p) => p === 'zod' || p.startsWith('zod/') || p === 'electron')).toEqual([]);
    },
  );
});
