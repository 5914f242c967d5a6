import type { Result } from '../../shared/errors';
import type { AppErrorShape } from '../../shared/errors';
import type { ChannelName, EventName, Events, InputOf, OutputOf } from '../../shared/ipc/contract';

/**
 * The only file that touches `window.api`. In Electron the preload exposes `invoke` and `on`; in the browser
 * mode the same calls go over loopback HTTP to the same dispatcher, with the per-run secret the server wrote
 * into the page.
 */
export interface Bridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    api?: Bridge;
  }
}

function webBridge(): Bridge {
  const token = document.querySelector<HTMLMetaElement>('meta[name="daftar-ikm-token"]')?.content ?? '';
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let source: EventSource | null = null;
  const ensureSource = () => {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (m: MessageEvent<string>) => {
      const { event, payload } = JSON.parse(m.data) as { event: string; payload: unknown };
      listeners.get(event)?.forEach((cb) => cb(payload));
    };
  };
  return {
    async invoke(channel, input) {
      try {
        const res = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Daftar-IKM-Token': token },
          body: JSON.stringify({ channel, input }),
        });
        if (!res.ok) return { ok: false, error: { code: 'INTERNAL', message: 'errors.connection' } };
        return (await res.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: 'errors.connection' } };
      }
    },
    on(event, cb) {
      ensureSource();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(cb);
      return () => set.delete(cb);
    },
  };
}

const bridge: Bridge = window.api ?? webBridge();
export const isElectron = window.api !== undefined;

/** Thrown by `call` when main answers with an error envelope; carries the i18n key and field errors. */
export class IpcError extends Error {
  readonly error: AppErrorShape;
  constructor(error: AppErrorShape) {
    super(error.message);
    this.name = 'IpcError';
    this.error = error;
  }
}

/**
 * Session watch: main ends a session after the idle time-out (sessions.ts). The app learns of it when a call
 * is refused as UNAUTHENTICATED, or when its own timer (reset by every call that counts as activity) runs out.
 */
const PASSIVE = new Set(['app:info', 'backup:status', 'auth:session']);
const sessionListeners = new Set<(why: 'activity' | 'lost') => void>();
export function onSessionSignal(cb: (why: 'activity' | 'lost') => void): () => void {
  sessionListeners.add(cb);
  return () => sessionListeners.delete(cb);
}
function signal(channel: string, r: Result<unknown>): void {
  const why = !r.ok && r.error.code === 'UNAUTHENTICATED' ? 'lost' : PASSIVE.has(channel) ? null : 'activity';
  if (why) sessionListeners.forEach((cb) => cb(why));
}

/** Typed call: resolves with the value or throws IpcError. */
export async function call<C extends ChannelName>(channel: C, input?: InputOf<C>): Promise<OutputOf<C>> {
  const r = await bridge.invoke(channel, input);
  signal(channel, r);
  if (!r.ok) throw new IpcError(r.error);
  return r.value as OutputOf<C>;
}

export function onEvent<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void {
  return bridge.on(event, cb as (p: unknown) => void);
}

/** A URL the page can open for a file main produced (a letter PDF) in the browser mode. */
export function fileUrl(relPath: string): string {
  const token = document.querySelector<HTMLMetaElement>('meta[name="daftar-ikm-token"]')?.content ?? '';
  return `/files/${relPath.split('/').map(encodeURIComponent).join('/')}?token=${encodeURIComponent(token)}`;
}
