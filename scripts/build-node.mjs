// Bundles the main side: the Electron entry and preload (CommonJS preload, as sandboxed preloads require),
// the browser-mode server and the command line. npm packages stay external (better-sqlite3 is native,
// pdfkit reads its font metrics from its own folder) except in the preload, which must be self-contained.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    entryPoints: { web: 'electron/web/main.ts', cli: 'electron/cli/main.ts' },
    outdir: 'dist/node',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    packages: 'external',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  }),
  build({
    ...common,
    entryPoints: { main: 'electron/shell/main.ts' },
    outdir: 'dist/electron',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    packages: 'external',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  }),
  build({
    ...common,
    entryPoints: { preload: 'electron/shell/preload.ts' },
    outdir: 'dist/electron',
    format: 'cjs',
    platform: 'node',
    external: ['electron'],
  }),
]);
console.log('built dist/node and dist/electron');
