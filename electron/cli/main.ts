/**
 * Command line for IT staff and schedulers: `npm run cli -- <command>` (bundled: `node dist/node/cli.mjs`).
 * The commands, their output and exit codes: run.ts and docs/cli.md.
 *
 * This entry only checks that the Node.js running it is one the app supports, then loads the commands.
 * Static imports are hoisted and run before any statement here, so everything that may load better-sqlite3
 * (which segfaults on Node 20) comes through the dynamic import below, never through a static one; the
 * bundle keeps it in a separate chunk (scripts/build-node.mjs).
 */
import { failureLine } from './i18n';
import { MIN_NODE, nodeSupported } from './node-version';

if (!nodeSupported(process.versions.node)) {
  process.stderr.write(
    failureLine('NODE_TOO_OLD', 1, 'nodeTooOld', { need: MIN_NODE, have: process.versions.node }),
  );
  process.exit(1);
}

const { main } = await import('./run');
await main(process.argv.slice(2));
