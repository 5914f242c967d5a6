// Over 400 lines on purpose: the field builders and the derivations typed from them (schema, row, form, history, display) must change together; the zod kinds are already in zod-kinds.ts.
import { z } from 'zod';
import { maskNik } from '../validators/nik';
import { formatPhone, maskPhone } from '../validators/phone';
import * as k from './zod-kinds';

/**
 * One definition per record: a field table. Each field holds its key (the record's camelCase name), its
 * column, its zod type, its kind, its label key, its history label key and whether it is personal data. From
 * the table are derived: the input schema (`shapeOf`, `inputSchemaOf`), the row ↔ record mapping
 * (`recordToRow`, `rowToRecord`), the empty form and the form values of a record (`emptyFormOf`,
 * `formOf`), the history field names and labels (`historyNamesOf`, `historyLabelsOf`), the display format
 * (`displayFormat`) and the personal columns (`personalColumnsOf`).
 *
 * A record may have a form prefix: the owner's `name` is `ownerName` in the business form. Labels default
 * to `<labels>.<formKey>`.
 *
 * The API is used by several records (business, owner, permits, activities): add, do not rename.
 */

export type FieldKind =
  | 'text'
  | 'nik'
  | 'phone'
  | 'npwp'
  | 'money'
  | 'count'
  | 'decimal'
  | 'year'
  | 'date'
  | 'rtRw'
  | 'regionCode'
  | 'kbli'
  | 'enum'
  | 'enumList'
  | 'bool';

/* eslint-disable @typescript-eslint/no-explicit-any -- field tables are heterogeneous; types are recovered per field */
export interface Field<
  K extends string = string,
  C extends string = string,
  S extends z.ZodType = z.ZodType,
  R = unknown,
> {
  readonly key: K;
  readonly column: C;
  readonly kind: FieldKind;
  readonly schema: S;
  /** i18n key of the field's label (filled by `defineRecord` when not given) */
  readonly label: string;
  /** i18n key used in the timeline (defaults to `label`) */
  readonly historyLabel: string;
  /** personal data (UU PDP 27/2022): masked where the full value is not needed (timeline, lists) */
  readonly personal: boolean;
  /** required on input */
  readonly required: boolean;
  /** enum / enumList: the codes */
  readonly options?: readonly string[];
  /** enum / enumList: i18n prefix of the code labels (`<optionLabel>.<code>`) */
  readonly optionLabel?: string;
  /** count: i18n key with {{count}} for display ("3 orang") */
  readonly unitLabel?: string;
  /** what an empty form holds */
  readonly empty: z.input<S>;
  toRow(v: z.output<S>): R;
  fromRow(r: R): z.output<S>;
  /** the form's value for a stored value */
  toForm(v: z.output<S>): z.input<S>;
}

