// Over 400 lines on purpose: the cleaning rules of every field kind side by side (NIK, phone, numbers, dates, villages, permits), each small; one table a reviewer reads at once beats ten files of twenty lines.
import { businessCreateSchema, checkBusinessCreate, type FieldMemo } from '../schemas/business';
import { parseNpwp } from '../validators/npwp';
import { cellText, fold, isPlaceholder, type RawCell, type RawRow } from './cells';
import { parseDate, parseYear, splitPlaceDate, type DateClean } from './dates';
import { cleanNik, lostToPrecision, readDigits } from './identifiers';
import { parseAmount, parseCount, parseDecimal } from './numbers';
import { parsePermits, type PermitCandidate } from './permits';
import { cleanPhone } from './phone';
import type { ImportTarget } from './targets';
import type { VillageMatch, VillageMatcher } from './villages';

/**
 * One row of the sheet, cleaned for the register by the kind of each mapped field. Every change is shown
 * (an `info` issue), every value that cannot be stored is kept for the record's notes (`kept`) and flagged
 * for a person (`review`), and what stops a row from being imported until the clerk decides is `block`.
 */
export type IssueLevel = 'block' | 'review' | 'info';

export type IssueCode =
  // block: the row waits for the clerk
  | 'required'
  | 'villageDoubtful'
  | 'villageAmbiguous'
  | 'villageUnknown'
  | 'duplicateInFile'
  | 'duplicateInRegister'
  // review: imported without the value, a person follows it up
  | 'nikDamaged'
  | 'nikInvalid'
  | 'phoneDamaged'
  | 'phoneInvalid'
  | 'npwpDamaged'
  | 'npwpInvalid'
  | 'dateInvalid'
  | 'numberInvalid'
  | 'countRange'
  | 'optionUnknown'
  | 'kbliInvalid'
  | 'regionCodeUnknown'
  | 'workersMismatch'
  | 'permitNumberInvalid'
  | 'invalid'
  // info: a cleaning, shown
  | 'villageNormalized'
  | 'villageCorrected'
  | 'ownerVillageAsText'
  | 'nikFromNumber'
  | 'phoneFromNumber'
  | 'phoneSeveral'
  | 'numberWords'
  | 'amountScaled'
  | 'dateSerial'
  | 'dateMonthFirst'
  | 'dateTwoDigitYear'
  | 'workersSplit'
  | 'workersTotalOnly'
  | 'permitCandidates'
  | 'permitText'
  | 'placeDateSplit'
  | 'kbliVersionAssumed'
  | 'capacityUnitFromValue';

export interface RowIssue {
  /** the target key of the column concerned ('' for the row) */
  field: string;
  code: IssueCode;
  level: IssueLevel;
  /** the cell as the file had it */
  original?: string;
  params?: Record<string, string | number>;
}

/** A value from the file that the record does not hold: appended to the record's notes, never lost. */
export interface KeptValue {
  field: string;
  text: string;
}

export interface ImportOptions {
  /** where a total of workers without the split by sex goes: the notes (default) or one of the counts */
  workersTotalAs: 'note' | 'male' | 'female';
  /** the KBLI version of codes when no column says it */
  kbliVersion: '2020' | '2025';
}

export const DEFAULT_IMPORT_OPTIONS: ImportOptions = { workersTotalAs: 'note', kbliVersion: '2020' };

export interface ColumnPlan {
  index: number;
  target: ImportTarget;
}

export interface CleanContext {
  villages: VillageMatcher;
  today: Date;
  options: ImportOptions;
  /** the registration schema's field results of this run, by value (`fieldMemo()`); none: each parsed */
  fields?: FieldMemo;
}

