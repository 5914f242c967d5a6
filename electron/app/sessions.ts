import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { SessionUser } from '../../shared/schemas/office';

/**
 * Sessions belong to a client (issue 10, hole 4). A client is a browser holding a session cookie (browser
 * mode) or a window (Electron: its webContents id). Each call runs with its client's session, found here by
 * the transport and handed to the dispatcher; handlers keep reading `ctx.session`, which resolves to the
 * session of the call they serve (AsyncLocalStorage), so no handler can act as another client.
 *
 * A session ends at sign-out, after `idleMs` without activity, when its user is disabled or their password is
 * reset, and for everyone at a restore. Sessions live in memory only: restarting the app signs everyone out.
 */
export interface ClientSession {
  user: SessionUser | null;
  /** The client's session ended by idle time-out (it is told once it comes back, until it signs in again). */
  ended?: 'idle' | null;
}

interface Entry {
  user: SessionUser | null;
  lastSeen: number;
  ended: 'idle' | null;
}

/** Calls that do not count as the clerk's activity (polls the screens make by themselves). */
export const PASSIVE_CHANNELS: ReadonlySet<string> = new Set(['app:info', 'backup:status', 'auth:session']);

const MAX_ENDED = 1000;

export class SessionStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly idleMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** A new unguessable key for a browser session cookie. */
  static newKey(): string {
    return randomBytes(32).toString('base64url');
  }

  /**
   * Runs one call for the client holding `key` (a cookie value or a window key; null: a client without one).
   * `nextKey` names the key a client that signs in during the call gets. Answers the call's result and the key
   * the client holds afterwards (null: none, its session ended).
   */
  async run<T>(
    key: string | null,
    channel: string,
    fn: (session: ClientSession) => Promise<T>,
    nextKey: () => string = SessionStore.newKey,
  ): Promise<{ result: T; key: string | null }> {
    const now = this.clock();
    const entry = key ? this.entries.get(key) : undefined;
    let ended: 'idle' | null = entry?.ended ?? null;
    if (entry?.user && now - entry.lastSeen > this.idleMs) {
      entry.user = null;
      entry.ended = ended = 'idle';
    }
    const session: ClientSession = { user: entry?.user ?? null, ended };
    const before = session.user;
    const result = await fn(session);
    const after = this.clock();
    if (session.user) {
      // signed in (now or before): keep it under the same key, or a new one after a sign-in
      const k = key && before && before.id === session.user.id ? key : nextKey();
      if (key && k !== key) this.entries.delete(key);
      const e = this.entries.get(k);
      const active = !PASSIVE_CHANNELS.has(channel) || !e || e.user?.id !== session.user.id;
      this.entries.set(k, {
        user: session.user,
        lastSeen: active ? after : (e?.lastSeen ?? after),
        ended: null,
      });
      return { result, key: k };
    }
    if (key && entry) {
      if (before && !session.user) entry.ended = null; // signed out: nothing more to say
      if (!entry.ended) this.entries.delete(key);
      else entry.user = null;
      this.pruneEnded();
    }
    return { result, key: key && this.entries.has(key) ? key : null };
  }

  /** A signed-in, not idle session is held under `key` (a file download, which is not a call). */
  isSignedIn(key: string | null): boolean {
    return this.signedInUser(key) !== null;
  }

  /** The user of a signed-in, not idle session held under `key`, or null (a download checks its role). */
  signedInUser(key: string | null): SessionUser | null {
    const e = key ? this.entries.get(key) : undefined;
    return e?.user && this.clock() - e.lastSeen <= this.idleMs ? e.user : null;
  }

  /** Ends every session of a user (disabled, password reset), or replaces its details (role or name changed). */
  updateUser(userId: number, user: SessionUser | null): void {
    for (const [k, e] of this.entries) {
      if (e.user?.id !== userId) continue;
      if (user) e.user = user;
      else this.entries.delete(k);
    }
  }

  /** A restore swaps the register and its users: everyone signs in again. */
  endAll(): void {
    this.entries.clear();
  }

  /** Forgets a client (its window closed). */
  forget(key: string): void {
    this.entries.delete(key);
  }

  /** Signed-in sessions now (tests, the about box). */
  count(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.user) n++;
    return n;
  }

  private pruneEnded(): void {
    if (this.entries.size <= MAX_ENDED) return;
    for (const [k, e] of this.entries) {
      if (!e.user) this.entries.delete(k);
      if (this.entries.size <= MAX_ENDED / 2) break;
    }
  }
}

const current = new AsyncLocalStorage<ClientSession>();

/** Runs `fn` (a dispatched call) with `session` as `ctx.session` for everything it awaits. */
export function runInSession<T>(session: ClientSession, fn: () => T): T {
  return current.run(session, fn);
}

/** The session of the call being served, or undefined outside a dispatched call. */
export function currentSession(): ClientSession | undefined {
  return current.getStore();
}
