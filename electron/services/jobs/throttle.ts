/** Passes at most one call per `ms` to `fn`; a forced call (the first or the last report) always passes. */
export function throttle<T>(ms: number, fn: (v: T) => void): (v: T, force?: boolean) => void {
  let last = 0;
  return (v, force = false) => {
    const now = Date.now();
    if (!force && now - last < ms) return;
    last = now;
    fn(v);
  };
}