export interface CleanRow {
  line: number;
  /** the record's input under the form names (what business:create takes) */
  values: Record<string, unknown>;
  issues: RowIssue[];
  kept: KeptValue[];
  permits: PermitCandidate[];
  /**
   * `values` is the registration schema's output (without its defaults: `expandRecord` gives it back whole),
   * so the commit need not parse it again unless a decision changes it
   */
  validated: boolean;
  /** the business's desa as written (folded), the key of its review group; null when the cell is empty */
  villageText: string | null;
  village: VillageMatch | null;
  /** a valid NIK ending in 0: flagged when the column turns out to be damaged */
  nikTrailingZero: boolean;
  /** the NIK cell was damaged by a spreadsheet */
  nikDamaged: boolean;
  registrationDate: string | null;
}

const SEX: Record<string, 'L' | 'P'> = {};
for (const w of ['l', 'lk', 'laki laki', 'laki', 'pria', 'male', 'm', 'cowok']) SEX[w] = 'L';
for (const w of ['p', 'pr', 'perempuan', 'wanita', 'female', 'f', 'w', 'cewek']) SEX[w] = 'P';

/** Spellings of option codes that sheets use, per target. Codes themselves (folded) always match. */
const OPTION_SYNONYMS: Record<string, Record<string, string>> = {
  ownerSex: SEX,
  status: {
    aktip: 'aktif',
    'masih aktif': 'aktif',
    beroperasi: 'aktif',
    berjalan: 'aktif',
    jalan: 'aktif',
    produksi: 'aktif',
    'non aktif': 'tidak_aktif',
    nonaktif: 'tidak_aktif',
    'tdk aktif': 'tidak_aktif',
    vakum: 'tidak_aktif',
    'berhenti sementara': 'tidak_aktif',
    berhenti: 'tutup',
    bangkrut: 'tutup',
    'gulung tikar': 'tutup',
    'pindah alamat': 'pindah',
    'pindah domisili': 'pindah',
  },
  legalForm: {
    perseorangan: 'perorangan',
    pribadi: 'perorangan',
    individu: 'perorangan',
    'usaha perorangan': 'perorangan',
    'perseroan terbatas': 'pt',
    kop: 'koperasi',
    'usaha dagang': 'ud',
    fa: 'firma',
    'lain lain': 'lainnya',
  },
};

const TRUE_WORDS = new Set(['ya', 'y', 'yes', 'true', '1', 'benar', 'sama', 'v', 'ada']);
const FALSE_WORDS = new Set(['tidak', 't', 'no', 'n', 'false', '0', 'bukan', 'beda', 'tdk']);

function optionOf(target: ImportTarget, text: string): string | null {
  const f = fold(text);
  for (const o of target.options ?? []) if (fold(o.replace(/_/g, ' ')) === f) return o;
  return OPTION_SYNONYMS[target.key]?.[f] ?? null;
}

const RT_RW = /^(?:rt|rw)?\s*\.?\s*:?\s*(\d{1,3})$/i;

/** the targets a plan maps, once per plan (not per row) */
const mappedByPlan = new WeakMap<readonly ColumnPlan[], ReadonlySet<string>>();
function mappedKeys(plan: readonly ColumnPlan[]): ReadonlySet<string> {
  let keys = mappedByPlan.get(plan);
  if (!keys) mappedByPlan.set(plan, (keys = new Set(plan.map((p) => p.target.key))));
  return keys;
}

