// Bundles the main side: the Electron entry and preload (CommonJS preload, as sandboxed preloads require),
// the browser-mode server and the command line. npm packages stay external (better-sqlite3 is native,
// pdfkit reads its font metrics from its own folder) except in the preload, which must be self-contained,
// and except the few pure-JS ones every start needs (BUNDLED): loaded from node_modules, kysely alone is
// some 300 files for Node to find, read and link before the app can listen.
//
// The app and Electron builds are split (esbuild `splitting`): the handlers of the features not on the first
// screen (letters, reports, exports, imports, activity sheets) are dynamic imports (electron/handlers/
// index.ts), so their chunks and the packages only they use (pdfkit, fontkit, qrcode, exceljs, csv-parse)
// load on the first call that needs them, not at start. Chunks sit next to the entries (`<entry>-<name>-
// <hash>.mjs`), where the workers are looked for too.
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

/** npm packages bundled into the main side's files rather than loaded from node_modules (see above) */
const BUNDLED = new Set(['kysely', 'zod', 'fastest-levenshtein']);
const packageName = (p) =>
  p
    .split('/')
    .slice(0, p.startsWith('@') ? 2 : 1)
    .join('/');
/** `packages: 'external'` but for BUNDLED */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (a) =>
      a.kind === 'entry-point' || a.path.startsWith('node:') || BUNDLED.has(packageName(a.path))
        ? undefined
        : { path: a.path, external: true },
    );
  },
};

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
    splitting: true,
    chunkNames: 'web-[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    plugins: [externalPackages],
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
    splitting: true,
    chunkNames: 'main-[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    plugins: [externalPackages],
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
    chunkNames: 'cli-[name]-[hash]',
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
