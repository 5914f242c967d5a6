/**
 * `npm run dist`: the Windows installer (NSIS, per machine, offline: everything inside the .exe) and a Linux
 * package, built by electron-builder. It needs the Electron binaries for both platforms, which
 * electron-builder downloads (or finds in ELECTRON_CACHE). Where they cannot be had, this says why and what
 * to do, and exits 1, instead of a stack trace from the middle of a download.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const say = (s) => process.stdout.write(`${s}\n`);
const stop = (why, todo) => {
  process.stderr.write(
    `\nnpm run dist tidak dapat membuat pemasang / cannot build the installers:\n  ${why}\n  ${todo}\n`,
  );
  process.exit(1);
};

let version;
try {
  version = require('electron/package.json').version;
} catch {
  stop('the electron package is not installed.', 'Run `npm ci` on a machine with internet access first.');
}
const cache =
  process.env.ELECTRON_CACHE ??
  (process.platform === 'win32'
    ? path.join(process.env.LOCALAPPDATA ?? os.homedir(), 'electron', 'Cache')
    : path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'electron'));
const cached = existsSync(cache) ? readdirSync(cache).filter((f) => f.includes(`v${version}`)) : [];
const need = [`electron-v${version}-win32-x64.zip`, `electron-v${version}-linux-x64.zip`];
const missing = need.filter((z) => !cached.some((c) => c.endsWith(z) || c.includes(z)));
if (missing.length) {
  say(`Electron ${version}: not in ${cache} (${missing.join(', ')}); checking the download site…`);
  // DAFTAR_IKM_ELECTRON_MIRROR: a local mirror (or, in the test, an address that refuses)
  const base =
    process.env.DAFTAR_IKM_ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/';
  const url = `${base}v${version}/${missing[0]}`;
  const ok = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(10_000) })
    .then((r) => r.ok || (r.status >= 300 && r.status < 400))
    .catch((e) => {
      say(`  ${e.cause?.code ?? e.message}`);
      return false;
    });
  if (!ok)
    stop(
      `Electron ${version} for ${missing.map((m) => m.replace(/^electron-v[\d.]+-|\.zip$/g, '')).join(' and ')} cannot be downloaded here (no internet, or the download site is blocked), and it is not in ${cache}.`,
      `Build on a machine with internet access, or copy ${need.join(' and ')} into ${cache} (or set ELECTRON_CACHE) and run again. See README, "Membuat pemasang".`,
    );
}

const run = (cmd, args) => {
  say(`> ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) stop(`${cmd} ${args[0] ?? ''} failed (exit ${r.status}).`, 'Read the lines above.');
};
run('npm', ['run', 'build']);
run('npx', ['electron-builder', '--win', 'nsis', '--x64', '--linux', 'tar.gz', 'deb', '--publish', 'never']);
say('Pemasang ada di folder release/ (Windows: Daftar-IKM-Setup-*.exe; Linux: *.tar.gz, *.deb).');
