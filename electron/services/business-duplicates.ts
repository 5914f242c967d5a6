import { sql } from 'kysely';
import type { z } from 'zod';
import { NAME_SIMILARITY_THRESHOLD, nameMatcher, nameSimilarity } from '../../shared/domain/business-name';
import { DuplicateTally } from '../../shared/import/duplicates';
import type {
  businessCheckDuplicatesSchema,
  businessSameAsSchema,
  DuplicateCandidate,
  DuplicateReason,
} from '../../shared/schemas/business';
import type { Db } from '../../db/connection';
import { writeAudit } from '../../db/queries/audit';
import { loadOrNotFound } from '../../db/queries/record-write';
import type { AppContext } from '../app/context';
import { withWrite } from '../app/write';
import { getBusiness } from './business-record';

type CheckInput = z.output<typeof businessCheckDuplicatesSchema>;

/** At most this many candidates are shown side by side. */
const MAX_CANDIDATES = 5;

/**
 * Possible duplicates of a draft: businesses (not archived) whose owner has the same NIK or the same
 * normalised phone, or whose name is similar in the same desa. Each candidate says why.
 */
export async function checkDuplicates(db: Db, input: CheckInput): Promise<DuplicateCandidate[]> {
  const tally = new DuplicateTally();
  const found = tally.found;
  const add = tally.add.bind(tally);
  const active = () =>
    db
      .selectFrom('businesses as b')
      .innerJoin('owners as o', 'o.id', 'b.owner_id')
      .select(['b.id', 'b.name'])
      .where('b.archived_at', 'is', null)
      .where('b.id', '!=', input.excludeId ?? -1);

  if (input.ownerNik)
    for (const r of await active().where('o.nik', '=', input.ownerNik).limit(20).execute()) add(r.id, 'nik');
  if (input.ownerPhone)
    for (const r of await active().where('o.phone', '=', input.ownerPhone).limit(20).execute())
      add(r.id, 'phone');

  const name = input.name?.trim();
  if (name && (input.villageCode || input.villageName)) {
    // Names only: no join, the desa's index does the work.
    let q = db.selectFrom('businesses as b').select(['b.id', 'b.name']).where('b.archived_at', 'is', null);
    if (input.excludeId) q = q.where('b.id', '!=', input.excludeId);
    q = input.villageCode
      ? q.where('b.village_code', '=', input.villageCode)
      : q.where(sql<boolean>`lower(b.village_name) = lower(${input.villageName!.trim()})`);
    const similarity = nameMatcher(name);
    for (const r of await q.execute()) {
      const s = similarity(r.name);
      if (s >= NAME_SIMILARITY_THRESHOLD) add(r.id, 'name', s);
    }
  }
  // Strongest evidence first: more reasons, then NIK, then name similarity.
  const ranked = [...found.entries()]
    .map(([id, v]) => ({ id, reasons: [...v.reasons], similarity: v.similarity }))
    .sort(
      (a, b) =>
        b.reasons.length - a.reasons.length ||
        Number(b.reasons.includes('nik')) - Number(a.reasons.includes('nik')) ||
        b.similarity - a.similarity,
    )
    .slice(0, MAX_CANDIDATES);
  const out: DuplicateCandidate[] = [];
  const order: DuplicateReason[] = ['nik', 'phone', 'name'];
  for (const c of ranked) {
    const business = await getBusiness(db, c.id);
    out.push({
      business,
      reasons: order.filter((r) => c.reasons.includes(r)),
      nameSimilarity: name ? nameSimilarity(name, business.name) : 0,
    });
  }
  return out;
}

/**
 * "Ini usaha yang sama": nothing new is saved; the decision (with what the clerk had typed) is kept and
 * audited on the existing record.
 */
export async function recordSameDecision(
  ctx: AppContext,
  input: z.output<typeof businessSameAsSchema>,
): Promise<{ businessId: number }> {
  await withWrite(ctx, async (w) => {
    const b = await loadOrNotFound(w.trx, 'businesses', input.candidateId);
    await w.trx
      .insertInto('duplicate_decisions')
      .values({
        uuid: w.uuid(),
        decision: 'same',
        business_id: b.id,
        other_business_id: null,
        reasons_json: JSON.stringify(input.reasons),
        draft_json: input.draft ? JSON.stringify(input.draft) : null,
        reason: null,
        user_id: w.actor.id,
        user_name: w.actor.name,
        decided_at: w.now,
      })
      .execute();
    await writeAudit(w, {
      table: 'businesses',
      recordId: b.id,
      recordUuid: b.uuid,
      action: 'duplicate_decision',
      after: { decision: 'same', reasons: input.reasons, draft: input.draft ?? null },
    });
  });
  return { businessId: input.candidateId };
}
