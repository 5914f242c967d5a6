import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, DB_FILE_NAME } from '../../db/connection';
import { migrate } from '../../db/migrate';

/**
 * vitest globalSetup: migrates one database (all migrations, the 83,762 villages of the reference lists
 * included) into a temporary file once per run. `makeTestApp` copies that file into each test's data folder
 * instead of migrating again; the app's boot then finds it at the latest version and migrates nothing.
 * Tests of migrations themselves open their own databases and never see it.
 */
export const TEMPLATE_ENV = 'DAFTAR_IKM_TEST_TEMPLATE_DB';

export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-template-'));
  const file = path.join(dir, DB_FILE_NAME);
  const opened = openDatabase(file);
  await migrate(opened.raw);
  // back to a single file: no -wal/-shm beside it, so a plain copy is the whole database
  opened.raw.pragma('journal_mode = DELETE');
  await opened.close();
  // the test workers are started after this and inherit the environment
  process.env[TEMPLATE_ENV] = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
