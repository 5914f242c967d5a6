/**
 * A child process for the crash tests: boots the app on a data folder and saves businesses one after another,
 * printing `COMMITTED <id>` after each transaction has committed, until it is killed.
 */
import { bootApp } from '../../../electron/app/boot';

const dataDir = process.argv[2]!;
const app = await bootApp({ dataDir, appVersion: '0.0.0-test' });
if (!app.ok) throw new Error(app.error.detail);
const login = await app.dispatch('auth:login', { username: 'siti', password: 'rahasia-kalisat' });
if (!login.ok) throw new Error(JSON.stringify(login.error));
for (let i = 0; ; i++) {
  const r = await app.dispatch('business:create', {
    name: `Tahu Tempe Pak Ahmad ${process.pid}-${i}`,
    ownerName: `Ahmad Fauzi ${i}`,
    villageName: 'Sumberjeruk',
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  process.stdout.write(`COMMITTED ${(r.value as { id: number }).id}\n`);
}