export function cleanRow(raw: RawRow, plan: readonly ColumnPlan[], ctx: CleanContext): CleanRow {
  const values: Record<string, unknown> = {};
  const issues: RowIssue[] = [];
  const kept: KeptValue[] = [];
  const row: CleanRow = {
    line: raw.line,
    values,
    issues,
    kept,
    permits: [],
    villageText: null,
    village: null,
    nikTrailingZero: false,
    nikDamaged: false,
    registrationDate: null,
    validated: false,
  };
  const mapped = mappedKeys(plan);
  const issue: IssueSink = (field, code, level, original, params) =>
    issues.push({
      field,
      code,
      level,
      ...(original !== undefined ? { original } : {}),
      ...(params ? { params } : {}),
    });
  /** a value that cannot be stored: flagged for review and kept for the notes */
  const drop = (field: string, code: IssueCode, original: string, params?: RowIssue['params']) => {
    issue(field, code, 'review', original, params);
    kept.push({ field, text: original });
  };
  /** a number read from a cell; one written in words is said so (the clerk checks "dua" became 2) */
  const setNumber = (key: string, text: string, n: { value: number; via: string }) => {
    values[key] = n.value;
    if (n.via === 'words') issue(key, 'numberWords', 'info', text, { value: n.value });
  };
  const setDate = (key: string, d: DateClean) => {
    if (d.kind === 'empty') return;
    if (d.kind === 'invalid') return drop(key, 'dateInvalid', d.original);
    values[key] = d.iso;
    if (d.via === 'serial') issue(key, 'dateSerial', 'info', undefined, { value: d.iso });
    if (d.via === 'mdy') issue(key, 'dateMonthFirst', 'info', undefined, { value: d.iso });
    if (d.twoDigitYear) issue(key, 'dateTwoDigitYear', 'info', undefined, { value: d.iso });
  };
  let districtHint: string | null = null;
  let workersTotal: { cell: RawCell; key: string } | null = null;
  let villageCell: { key: string; cell: RawCell } | null = null;
  let ownerVillageCell: { key: string; cell: RawCell } | null = null;

  for (const { index, target } of plan) {
    const cell = raw.cells[index] ?? null;
    const key = target.key;
    const text = cellText(cell);
    switch (target.kind) {
      case 'text':
      case 'longText': {
        if (!isPlaceholder(text)) values[key] = text.replace(/\s+/g, ' ');
        break;
      }
      case 'nik': {
        const n = cleanNik(cell, ctx.today);
        if (n.kind === 'ok') {
          values[key] = n.nik;
          row.nikTrailingZero = n.trailingZero;
          if (n.fromNumber) issue(key, 'nikFromNumber', 'info', text);
        } else if (n.kind === 'damaged') {
          row.nikDamaged = true;
          drop(key, 'nikDamaged', n.original, { reason: n.reason });
        } else if (n.kind === 'invalid') drop(key, 'nikInvalid', n.original, { error: n.error });
        break;
      }
      case 'phone': {
        const p = cleanPhone(cell);
        if (p.kind === 'ok') {
          values[key] = p.value;
          if (p.fromNumber) issue(key, 'phoneFromNumber', 'info', text, { value: p.value });
          if (p.original) {
            issue(key, 'phoneSeveral', 'info', p.original, { value: p.value, others: p.others.length });
            kept.push({ field: key, text: p.original });
          }
        } else if (p.kind === 'damaged') drop(key, 'phoneDamaged', p.original);
        else if (p.kind === 'invalid') drop(key, 'phoneInvalid', p.original, { error: p.error });
        break;
      }
      case 'rtRw': {
        if (isPlaceholder(text)) break;
        const m = RT_RW.exec(text);
        if (m) values[key] = m[1]!.padStart(3, '0');
        else drop(key, 'invalid', text);
        break;
      }
      case 'rtRwPair': {
        if (isPlaceholder(text)) break;
        const m = /^(?:rt\.?\s*:?\s*)?(\d{1,3})\s*(?:[/\-.,]|\s+rw\.?\s*:?|\s+)\s*(\d{1,3})$/i.exec(text);
        const [rtKey, rwKey] = target.group === 'owner' ? ['ownerRt', 'ownerRw'] : ['rt', 'rw'];
        if (!m) drop(key, 'invalid', text);
        else {
          if (!mapped.has(rtKey)) values[rtKey] = m[1]!.padStart(3, '0');
          if (!mapped.has(rwKey)) values[rwKey] = m[2]!.padStart(3, '0');
        }
        break;
      }
      case 'date':
        setDate(key, parseDate(cell, ctx.today));
        break;
      case 'birthPlaceDate': {
        const { place, date } = splitPlaceDate(cell, ctx.today);
        if (place && !mapped.has('ownerBirthPlace')) values.ownerBirthPlace = place;
        if (!mapped.has('ownerBirthDate')) setDate('ownerBirthDate', date);
        if (place && date.kind === 'ok')
          issue(key, 'placeDateSplit', 'info', text, { place, value: date.iso });
        break;
      }
      case 'registrationDate': {
        const d = parseDate(cell, ctx.today);
        if (d.kind === 'ok') row.registrationDate = d.iso;
        else if (d.kind === 'invalid') drop(key, 'dateInvalid', d.original);
        break;
      }
      case 'year': {
        const y = parseYear(cell, ctx.today);
        if (y.kind === 'ok') values[key] = y.year;
        else if (y.kind === 'invalid') drop(key, 'dateInvalid', y.original);
        break;
      }
      case 'count': {
        const c = parseCount(cell);
        if (c.kind === 'ok') setNumber(key, text, c);
        else if (c.kind === 'split') drop(key, 'invalid', text);
        else if (c.kind === 'invalid')
          drop(key, c.reason === 'range' ? 'countRange' : 'numberInvalid', c.original);
        break;
      }
      case 'workersTotal':
        workersTotal = { cell, key };
        break;
      case 'money': {
        const a = parseAmount(cell);
        if (a.kind === 'ok') {
          setNumber(key, text, a);
          if (a.scaled) issue(key, 'amountScaled', 'info', text, { value: a.value });
        } else if (a.kind === 'invalid') drop(key, 'numberInvalid', a.original);
        break;
      }
      case 'decimal': {
        const d = parseDecimal(cell);
        if (d.kind === 'ok') {
          values[key] = d.value;
          if (d.unit && !mapped.has('capacityUnit')) {
            values.capacityUnit = d.unit;
            issue(key, 'capacityUnitFromValue', 'info', text, { unit: d.unit });
          }
        } else if (d.kind === 'invalid') drop(key, 'numberInvalid', d.original);
        break;
      }
      case 'regionCode': {
        if (isPlaceholder(text)) break;
        const v = ctx.villages.byCode(text);
        if (v) values[key] = v.code;
        else drop(key, 'regionCodeUnknown', text);
        break;
      }
      case 'regionName':
        if (!isPlaceholder(text)) {
          if (key === 'villageName') villageCell = { key, cell };
          else ownerVillageCell = { key, cell };
        }
        break;
      case 'districtName':
        if (!isPlaceholder(text)) districtHint = text;
        break;
      case 'kbli': {
        if (isPlaceholder(text)) break;
        const m = /^(\d{5})(?:\s*(?:[-–:.]\s*|\s)\D.*)?$/.exec(text.trim());
        if (!m) {
          drop(key, 'kbliInvalid', text);
          break;
        }
        values[key] = m[1];
        if (!mapped.has('kbliVersion')) {
          values.kbliVersion = ctx.options.kbliVersion;
          issue(key, 'kbliVersionAssumed', 'info', undefined, { version: ctx.options.kbliVersion });
        }
        break;
      }
      case 'npwp': {
        const r = readDigits(cell);
        if (r.kind === 'empty') break;
        if (r.kind === 'scientific' || (r.kind === 'digits' && r.numeric && lostToPrecision(r.digits))) {
          drop(key, 'npwpDamaged', r.text);
          break;
        }
        // a 16-digit badan NPWP starts with 0, which a number cell drops
        const digits = r.kind === 'digits' && r.numeric && r.digits.length === 15 ? r.digits : cellText(cell);
        const p = parseNpwp(digits);
        if (p.ok) values[key] = p.digits;
        else drop(key, 'npwpInvalid', r.text, { error: p.error });
        break;
      }
      case 'enum': {
        if (isPlaceholder(text)) break;
        const o = optionOf(target, text);
        if (o) values[key] = o;
        else drop(key, 'optionUnknown', text);
        break;
      }
      case 'enumList': {
        if (isPlaceholder(text)) break;
        const out: string[] = [];
        const unknown: string[] = [];
        for (const part of text
          .split(/[,;/\n]+/)
          .map((p) => p.trim())
          .filter(Boolean)) {
          const o = optionOf(target, part);
          if (o) out.push(o);
          else unknown.push(part);
        }
        if (out.length) values[key] = [...new Set(out)];
        if (unknown.length) drop(key, 'optionUnknown', unknown.join(', '));
        break;
      }
      case 'boolean': {
        if (isPlaceholder(text)) break;
        const f = fold(text);
        if (TRUE_WORDS.has(f)) values[key] = true;
        else if (FALSE_WORDS.has(f)) values[key] = false;
        else drop(key, 'optionUnknown', text);
        break;
      }
      case 'permits': {
        const p = parsePermits(cell);
        if (p.none) break;
        row.permits = p.candidates;
        if (p.candidates.length)
          issue(key, 'permitCandidates', 'info', text, {
            count: p.candidates.length,
            types: p.candidates.map((c) => c.type).join(','),
          });
        for (const c of p.candidates)
          if (c.numberProblem) issue(key, 'permitNumberInvalid', 'review', c.text, { type: c.type });
        if (p.unrecognized) issue(key, 'permitText', 'info', p.unrecognized);
        // until the register holds permits, the cell as written goes to the notes
        kept.push({ field: key, text });
        break;
      }
      case 'previousNumber':
        if (!isPlaceholder(text)) kept.push({ field: key, text });
        break;
    }
  }

  if (workersTotal)
    cleanWorkersTotal(workersTotal.cell, workersTotal.key, values, mapped, ctx, issue, drop, kept);

  if (villageCell) {
    const text = cellText(villageCell.cell);
    const byCode = typeof values.villageCode === 'string' ? ctx.villages.byCode(values.villageCode) : null;
    if (byCode) values.villageName = byCode.name;
    else {
      const m = ctx.villages.match(text, districtHint);
      row.villageText = fold(text) + (districtHint ? ` | ${fold(districtHint)}` : '');
      row.village = m;
      applyVillage(m, 'villageName', 'villageCode', text, values, mapped, issue, true);
    }
  }
  if (ownerVillageCell) {
    const text = cellText(ownerVillageCell.cell);
    const byCode =
      typeof values.ownerVillageCode === 'string' ? ctx.villages.byCode(values.ownerVillageCode) : null;
    if (byCode) values.ownerVillageName = byCode.name;
    else
      applyVillage(
        ctx.villages.match(text, null),
        'ownerVillageName',
        'ownerVillageCode',
        text,
        values,
        mapped,
        issue,
        false,
      );
  }

  for (const key of REQUIRED)
    if (values[key] === undefined || values[key] === null || values[key] === '')
      issue(key, 'required', 'block');
  if (!issues.some((i) => i.code === 'required')) {
    const parsed = validateRecord(values, drop, ctx.fields);
    if (parsed) {
      row.values = compactRecord(parsed);
      row.validated = true;
    }
  }
  return row;
}

