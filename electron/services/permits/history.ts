import type { HistoryEvent } from '../../../shared/schemas/business';
import { historySources, type HistorySource } from '../business-history';

/**
 * A business's permits in its timeline (issue 8: permits are audited like businesses): each permit's audit
 * rows (added, changed, scan attached, archived) become events naming the permit's type and number. The
 * changes themselves stay on the permit's card; the timeline says what happened, when and by whom.
 */
const KIND: Record<string, string> = {
  create: 'permitAdded',
  update: 'permitChanged',
  scan: 'permitScan',
  archive: 'permitArchived',
};

export const permitHistory: HistorySource = async (db, business) => {
  const rows = await db
    .selectFrom('permits as p')
    .innerJoin('audit_log as a', (j) =>
      j.onRef('a.record_id', '=', 'p.id').on('a.table_name', '=', 'permits'),
    )
    .innerJoin('permit_types as t', 't.id', 'p.type_id')
    .select(['a.id', 'a.at', 'a.user_name', 'a.reason', 'a.action', 'p.number', 't.short_name'])
    .where('p.business_id', '=', business.id)
    .orderBy('a.id', 'desc')
    .execute();
  return rows.map((r): HistoryEvent => ({
    key: `audit:${r.id}`,
    at: r.at,
    kind: KIND[r.action] ?? 'permitChanged',
    actor: r.user_name,
    reason: r.reason,
    changes: [],
    params: { type: r.short_name, number: r.number ?? '–' },
    otherBusinessId: null,
  }));
};

/** Registered once, when the permit handlers are loaded. */
export function registerPermitHistory(): void {
  if (!historySources.includes(permitHistory)) historySources.push(permitHistory);
}
