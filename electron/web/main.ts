/**
 * Browser mode (`npm run start:web`): the real main side in Node, serving the built renderer on 127.0.0.1.
 * This is how the app runs and is tested where no Electron binary exists.
 *
 * This entry only turns on Node's compile cache (the compiled code of the app and its packages, kept in the
 * system's temporary folder and checked against the sources) before anything else is loaded, then starts
 * the app (start.ts): a start after the first skips compiling most of the main side.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache?.();
void import('./start');