/** What the registration schema makes of a record with nothing but its required fields: the defaults. */
let defaults: Record<string, unknown> | null = null;
export function recordDefaults(): Record<string, unknown> {
  defaults ??= businessCreateSchema.parse({ ownerName: 'x', name: 'x', villageName: 'x' }) as Record<
    string,
    unknown
  >;
  return defaults;
}

const sameValue = (a: unknown, b: unknown) =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]));

/** the fields a record cannot be saved without */
const REQUIRED = ['ownerName', 'name', 'villageName'];
const REQUIRED_SET = new Set(REQUIRED);

/** The schema's output without the values that are its defaults (the stored row stays small). */
export function compactRecord(out: Record<string, unknown>): Record<string, unknown> {
  const d = recordDefaults();
  const compact: Record<string, unknown> = {};
  // runs for every row of an import: no array per field
  for (const k in out) {
    const v = out[k];
    if (!(k in d) || REQUIRED_SET.has(k) || !sameValue(v, d[k])) compact[k] = v;
  }
  return compact;
}

/** The schema's output again from a compact one: `{ ...defaults, ...compact }` (no second parse). */
export function expandRecord(compact: Record<string, unknown>): Record<string, unknown> {
  return { ...recordDefaults(), ...compact };
}

/**
 * The registration form's own schema has the last word (lengths, year ranges, the NPWP rules): a value it
 * refuses is dropped for review and kept for the notes, exactly like a value the cleaning could not read.
 */
