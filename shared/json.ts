import type { z } from 'zod';

/**
 * JSON from anywhere outside the running code (a JSON column, a backup header or manifest read from a stick,
 * an imported key file, a saved mapping) is parsed with a schema, never `JSON.parse(...) as T`.
 */
export type JsonParse<T> =
  { ok: true; value: T } | { ok: false; error: 'syntax' | 'shape'; issues?: z.core.$ZodIssue[] };

export function parseJsonWith<S extends z.ZodType>(schema: S, text: string): JsonParse<z.output<S>> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'syntax' };
  }
  const r = schema.safeParse(raw);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: 'shape', issues: r.error.issues };
}

/** The parsed value, or `fallback` when the text is not JSON of that shape (a damaged column reads as empty). */
export function jsonOr<S extends z.ZodType>(
  schema: S,
  text: string | null | undefined,
  fallback: z.output<S>,
): z.output<S> {
  if (text === null || text === undefined) return fallback;
  const r = parseJsonWith(schema, text);
  return r.ok ? r.value : fallback;
}
