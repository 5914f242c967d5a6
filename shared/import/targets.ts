import { IMPORT_RECORD_FIELDS, type ImportFieldKind } from './record-fields';

/**
 * What a column of the sheet can be: a field of the business or owner record (from the records' field
 * tables, under their form names: `ownerNik`, `villageName`, …), or one of the few things only a sheet has
 * (a total of workers without the split by sex, a free-text permit column, a kecamatan column that tells
 * same-named villages apart, "tempat, tanggal lahir" in one column, "RT/RW" in one column, the date and the
 * number of the old register).
 */
export type ImportOnlyKind =
  | 'workersTotal'
  | 'permits'
  | 'districtName'
  | 'birthPlaceDate'
  | 'rtRwPair'
  | 'registrationDate'
  | 'previousNumber';

export type TargetKind = ImportFieldKind | ImportOnlyKind;

export interface ImportTarget {
  key: string;
  kind: TargetKind;
  /** codes of an enum or a list */
  options?: readonly string[];
  /** the record cannot be saved without it */
  required: boolean;
  /** i18n key of the name shown in the mapping step */
  label: string;
  group: 'owner' | 'business' | 'sheet';
}

const IMPORT_ONLY: ImportTarget[] = [
  {
    key: 'workersTotal',
    kind: 'workersTotal',
    required: false,
    label: 'import.target.workersTotal',
    group: 'sheet',
  },
  { key: 'permits', kind: 'permits', required: false, label: 'import.target.permits', group: 'sheet' },
  {
    key: 'districtName',
    kind: 'districtName',
    required: false,
    label: 'import.target.districtName',
    group: 'sheet',
  },
  {
    key: 'ownerBirthPlaceDate',
    kind: 'birthPlaceDate',
    required: false,
    label: 'import.target.ownerBirthPlaceDate',
    group: 'owner',
  },
  { key: 'rtRw', kind: 'rtRwPair', required: false, label: 'import.target.rtRw', group: 'business' },
  {
    key: 'registrationDate',
    kind: 'registrationDate',
    required: false,
    label: 'import.target.registrationDate',
    group: 'sheet',
  },
  {
    key: 'previousNumber',
    kind: 'previousNumber',
    required: false,
    label: 'import.target.previousNumber',
    group: 'sheet',
  },
];

/** Every target, the records' fields first (in their table order), then the sheet-only ones. */
export const IMPORT_TARGETS: readonly ImportTarget[] = [
  ...IMPORT_RECORD_FIELDS.map((f): ImportTarget => ({
    key: f.formKey,
    kind: f.kind,
    ...(f.options ? { options: f.options } : {}),
    required: f.required,
    label: f.label,
    group: f.owner ? 'owner' : 'business',
  })),
  ...IMPORT_ONLY,
];

export const TARGETS_BY_KEY: ReadonlyMap<string, ImportTarget> = new Map(
  IMPORT_TARGETS.map((t) => [t.key, t]),
);

/** The record cannot be saved without these: a mapping must give them a column. */
export const REQUIRED_TARGETS = IMPORT_TARGETS.filter((t) => t.required).map((t) => t.key);

/** What a mapping sends: which column goes to which target (null: not imported). */
export interface ColumnTarget {
  index: number;
  target: string | null;
}

export interface MappingProblems {
  /** required targets no column goes to */
  missing: string[];
  /** targets two columns go to */
  twice: string[];
  /** target keys that do not exist */
  unknown: string[];
}

/** Whether a mapping can run: every required field has a column, no field has two. */
export function mappingProblems(columns: readonly ColumnTarget[]): MappingProblems {
  const seen = new Map<string, number>();
  const unknown: string[] = [];
  for (const c of columns) {
    if (!c.target) continue;
    if (!TARGETS_BY_KEY.has(c.target)) unknown.push(c.target);
    seen.set(c.target, (seen.get(c.target) ?? 0) + 1);
  }
  return {
    missing: REQUIRED_TARGETS.filter((t) => !seen.has(t)),
    twice: [...seen.entries()].filter(([, n]) => n > 1).map(([t]) => t),
    unknown,
  };
}

/** The columns to read, with their targets. */
export function planOf(columns: readonly ColumnTarget[]): { index: number; target: ImportTarget }[] {
  return columns.flatMap((c) => {
    const t = c.target ? TARGETS_BY_KEY.get(c.target) : undefined;
    return t ? [{ index: c.index, target: t }] : [];
  });
}