function validateRecord(
  values: Record<string, unknown>,
  drop: (field: string, code: IssueCode, original: string, params?: RowIssue['params']) => void,
  memo: FieldMemo | undefined,
): Record<string, unknown> | null {
  for (let pass = 0; pass < 3; pass++) {
    const r = checkBusinessCreate(values, memo);
    if (r.success) return r.data;
    let dropped = false;
    for (const i of r.issues) {
      const key = String(i.path[0] ?? '');
      if (!(key in values) || REQUIRED_SET.has(key)) continue;
      const v = values[key];
      delete values[key];
      drop(key, 'invalid', Array.isArray(v) ? v.join(', ') : String(v), { rule: i.message });
      dropped = true;
    }
    if (!dropped) return null;
  }
  return null;
}

/** how the cleaning rules report a finding on a cell (the row's `issue`) */
type IssueSink = (
  field: string,
  code: IssueCode,
  level: IssueLevel,
  original?: string,
  params?: RowIssue['params'],
) => void;

function applyVillage(
  m: VillageMatch,
  nameKey: string,
  codeKey: string,
  text: string,
  values: Record<string, unknown>,
  mapped: ReadonlySet<string>,
  issue: IssueSink,
  business: boolean,
) {
  const score = Math.round(m.score * 100);
  if (m.village && (m.status === 'exact' || m.status === 'corrected')) {
    values[nameKey] = m.village.name;
    if (!mapped.has(codeKey)) values[codeKey] = m.village.code;
    if (m.status === 'corrected')
      issue(nameKey, 'villageCorrected', 'info', text, { value: m.village.name, score });
    else if (m.normalized) issue(nameKey, 'villageNormalized', 'info', text, { value: m.village.name });
    return;
  }
  // not one clear village: the text stays as written until the clerk decides
  values[nameKey] = text;
  if (!business) {
    issue(nameKey, 'ownerVillageAsText', 'info', text);
    return;
  }
  const params: RowIssue['params'] = m.village ? { value: m.village.name, score } : { score };
  const code: IssueCode =
    m.status === 'doubtful'
      ? 'villageDoubtful'
      : m.status === 'ambiguous'
        ? 'villageAmbiguous'
        : 'villageUnknown';
  issue(nameKey, code, 'block', text, params);
}

