/**
 * The office's rule for the PP 7/2021 class when modal usaha and hasil penjualan tahunan give different
 * classes (issue 11 item 9): stored in `settings`, changed by an admin on the settings page, audited. The
 * record page, the letter, the list filter and the export read it; the database keeps the class by each
 * criterion (`business_class_capital`, `business_class_turnover`, migration 014) and `pp7ClassSql` picks.
 */
import type { Db } from '../../db/connection';
import { writeAudit } from '../../db/queries/audit';
import { DEFAULT_PP7_RULE, PP7_RULES, type Pp7Rule } from '../../shared/domain/size-class';
import type { AppContext } from '../app/context';
import { dbOf } from '../app/context';
import { withWrite } from '../app/write';
import { getSetting, setSetting } from './settings';
import { PP7_RULE_KEY } from '../../db/queries/pp7-class';

/** The stored rule; the default (capital, PP 7/2021 Pasal 35 ayat 3) when unset or unreadable. */
export async function getPp7Rule(db: Db): Promise<Pp7Rule> {
  const v = await getSetting(db, PP7_RULE_KEY);
  return (PP7_RULES as readonly string[]).includes(v ?? '') ? (v as Pp7Rule) : DEFAULT_PP7_RULE;
}

export async function savePp7Rule(ctx: AppContext, rule: Pp7Rule): Promise<{ pp7Rule: Pp7Rule }> {
  const before = await getPp7Rule(dbOf(ctx));
  if (before !== rule)
    await withWrite(ctx, async (w) => {
      await setSetting(w, PP7_RULE_KEY, rule);
      await writeAudit(w, {
        table: 'settings',
        recordId: null,
        recordUuid: null,
        action: 'update',
        before: { [PP7_RULE_KEY]: before },
        after: { [PP7_RULE_KEY]: rule },
      });
    });
  return { pp7Rule: rule };
}
