/**
 * The PP 7/2021 class under the office's rule as SQL (issue 11 item 9), with no other dependency so the
 * export worker can use it. The rule itself is read and saved by electron/services/size-rule.ts.
 */
import type Database from 'better-sqlite3';
import { DEFAULT_PP7_RULE, PP7_RULES, type Pp7Rule } from '../../shared/domain/size-class';

/** the settings key holding the office's rule */
export const PP7_RULE_KEY = 'sizeClass.pp7Rule';

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

/**
 * The office's stored rule on a bare connection (the reports and the list run on better-sqlite3; the export
 * worker too): the default when unset or unreadable, as `getPp7Rule` (electron/services/size-rule.ts).
 */
export function pp7RuleOf(raw: Database.Database): Pp7Rule {
  const v = raw.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(PP7_RULE_KEY) as
    string | undefined;
  return (PP7_RULES as readonly string[]).includes(v ?? '') ? (v as Pp7Rule) : DEFAULT_PP7_RULE;
}
