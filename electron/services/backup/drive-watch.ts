/** The drive list the backup page shows, and a short watch that tells it when a stick comes or goes. */
import type { Drive } from '../../../shared/schemas/backup';
import type { AppContext } from '../../app/context';
import { drivesKey, listDrives } from './drives';

let watcher: { timer: NodeJS.Timeout; until: number; key: string } | null = null;

/**
 * The drives now, and (for a minute after each call) a poll every 2 s that emits `backup:drives` when a
 * stick is plugged in or pulled out.
 */
export async function drivesAndWatch(ctx: AppContext): Promise<Drive[]> {
  const fake = ctx.config.fakeDrives;
  const drives = await listDrives(fake);
  const until = Date.now() + 60_000;
  if (watcher) {
    watcher.until = until;
    watcher.key = drivesKey(drives);
  } else {
    const w = { until, key: drivesKey(drives), timer: setInterval(() => void tick(), 2000) };
    w.timer.unref();
    watcher = w;
    const tick = async () => {
      if (!watcher) return;
      if (Date.now() > watcher.until) {
        clearInterval(watcher.timer);
        watcher = null;
        return;
      }
      const now = await listDrives(fake);
      const key = drivesKey(now);
      if (watcher && key !== watcher.key) {
        watcher.key = key;
        ctx.emit('backup:drives', { drives: now });
      }
    };
  }
  return drives;
}

export function stopDriveWatch(): void {
  if (watcher) clearInterval(watcher.timer);
  watcher = null;
}
