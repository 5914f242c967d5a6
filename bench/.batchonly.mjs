import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
const dataFolder = path.resolve('bench/data');
const bundle = (entry, outfile) => build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node22', format: 'esm', packages: 'external', logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
await bundle('electron/services/letters/worker.ts', path.join(dataFolder, 'letters-worker.mjs'));
await bundle('bench/letters-batch-child.ts', path.join(dataFolder, 'letters-batch-child.mjs'));
const out = execFileSync(process.execPath, ['--expose-gc', path.join(dataFolder, 'letters-batch-child.mjs')], { encoding: 'utf8', env: { ...process.env, DAFTAR_IKM_FONTS_DIR: path.resolve('build/fonts') } });
console.log(out.trim().split('\n').at(-1));
