// Bundles the main side: the Electron entry and preload (CommonJS preload, as sandboxed preloads require),
// the browser-mode server and the command line. npm packages stay external (better-sqlite3 is native,
// pdfkit reads its font metrics from its own folder) except in the preload, which must be self-contained.
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const dist = path.resolve(process.env.DAFTAR_IKM_DIST_DIR ?? 'dist');

// Every feature's worker entry (`electron/services/<feature>/worker.ts`, see electron/services/jobs/thread.ts)
// is bundled as `<feature>-worker.mjs` next to each bundle that may start it: a new feature's worker ships
// without a line here.
const workers = Object.fromEntries(
  readdirSync('electron/services', { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join('electron/services', d.name, 'worker.ts')))
    .map((d) => [`${d.name}-worker`, `electron/services/${d.name}/worker.ts`]),
);

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' };
const esmBanner = {
  js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
};

await Promise.all([
  build({
    ...common,
    entryPoints: {
      web: 'electron/web/main.ts',
      ...workers,
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
      ...workers,
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
  `built ${path.relative(process.cwd(), dist)}/node and ${path.relative(process.cwd(), dist)}/electron ` +
    `(workers: ${Object.keys(workers).join(', ')})`,
);
