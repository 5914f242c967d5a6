import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/**
 * The uuid of a record written in bulk (the import's owners, businesses, audit rows): RFC 9562 version 7, whose
 * first 48 bits are the time in milliseconds. Its unique index then grows at its end as the table does;
 * a random (version 4) uuid lands on a random page of that index, so a bulk insert dirtied and wrote a page
 * of it per row (measured on the import's commit of 30,000 rows: see docs/benchmarks.md, note 11).
 * 74 random bits per uuid; the time it carries is the record's `created_at`, already stored. Not for ids
 * that are cut short for names: their first characters are the time (electron/app/context.ts `defaultUuid`).
 *
 * The random bytes come from a pool refilled by one `randomFillSync` (as Node's own `randomUUID` does):
 * the library's default asks Web Crypto for 16 bytes per uuid, ~4 µs each, more than the insert it serves.
 */
const POOL = 16 * 256;
const pool = new Uint8Array(POOL);
let at = POOL;

function random16(): Uint8Array {
  if (at === POOL) {
    randomFillSync(pool);
    at = 0;
  }
  at += 16;
  return pool.subarray(at - 16, at);
}

export const newRecordUuid = (): string => v7({ random: random16() });
