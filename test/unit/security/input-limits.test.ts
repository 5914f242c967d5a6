/**
 * Issue 10, hole 7: size limits on every free-text and JSON input, and NUL in a search.
 *  - Every channel's input schema, read as JSON Schema, bounds every string (maxLength, an enum, or an anchored
 *    pattern of bounded length), every array (maxItems) and every free-form object (a maxBytes limit).
 *  - A 15 MB `business:sameAs` draft is refused with VALIDATION and nothing is stored.
 *  - NUL (and other control characters) in a search string give a clean answer, never INTERNAL.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { noInput } from '../../../shared/ipc/define';
import { channels } from '../../../shared/ipc/contract';
import { type TestApp } from '../../fixtures/app';
import { testAppForAll } from '../../fixtures/app-hooks';

type J = Record<string, unknown>;

/** An anchored pattern whose every quantifier is bounded ({n}, {n,m}, ?) cannot match a long string. */
function boundedPattern(p: unknown): boolean {
  return typeof p === 'string' && p.startsWith('^') && p.endsWith('$') && !/[*+]|\{\d+,\}/.test(p);
}

function unbounded(schema: unknown, at: string, out: string[]): void {
  if (!schema || typeof schema !== 'object') return;
  const j = schema as J;
  const types = Array.isArray(j.type) ? (j.type as unknown[]) : [j.type];
  if (
    types.includes('string') &&
    j.maxLength === undefined &&
    !j.enum &&
    j.const === undefined &&
    !boundedPattern(j.pattern)
  )
    out.push(`${at}: string without maxLength`);
  if (types.includes('array') && j.maxItems === undefined && !Array.isArray(j.prefixItems))
    out.push(`${at}: array without maxItems`);
  if (
    types.includes('object') &&
    j.additionalProperties &&
    typeof j.additionalProperties === 'object' &&
    j.maxBytes === undefined
  )
    out.push(`${at}: free-form object without maxBytes`);
  // an "anything" schema is only allowed inside an object bounded as a whole
  for (const [k, v] of Object.entries(j)) {
    if (k === 'default' || k === 'examples') continue;
    if (k === 'properties') for (const [p, ps] of Object.entries(v as J)) unbounded(ps, `${at}.${p}`, out);
    else if (k === 'additionalProperties' && j.maxBytes !== undefined) continue;
    else if (Array.isArray(v)) v.forEach((x, i) => unbounded(x, `${at}.${k}[${i}]`, out));
    else if (v && typeof v === 'object') unbounded(v, `${at}.${k}`, out);
  }
}

describe('every channel input is bounded', () => {
  it('strings, arrays and free-form objects all carry a limit', () => {
    const out: string[] = [];
    for (const [name, def] of Object.entries(channels)) {
      if (def.input === noInput) continue;
      const js = z.toJSONSchema(def.input as z.ZodType, { io: 'input', unrepresentable: 'any' });
      unbounded(js, name, out);
    }
    expect(out).toEqual([]);
  });
});

describe('oversized and hostile inputs through the real dispatcher', () => {
  let app: TestApp;
  testAppForAll((made) => (app = made));

  it('a 15 MB business:sameAs draft is refused and nothing is stored', async () => {
    const b = await app.call('business:create', {
      name: 'Keripik Tempe Bu Sri',
      ownerName: 'Sri Wahyuni',
      villageName: 'Ajung',
    });
    const count = () =>
      (app.ctx.opened.raw.prepare('SELECT count(*) AS n FROM duplicate_decisions').get() as { n: number }).n;
    const before = count();
    const big = 'x'.repeat(15 * 1024 * 1024);
    const r = await app.dispatch('business:sameAs', {
      candidateId: b.id,
      reasons: ['name'],
      draft: { name: 'Keripik', notes: big },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('VALIDATION');
    // many small keys add up the same way
    const wide = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, 'y'.repeat(3000)]));
    const r2 = await app.dispatch('business:sameAs', { candidateId: b.id, reasons: ['name'], draft: wide });
    expect(r2.ok).toBe(false);
    expect(count()).toBe(before);
    // an ordinary draft is still accepted
    const ok = await app.dispatch('business:sameAs', {
      candidateId: b.id,
      reasons: ['name'],
      draft: { name: 'Keripik Tempe Bu Sri', villageName: 'Ajung', constraints: ['modal'] },
    });
    expect(ok.ok).toBe(true);
    expect(count()).toBe(before + 1);
  });

  it('a 15 MB text in any record field is refused', async () => {
    const r = await app.dispatch('business:create', {
      name: 'Usaha',
      ownerName: 'Sri',
      villageName: 'Ajung',
      ownerNik: '3'.repeat(15 * 1024 * 1024),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('VALIDATION');
  });

  it('NUL and control characters in a search give a clean answer, never INTERNAL', async () => {
    const searches: [string, unknown][] = [
      ['business:list', { query: 'Keripik\u0000' }],
      ['business:list', { query: '\u0000' }],
      ['business:list', { query: 'Kal\u0000isat "x' }],
      ['region:search', { query: 'Kali\u0000sat' }],
      ['kbli:search', { query: 'keri\u0000pik' }],
      ['letter:list', { query: 'surat\u0000' }],
    ];
    for (const [channel, input] of searches) {
      const r = await app.dispatch(channel, input);
      if (!r.ok) expect(r.error.code, `${channel} ${JSON.stringify(input)}`).toBe('VALIDATION');
    }
    const r = await app.dispatch('business:list', { query: 'Keripik\u0000' });
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.value as { total: number }).total).toBeGreaterThanOrEqual(1);
  });
});
