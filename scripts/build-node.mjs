// Bundles the main side: the Electron entry and preload (CommonJS preload, as sandboxed preloads require),
// the browser-mode server and the command line. npm packages stay external (better-sqlite3 is native,
// pdfkit reads its font metrics from its own folder) except in the preload, which must be self-contained.
import { build } from 'esbuild';
import path from 'node:path';

const dist = path.resolve(process.env.DAFTAR_IKM_DIST_DIR ?? 'dist');

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' };
const esmBanner = {
  js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
};

await Promise.all([
  build({
    ...common,
    entryPoints: {
      web: 'electron/web/main.ts',
      // the backup worker sits next to the bundle that starts it (see electron/services/backup/runner.ts)
      'backup-worker': 'electron/services/backup/worker.ts',
      // the letters batch worker, next to the bundle that starts it (electron/services/letters/batch.ts)
      'letters-worker': 'electron/services/letters/worker.ts',
    },
    outdir: path.join(dist, 'node'),
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    packages: 'external',
    banner: esmBanner,
  }),
  build({
    ...common,
    entryPoints: {
      main: 'electron/shell/main.ts',
      'backup-worker': 'electron/services/backup/worker.ts',
      'letters-worker': 'electron/services/letters/worker.ts',
    },
    outdir: path.join(dist, 'electron'),
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    packages: 'external',
    banner: esmBanner,
  }),
  // The command line checks the Node version before anything loads better-sqlite3 (which segfaults on Node
  // 20): its commands are a dynamic import, kept in their own chunk so that the external packages they
  // import are not hoisted into cli.mjs. The chunk sits next to backup-worker.mjs, which it starts.
  build({
    ...common,
    entryPoints: { cli: 'electron/cli/main.ts' },
    outdir: path.join(dist, 'node'),
    format: 'esm',
    splitting: true,
    chunkNames: 'cli-[name]',
    outExtension: { '.js': '.mjs' },
    packages: 'external',
    banner: esmBanner,
  }),
  build({
    ...common,
    entryPoints: { preload: 'electron/shell/preload.ts' },
    outdir: path.join(dist, 'electron'),
    format: 'cjs',
    platform: 'node',
    external: ['electron'],
  }),
]);
console.log(
  `built ${path.relative(process.cwd(), dist)}/node and ${path.relative(process.cwd(), dist)}/electron`,
);
