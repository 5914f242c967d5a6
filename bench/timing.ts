/** Timing helpers shared by the benchmarks that report a median of repeated calls. */

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The median milliseconds of `reps` calls of `fn`, after `warmups` calls that are not counted. */
export function medianMs(fn: () => unknown, reps: number, warmups: number): number {
  for (let i = 0; i < warmups; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}
