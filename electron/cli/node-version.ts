/**
 * The oldest Node.js the main side runs on: package.json `engines.node` (test/unit/backup/cli-node.test.ts
 * keeps the two equal). better-sqlite3 13 crashes the process (SIGSEGV, exit 139) on Node 20 the moment a
 * database is opened, so the command line checks this before it loads anything that opens one.
 */
export const MIN_NODE = '22.12';

const parts = (v: string) =>
  v
    .replace(/^v/, '')
    .split('.')
    .map((n) => Number.parseInt(n, 10) || 0);

/** Whether `version` (e.g. `20.20.2` or `v22.23.3`) is at least `min`. */
export function nodeSupported(version: string, min = MIN_NODE): boolean {
  const a = parts(version);
  const b = parts(min);
  for (let i = 0; i < 3; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}