function cleanWorkersTotal(
  cell: RawCell,
  key: string,
  values: Record<string, unknown>,
  mapped: ReadonlySet<string>,
  ctx: CleanContext,
  issue: IssueSink,
  drop: (field: string, code: IssueCode, original: string, params?: RowIssue['params']) => void,
  kept: KeptValue[],
) {
  const text = cellText(cell);
  const c = parseCount(cell);
  if (c.kind === 'empty') return;
  if (c.kind === 'invalid')
    return drop(key, c.reason === 'range' ? 'countRange' : 'numberInvalid', c.original);
  const bySex = mapped.has('workersMale') || mapped.has('workersFemale');
  if (c.kind === 'split') {
    if (!bySex) {
      values.workersMale = c.male;
      values.workersFemale = c.female;
      issue(key, 'workersSplit', 'info', text, { male: c.male, female: c.female });
      return;
    }
    const m = Number(values.workersMale ?? 0);
    const f = Number(values.workersFemale ?? 0);
    if (m !== c.male || f !== c.female) drop(key, 'workersMismatch', text, { total: c.male + c.female });
    return;
  }
  if (c.via === 'words') issue(key, 'numberWords', 'info', text, { value: c.value });
  if (bySex) {
    const sum = Number(values.workersMale ?? 0) + Number(values.workersFemale ?? 0);
    if (sum !== c.value) drop(key, 'workersMismatch', text, { total: c.value, sum });
    return;
  }
  const as = ctx.options.workersTotalAs;
  if (as === 'note') {
    issue(key, 'workersTotalOnly', 'info', text, { value: c.value });
    kept.push({ field: key, text: String(c.value) });
  } else values[as === 'male' ? 'workersMale' : 'workersFemale'] = c.value;
}
