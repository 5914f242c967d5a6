import type { Statement } from 'better-sqlite3';
import type { RawDb } from '../connection';

/** Sees each statement about to run, with its parameters. */
type StatementObserver = (sql: string, params: unknown[]) => void;

/**
 * Raw statements that can be observed: the benchmarks record what ran to replay it on bare better-sqlite3 (their
 * floor), and tests check it. `prepare` gives the statement for the SQL (a cached one, or a new one each time).
 */
export function observedStatements(prepare: (raw: RawDb, sql: string) => Statement) {
  let observer: StatementObserver | null = null;
  const statement = (raw: RawDb, sql: string, params: unknown[]): Statement => {
    observer?.(sql, params);
    return prepare(raw, sql);
  };
  return {
    observe(fn: StatementObserver | null): void {
      observer = fn;
    },
    all: <T>(raw: RawDb, sql: string, params: unknown[]): T[] =>
      statement(raw, sql, params).all(...params) as T[],
    get: <T>(raw: RawDb, sql: string, params: unknown[]): T =>
      statement(raw, sql, params).get(...params) as T,
  };
}
