/** Browser mode, started by main.ts once the compile cache is on: boots the app and serves it. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootApp } from '../app/boot';
import { onAppClosing, onAppStarted } from '../services/backup/service';
import { resolveDataDir } from '../app/paths';
import { readConfig } from '../app/config';
import { log } from '../app/log';
import { resolveDataFile } from '../app/safe-path';
import { startWebServer, type WebServer } from './server';

async function main(): Promise<void> {
  const config = readConfig();
  const dataDir = resolveDataDir(config.dataDir);
  const here = path.dirname(fileURLToPath(import.meta.url));
  // Bundled: a chunk next to dist/node/web.mjs, beside dist/renderer. From source: electron/web/start.ts.
  const rendererDir =
    config.rendererDir ??
    // (also a per-worker build folder such as .dist-refdata/node)
    (path.basename(here) === 'node' && /^\.?dist/.test(path.basename(path.dirname(here)))
      ? path.join(here, '..', 'renderer')
      : path.join(here, '..', '..', 'dist', 'renderer'));
  let server: WebServer | null = null;
  const app = await bootApp({
    dataDir,
    config,
    platform: { emit: (event, payload) => server?.broadcast(event, payload) },
  });
  server = await startWebServer({
    dispatch: app.dispatch,
    rendererDir,
    port: config.port,
    sessions: app.ok ? app.ctx.sessions : undefined,
    resolveFile: app.ok ? (p, role) => resolveDataFile(app.ctx.dataDir, p, role) : undefined,
  });
  // Machine-readable first line for tests and scripts, then the human one.
  process.stdout.write(`DAFTAR_IKM_URL=${server.url}\n`);
  process.stdout.write(
    `Daftar IKM (mode peramban) berjalan di ${server.url}\nData: ${dataDir}\nTekan Ctrl+C untuk berhenti.\n`,
  );
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await server?.close();
    if (app.ok) await onAppClosing(app.ctx);
    await app.close();
    process.exit(0);
  };
  // daily local snapshot (first start of the day), in a worker
  if (app.ok) void onAppStarted(app.ctx);
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((e: unknown) => {
  log.error('browser mode failed to start', e);
  process.exit(1);
});