export type AnyField = Field<string, string, any, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** camelCase → snake_case, at type level (the default column of a key). */
export type Snake<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${Snake<T>}`
  : S;
export const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

interface Common<C extends string> {
  /** the column when it is not the key in snake_case */
  column?: C;
  label?: string;
  historyLabel?: string;
  personal?: boolean;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- builders check their own types; this is the shared body */
function make(
  key: string,
  kind: FieldKind,
  o: Common<string>,
  rest: {
    schema: z.ZodType;
    empty: unknown;
    required?: boolean;
    toRow?: (v: any) => unknown;
    fromRow?: (r: any) => unknown;
    toForm?: (v: any) => unknown;
    options?: readonly string[];
    optionLabel?: string;
    unitLabel?: string;
    personal?: boolean;
  },
): any {
  const id = <T>(v: T) => v;
  return {
    key,
    column: o.column ?? snake(key),
    kind,
    schema: rest.schema,
    label: o.label ?? '',
    historyLabel: o.historyLabel ?? o.label ?? '',
    personal: o.personal ?? rest.personal ?? false,
    required: rest.required ?? false,
    empty: rest.empty,
    toRow: rest.toRow ?? id,
    fromRow: rest.fromRow ?? id,
    toForm: rest.toForm ?? ((v: unknown) => v ?? ''),
    ...(rest.options ? { options: rest.options } : {}),
    ...(rest.optionLabel ? { optionLabel: rest.optionLabel } : {}),
    ...(rest.unitLabel ? { unitLabel: rest.unitLabel } : {}),
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
type Opt<C extends string, X = object> = Common<C> & X;

function text<K extends string, C extends string = Snake<K>>(
  key: K,
  o: Opt<C, { max?: number } & FormOpt> & { required: true },
): Field<K, NoInfer<C>, ReturnType<typeof k.zRequiredText>, string>;
function text<K extends string, C extends string = Snake<K>>(
  key: K,
  o?: Opt<C, { max?: number; required?: false } & FormOpt>,
): Field<K, NoInfer<C>, ReturnType<typeof k.zOptionalText>, string | null>;
function text(key: string, o: Opt<string, { max?: number; required?: boolean } & FormOpt> = {}): AnyField {
  const max = o.max ?? 200;
  const nullInForm = o.nullInForm ?? false;
  const base = {
    empty: nullInForm ? null : '',
    ...(nullInForm ? { toForm: (v: unknown) => v } : {}),
  };
  return o.required
    ? make(key, 'text', o, { ...base, schema: k.zRequiredText(max), required: true })
    : make(key, 'text', o, { ...base, schema: k.zOptionalText(max) });
}

/** Form value overrides: a field set by a picker holds null, not '', when empty. */
interface FormOpt {
  /** the empty form holds null and a stored null stays null (fields filled by a picker) */
  nullInForm?: boolean;
}

/** The builder of a field of `kind` whose schema takes no options, empty in the form (''), null when saved. */
function emptyIsNull<T>() {
  return <S extends z.ZodType>(kind: FieldKind, schema: () => S) =>
    <K extends string, C extends string = Snake<K>>(key: K, o: Opt<C> = {}) =>
      make(key, kind, o, { schema: schema(), empty: '' }) as Field<K, NoInfer<C>, S, T>;
}

export const f = {
  /** Free text; `required: true` refuses empty. */
  text,
  /** NIK (16 digits, checked); personal. */
  nik<K extends string, C extends string = Snake<K>>(key: K, o: Opt<C> = {}) {
    return make(key, 'nik', o, {
      schema: k.zOptionalNik,
      empty: '',
      personal: true,
    }) as Field<K, NoInfer<C>, typeof k.zOptionalNik, string | null>;
  },
  /** Indonesian phone, stored +62…, shown +62 812-3456-7890. */
  phone<K extends string, C extends string = Snake<K>>(key: K, o: Opt<C> = {}) {
    return make(key, 'phone', o, {
      schema: k.zOptionalPhone,
      empty: '',
      toForm: (v) => formatPhone(v),
    }) as Field<K, NoInfer<C>, typeof k.zOptionalPhone, string | null>;
  },
  /** NPWP, normalised; the record checks it (it may be "same as NIK"). */
  npwp<K extends string, C extends string = Snake<K>>(key: K, o: Opt<C> = {}) {
    return make(key, 'npwp', o, { schema: k.zOptionalNpwp(), empty: '' }) as Field<
      K,
      NoInfer<C>,
      ReturnType<typeof k.zOptionalNpwp>,
      string | null
    >;
  },
  /** Rupiah, whole; empty → null. */
  money<K extends string, C extends string = Snake<K>>(key: K, o: Opt<C, { max?: number }> = {}) {
    return make(key, 'money', o, { schema: k.zOptionalInt(o.max), empty: '' }) as Field<
      K,
      NoInfer<C>,
      ReturnType<typeof k.zOptionalInt>,
      number | null
    >;
  },
  /** Whole count, empty → null (unknown, not 0). `unitLabel`: i18n key with {{count}} for display. */
  count<K extends string, C extends string = Snake<K>>(
    key: K,
    o: Opt<C, { max?: number; unitLabel?: string }> = {},
  ) {
    return make(key, 'count', o, {
      schema: k.zCount(o.max),
      empty: '',
      toForm: (v) => v ?? '',
      ...(o.unitLabel ? { unitLabel: o.unitLabel } : {}),
    }) as Field<K, NoInfer<C>, ReturnType<typeof k.zCount>, number | null>;
  },
  /** Non-negative decimal; empty → null. */
  decimal: emptyIsNull<number | null>()('decimal', k.zOptionalDecimal),
  /** A year 1900..this year; empty → null. */
  year: emptyIsNull<number | null>()('year', k.zOptionalYear),
  /** yyyy-mm-dd; empty → null. */
  date: emptyIsNull<string | null>()('date', k.zOptionalDate),
  /** RT or RW: 1–3 digits, stored zero-padded. */
  rtRw: emptyIsNull<string | null>()('rtRw', k.zRtRw),
  /** A Kemendagri region code (set by the region picker: null in the form when empty). */
  regionCode<K extends string, C extends string = Snake<K>>(key: K, o: Opt<C, { max?: number }> = {}) {
    return make(key, 'regionCode', o, {
      schema: k.zOptionalText(o.max ?? 20),
      empty: null,
      toForm: (v) => v,
    }) as Field<K, NoInfer<C>, ReturnType<typeof k.zOptionalText>, string | null>;
  },
  /** KBLI code, five digits (set by the KBLI picker: null in the form when empty). */
  kbli<K extends string, C extends string = Snake<K>>(key: K, o: Opt<C> = {}) {
    return make(key, 'kbli', o, {
      schema: k.zOptionalKbli(),
      empty: null,
      toForm: (v) => v,
    }) as Field<K, NoInfer<C>, ReturnType<typeof k.zOptionalKbli>, string | null>;
  },
  /**
   * One code of `options`. Without `fallback` empty is null; with it, empty is the fallback. Code labels:
   * `<optionLabel>.<code>`.
   */
  enum<K extends string, const T extends readonly [string, ...string[]], C extends string = Snake<K>>(
    key: K,
    options: T,
    o: Opt<C, { optionLabel?: string } & FormOpt> = {},
  ) {
    const nullInForm = o.nullInForm ?? false;
    return make(key, 'enum', o, {
      schema: k.zEnumOrNull(options),
      empty: nullInForm ? null : '',
      ...(nullInForm ? { toForm: (v: T[number] | null) => v } : {}),
      fromRow: (r: string | null) => r,
      options,
      ...(o.optionLabel ? { optionLabel: o.optionLabel } : {}),
    }) as Field<K, NoInfer<C>, ReturnType<typeof k.zEnumOrNull<T>>, T[number] | null>;
  },
  /** One code of `options`, never empty (`fallback` when not given). */
  enumDefault<K extends string, const T extends readonly [string, ...string[]], C extends string = Snake<K>>(
    key: K,
    options: T,
    fallback: T[number],
    o: Opt<C, { optionLabel?: string }> = {},
  ) {
    return make(key, 'enum', o, {
      schema: k.zEnumDefault(options, fallback),
      empty: fallback,
      toForm: (v: T[number]) => v,
      fromRow: (r: string) => r,
      options,
      ...(o.optionLabel ? { optionLabel: o.optionLabel } : {}),
    }) as Field<K, NoInfer<C>, ReturnType<typeof k.zEnumDefault<T>>, T[number]>;
  },
  /** A set of codes, stored as a JSON array in a text column. */
  enumList<K extends string, const T extends readonly [string, ...string[]], C extends string = Snake<K>>(
    key: K,
    options: T,
    o: Opt<C, { optionLabel?: string }> = {},
  ) {
    return make(key, 'enumList', o, {
      schema: k.zEnumList(options),
      empty: [],
      toForm: (v: T[number][]) => v,
      toRow: (v: T[number][]) => JSON.stringify(v),
      fromRow: (r: string) => parseCodes<T[number]>(r),
      options,
      ...(o.optionLabel ? { optionLabel: o.optionLabel } : {}),
    }) as Field<K, NoInfer<C>, ReturnType<typeof k.zEnumList<T>>, string>;
  },
  /** Yes/no, stored 0/1. */
  bool<K extends string, C extends string = Snake<K>>(key: K, o: Opt<C> = {}) {
    return make(key, 'bool', o, {
      schema: k.zBool(),
      empty: false,
      toForm: (v: boolean) => v,
      toRow: (v: boolean) => (v ? 1 : 0),
      fromRow: (r: number) => r === 1,
    }) as Field<K, NoInfer<C>, ReturnType<typeof k.zBool>, number>;
  },
  /** Any zod type (a kind not listed above); give the kind closest to its display. */
  custom<K extends string, S extends z.ZodType, R, C extends string = Snake<K>>(
    key: K,
    kind: FieldKind,
    schema: S,
    o: Opt<C> & {
      empty: z.input<S>;
      toRow?: (v: z.output<S>) => R;
      fromRow?: (r: R) => z.output<S>;
      toForm?: (v: z.output<S>) => z.input<S>;
    },
  ): Field<K, NoInfer<C>, S, R> {
    return make(key, kind, o, { ...o, schema }) as Field<K, NoInfer<C>, S, R>;
  },
};

/** A JSON array column read back: malformed text gives no codes. */
function parseCodes<T extends string>(json: string): T[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

// ── records ──

export interface RecordDef<
  N extends string = string,
  T extends string = string,
  P extends string = string,
  F extends readonly AnyField[] = readonly AnyField[],
> {
  readonly name: N;
  readonly table: T;
  /** form keys are `<prefix><Key>` (owner fields in the business form: `ownerName`) */
  readonly formPrefix: P;
  readonly fields: F;
  /** key → field */
  readonly byKey: ReadonlyMap<string, F[number]>;
  /** column → field */
  readonly byColumn: ReadonlyMap<string, F[number]>;
  /** form key → field */
  readonly byFormKey: ReadonlyMap<string, F[number]>;
  /** each field's form key, in the fields' order (made once: an import maps 60,000 records) */
  readonly formKeys: readonly string[];
}

export type AnyRecord = RecordDef<string, string, string, readonly AnyField[]>;

export type FieldsOf<R extends AnyRecord> = R['fields'][number];

export type FormKey<P extends string, K extends string> = P extends '' ? K : `${P}${Capitalize<K>}`;

/** The record's values (schema output), by key. */
export type RecordValues<R extends AnyRecord> = {
  [X in FieldsOf<R> as X['key']]: z.output<X['schema']>;
};
/** The row's columns, by column. */
export type RowValues<R extends AnyRecord> = {
  [X in FieldsOf<R> as X['column']]: X extends Field<string, string, z.ZodType, infer Row> ? Row : never;
};
type Wide<T> = T extends string ? string : T;
/** A row as read: enum columns may be typed as plain text in db/schema.ts. */
export type RowRead<R extends AnyRecord> = {
  [X in FieldsOf<R> as X['column']]: X extends Field<string, string, z.ZodType, infer Row>
    ? Wide<Row>
    : never;
};
/** The schema's raw shape, by form key. */
export type ShapeOf<R extends AnyRecord> = {
  [X in FieldsOf<R> as FormKey<R['formPrefix'], X['key']>]: X['schema'];
};
/** What a form holds (schema input), by form key. */
export type FormValues<R extends AnyRecord> = {
  [X in FieldsOf<R> as FormKey<R['formPrefix'], X['key']>]: z.input<X['schema']>;
};
/** The schema output by form key (what main receives after parsing). */
export type ParsedValues<R extends AnyRecord> = {
  [X in FieldsOf<R> as FormKey<R['formPrefix'], X['key']>]: z.output<X['schema']>;
};

export function formKeyOf(prefix: string, key: string): string {
  return prefix ? `${prefix}${key[0]!.toUpperCase()}${key.slice(1)}` : key;
}

/**
 * Defines a record. `labels` is the i18n prefix of field labels (`<labels>.<formKey>`) for fields without
 * their own `label`. Keys and columns must be unique (checked here: a copy-paste error fails at load).
 */
export function defineRecord<
  const N extends string,
  const T extends string,
  const F extends readonly AnyField[],
  const P extends string = '',
>(def: { name: N; table: T; formPrefix?: P; labels?: string; fields: F }): RecordDef<N, T, P, F> {
  const prefix = (def.formPrefix ?? '') as P;
  const fields = def.fields.map((x) => {
    const formKey = formKeyOf(prefix, x.key);
    const label = x.label || (def.labels ? `${def.labels}.${formKey}` : formKey);
    return Object.freeze({ ...x, label, historyLabel: x.historyLabel || label });
  }) as unknown as F;
  const byKey = new Map<string, F[number]>();
  const byColumn = new Map<string, F[number]>();
  const byFormKey = new Map<string, F[number]>();
  for (const x of fields) {
    if (byKey.has(x.key)) throw new Error(`${def.name}: duplicate field key ${x.key}`);
    if (byColumn.has(x.column)) throw new Error(`${def.name}: duplicate column ${x.column}`);
    byKey.set(x.key, x);
    byColumn.set(x.column, x);
    byFormKey.set(formKeyOf(prefix, x.key), x);
  }
  return Object.freeze({
    name: def.name,
    table: def.table,
    formPrefix: prefix,
    fields: Object.freeze(fields),
    byKey,
    byColumn,
    byFormKey,
    formKeys: Object.freeze(fields.map((x) => formKeyOf(prefix, x.key))),
  });
}

/** The raw zod shape by form key: spread it into a larger object schema. */
export function shapeOf<R extends AnyRecord>(record: R): ShapeOf<R> {
  const out: Record<string, z.ZodType> = {};
  for (const x of record.fields) out[formKeyOf(record.formPrefix, x.key)] = x.schema;
  return out as ShapeOf<R>;
}

/** The input schema (form side and main side). */
export function inputSchemaOf<R extends AnyRecord>(record: R) {
  return z.object(shapeOf(record));
}

/**
 * Parsed input (form keys) → the columns to write. Only the record's own fields: ids, numbers, dates and
 * versions are the caller's.
 */
export function recordToRow<R extends AnyRecord>(record: R, v: ParsedValues<R>): RowValues<R> {
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const { fields, formKeys } = record;
  for (let i = 0; i < fields.length; i++) out[fields[i]!.column] = fields[i]!.toRow(src[formKeys[i]!]);
  return out as RowValues<R>;
}

/** A row → the record's values by key (the detail shape). */
export function rowToRecord<R extends AnyRecord>(record: R, row: RowRead<R>): RecordValues<R> {
  const src = row as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const x of record.fields) out[x.key] = x.fromRow(src[x.column]);
  return out as RecordValues<R>;
}

/** What a new, empty form holds, by form key. Build it once (module level), not on every render. */
export function emptyFormOf<R extends AnyRecord>(record: R): FormValues<R> {
  const out: Record<string, unknown> = {};
  for (const x of record.fields) {
    const e: unknown = x.empty;
    out[formKeyOf(record.formPrefix, x.key)] = Array.isArray(e) ? [] : e;
  }
  return out as FormValues<R>;
}

/** The form's values for a stored record (values by key, as `rowToRecord` gives them). */
export function formOf<R extends AnyRecord>(record: R, values: RecordValues<R>): FormValues<R> {
  const src = values as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const x of record.fields) out[formKeyOf(record.formPrefix, x.key)] = x.toForm(src[x.key]);
  return out as FormValues<R>;
}

/** column → the field name the timeline uses (the form key). */
export function historyNamesOf(record: AnyRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const x of record.fields) out[x.column] = formKeyOf(record.formPrefix, x.key);
  return out;
}

/** column → history label key. */
export function historyLabelsOf(record: AnyRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const x of record.fields) out[x.column] = x.historyLabel;
  return out;
}

/** form key → label key. */
export function labelsOf(record: AnyRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const x of record.fields) out[formKeyOf(record.formPrefix, x.key)] = x.label;
  return out;
}

/** Columns holding personal data. */
export function personalColumnsOf(record: AnyRecord): string[] {
  return record.fields.filter((x) => x.personal).map((x) => x.column);
}

/** The masked form of a personal value (NIK 3509••••••••0001, phone +62812••••7890); others unchanged. */
export function maskValue(field: AnyField, v: unknown): unknown {
  if (!field.personal || typeof v !== 'string') return v;
  if (field.kind === 'nik') return maskNik(v);
  if (field.kind === 'phone') return maskPhone(v);
  return v;
}

/** What `displayFormat` needs from the screen: translation and the locale's number formats. */
export interface DisplayContext {
  t(key: string, options?: Record<string, unknown>): string;
  money(n: number): string;
  date(s: string): string;
  number(n: number): string;
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/** A value as a clerk reads it: Rp1.500.000, 5 Agustus 1985, Perorangan, Modal, Pemasaran, 3 orang… */
export function displayFormat(field: AnyField, v: unknown, ctx: DisplayContext): string {
  if (isEmpty(v)) return '';
  const code = (c: unknown) =>
    field.optionLabel ? ctx.t(`${field.optionLabel}.${String(c)}`, { defaultValue: String(c) }) : String(c);
  switch (field.kind) {
    case 'money':
      return ctx.money(Number(v));
    case 'date':
      return ctx.date(String(v));
    case 'decimal':
      return ctx.number(Number(v));
    case 'count':
      return field.unitLabel ? ctx.t(field.unitLabel, { count: Number(v) }) : ctx.number(Number(v));
    case 'enum':
      return code(v);
    case 'enumList':
      return Array.isArray(v) ? v.map(code).join(', ') : String(v);
    case 'phone':
      return formatPhone(String(v));
    case 'nik':
      return String(v).includes('•') ? String(v) : maskNik(String(v));
    case 'bool':
      return v ? ctx.t('common.yes') : ctx.t('common.no');
    default:
      if (Array.isArray(v)) return v.join(', ');
      if (typeof v === 'object') return JSON.stringify(v);
      return String(v);
  }
}
