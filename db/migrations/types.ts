import type { RawDb } from '../connection';

/**
 * A numbered migration. Frozen once released: never edit one, add the next. `up` runs synchronously inside
 * one transaction opened by the runner; it may use `raw.exec` and prepared statements.
 */
export interface Migration {
  version: number;
  name: string;
  up(raw: RawDb): void;
  /**
   * Rebuilds a table other tables refer to (SQLite's documented 12-step way to change a constraint): the runner
   * turns foreign keys off around the transaction and runs `foreign_key_check` before it commits.
   */
  foreignKeysOff?: boolean;
}
