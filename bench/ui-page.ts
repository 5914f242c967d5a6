/**
 * What the UI benchmark (ui.bench.ts) runs inside the page: timing marks taken by the page itself, so the
 * figures carry no Playwright round trips. Every time is the page's `performance.now()`; event times are the
 * events' own `timeStamp` (the moment the browser received the key), on the same clock.
 *
 * `installProbe` is injected before the app's scripts (addInitScript). It records
 * - the first keydown (else input event) after `arm(query)`: the last keystroke of that search;
 * - when the app's fetch of the list's first window for that query started and when its answer arrived;
 * - when the list table says it shows that query's results (`data-results-for`, set by BusinessListPage
 *   once the rows are no longer the previous search's placeholder), plus one frame: rows on screen;
 * - for a cold start: when the sign-in form appeared, when it was submitted, when the first business row
 *   appeared (plus one frame).
 */

export interface SearchMarks {
  query: string;
  key: number;
  fetchStart: number | null;
  fetchEnd: number | null;
  rows: number;
}

export interface StartMarks {
  timeOrigin: number;
  form: number;
  submit: number;
  rows: number;
  /** every call the page made to main until the first rows: channel, start, answer */
  calls: { channel: string; start: number; end: number }[];
}

interface Probe {
  arm(query: string): void;
  result(): Promise<SearchMarks>;
  start: Partial<StartMarks>;
  started(): Promise<StartMarks>;
}

declare global {
  interface Window {
    __uiBench?: Probe;
  }
}

/** Runs in the page (serialised by Playwright): it may use only what it defines itself. */
export function installProbe(): void {
  const afterPaint = (resolve: (t: number) => void) =>
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
  let armed: {
    query: string;
    key: number | null;
    input: number | null;
    fetchStart: number | null;
    fetchEnd: number | null;
    done: Promise<number>;
  } | null = null;

  document.addEventListener(
    'keydown',
    (e) => {
      if (armed && armed.key === null) armed.key = e.timeStamp;
    },
    true,
  );
  document.addEventListener(
    'input',
    (e) => {
      if (armed) armed.input = e.timeStamp;
    },
    true,
  );

  const start: Partial<StartMarks> = { timeOrigin: performance.timeOrigin, calls: [] };
  const realFetch = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    let forArmed = false;
    let channel: string | null = null;
    if (typeof init?.body === 'string' && init.body.startsWith('{"channel":')) {
      try {
        const b = JSON.parse(init.body) as { channel: string; input?: { query?: string; offset?: number } };
        channel = b.channel;
        forArmed =
          armed !== null &&
          b.channel === 'business:list' &&
          !b.input?.offset &&
          (b.input?.query ?? '') === armed.query;
      } catch {
        // not ours
      }
    }
    const mark = armed;
    const t0 = performance.now();
    if (forArmed && mark) mark.fetchStart = t0;
    const res = await realFetch(input, init);
    const t1 = performance.now();
    if (forArmed && mark) mark.fetchEnd = t1;
    if (channel && start.rows === undefined) start.calls!.push({ channel, start: t0, end: t1 });
    return res;
  };

  let startedResolve: (m: StartMarks) => void = () => undefined;
  const startedPromise = new Promise<StartMarks>((r) => (startedResolve = r));
  document.addEventListener(
    'submit',
    () => {
      start.submit ??= performance.now();
    },
    true,
  );
  const watchStart = new MutationObserver(() => {
    if (start.form === undefined && document.querySelector('input[autocomplete="username"]'))
      start.form = performance.now();
    if (start.rows === undefined && document.querySelector('[data-testid="business-row"]')) {
      start.rows = -1;
      afterPaint((t) => {
        start.rows = t;
        watchStart.disconnect();
        startedResolve(start as StartMarks);
      });
    }
  });
  const observeWhenReady = () =>
    watchStart.observe(document.documentElement, { childList: true, subtree: true });
  if (document.documentElement) observeWhenReady();
  else document.addEventListener('readystatechange', observeWhenReady, { once: true });

  window.__uiBench = {
    start,
    started: () => startedPromise,
    arm(query: string) {
      const table = document.querySelector('[data-testid="business-table"]');
      if (!table) throw new Error('the business list is not on screen');
      const done = new Promise<number>((resolve) => {
        const mo = new MutationObserver(() => {
          if (table.getAttribute('data-results-for') === query) {
            mo.disconnect();
            afterPaint(resolve);
          }
        });
        mo.observe(table, { attributes: true, attributeFilter: ['data-results-for'] });
      });
      armed = { query, key: null, input: null, fetchStart: null, fetchEnd: null, done };
    },
    async result() {
      const a = armed;
      if (!a) throw new Error('not armed');
      const rows = await a.done;
      armed = null;
      return {
        query: a.query,
        key: a.key ?? a.input ?? NaN,
        fetchStart: a.fetchStart,
        fetchEnd: a.fetchEnd,
        rows,
      };
    },
  };
}
