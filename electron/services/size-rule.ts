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

export const PP7_RULE_KEY = 'sizeClass.pp7Rule';

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

/**
 * The PP 7/2021 class under `rule` as an SQL expression over a businesses row `t` (`t` is a table alias,
 * never user input): the criterion the rule names, or the other one when that figure is missing; `larger`
 * is the stored `business_class`.
 */
export function pp7ClassSql(rule: Pp7Rule, t: string): string {
  if (rule === 'capital') return `COALESCE(${t}.business_class_capital, ${t}.business_class_turnover)`;
  if (rule === 'turnover') return `COALESCE(${t}.business_class_turnover, ${t}.business_class_capital)`;
  return `${t}.business_class`;
}

/**
 * The PP 7/2021 class under the office's stored rule, as one SQL expression (the setting is read by an
 * uncorrelated subquery, evaluated once per statement): for the list, its filter and the ids of an export
 * or a letter batch, which are built as SQL text without a round trip for the setting.
 */
export function pp7ClassBySettingSql(t: string): string {
  const others = PP7_RULES.filter((r) => r !== DEFAULT_PP7_RULE);
  return `(CASE (SELECT value FROM settings WHERE key = '${PP7_RULE_KEY}')
    ${others.map((r) => `WHEN '${r}' THEN ${pp7ClassSql(r, t)}`).join(' ')}
    ELSE ${pp7ClassSql(DEFAULT_PP7_RULE, t)} END)`;
}
