import { NameIndex, normalizeName, type NormalizedName } from '../domain/business-name';
import type { DuplicateReason } from '../schemas/business';

/**
 * Duplicates with the registration form's rules (electron/services/business-duplicates.ts): the same owner
 * NIK, the same normalised phone, or a similar business name (≥ NAME_SIMILARITY_THRESHOLD) in the same desa.
 * Within the file, rows linked by any rule form one group (the clerk decides per group: keep both, merge,
 * skip); against the register, each row lists the businesses it may repeat.
 */
export interface DuplicateKeys {
  /** a complete, valid NIK only: a damaged one is never compared */
  nik: string | null;
  /** normalised +62… */
  phone: string | null;
  name: string | null;
  /** the desa: its code when matched, else its folded name; null when unknown */
  village: string | null;
  /** `name` normalised, when the caller has it already (the file's and the register's checks share it) */
  norm?: NormalizedName;
}

/** The name of the keys normalised once, for every comparison of the row. */
export function normOf(keys: DuplicateKeys): NormalizedName | null {
  if (!keys.name) return null;
  keys.norm ??= normalizeName(keys.name);
  return keys.norm;
}

export interface FileDuplicateGroup {
  /** row indexes (into the rows as added), in file order */
  rows: number[];
  /** why they were linked (any pair) */
  reasons: DuplicateReason[];
}

/** Finds duplicate groups among the rows of one file. Add every row, then read `groups()`. */
export class FileDuplicates {
  private readonly parent: number[] = [];
  private readonly reasons = new Map<number, Set<DuplicateReason>>();
  private readonly byNik = new Map<string, number>();
  private readonly byPhone = new Map<string, number>();
  private readonly byVillage = new Map<string, NameIndex<number>>();

  add(keys: DuplicateKeys): number {
    const row = this.parent.length;
    this.parent.push(row);
    if (keys.nik) this.linkKey(this.byNik, keys.nik, row, 'nik');
    if (keys.phone) this.linkKey(this.byPhone, keys.phone, row, 'phone');
    if (keys.name && keys.village) {
      const name = normOf(keys)!;
      let index = this.byVillage.get(keys.village);
      if (!index) this.byVillage.set(keys.village, (index = new NameIndex<number>()));
      for (const hit of index.similar(name)) this.union(row, hit.item, 'name');
      index.add(row, name);
    }
    return row;
  }

  /** Groups of two rows or more, in the order of their first row. */
  groups(): FileDuplicateGroup[] {
    const members = new Map<number, number[]>();
    for (let i = 0; i < this.parent.length; i++) {
      const root = this.find(i);
      const list = members.get(root);
      if (list) list.push(i);
      else members.set(root, [i]);
    }
    const order: DuplicateReason[] = ['nik', 'phone', 'name'];
    return [...members.entries()]
      .filter(([, rows]) => rows.length > 1)
      .map(([root, rows]) => ({
        rows,
        reasons: order.filter((r) => this.reasons.get(root)?.has(r)),
      }))
      .sort((a, b) => a.rows[0]! - b.rows[0]!);
  }

  private linkKey(map: Map<string, number>, key: string, row: number, reason: DuplicateReason) {
    const first = map.get(key);
    if (first === undefined) map.set(key, row);
    else this.union(row, first, reason);
  }

  private find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    // path compression
    let c = i;
    while (this.parent[c] !== r) {
      const next = this.parent[c]!;
      this.parent[c] = r;
      c = next;
    }
    return r;
  }

  private union(a: number, b: number, reason: DuplicateReason) {
    const ra = this.find(a);
    const rb = this.find(b);
    const root = Math.min(ra, rb);
    const other = Math.max(ra, rb);
    const set = this.reasons.get(root) ?? new Set<DuplicateReason>();
    set.add(reason);
    if (ra !== rb) {
      this.parent[other] = root;
      for (const r of this.reasons.get(other) ?? []) set.add(r);
      this.reasons.delete(other);
    }
    this.reasons.set(root, set);
  }
}

/**
 * Candidates found by several rules, each with its reasons and its best name similarity: the registration
 * form's check (business-duplicates.ts) and the import's register check tally them alike.
 */
export class DuplicateTally {
  readonly found = new Map<number, { reasons: Set<DuplicateReason>; similarity: number }>();

  add(id: number, reason: DuplicateReason, similarity = 0): void {
    const cur = this.found.get(id) ?? { reasons: new Set<DuplicateReason>(), similarity: 0 };
    cur.reasons.add(reason);
    cur.similarity = Math.max(cur.similarity, similarity);
    this.found.set(id, cur);
  }
}

/** A business of the register a row may repeat. */
export interface RegisterMatch {
  businessId: number;
  reasons: DuplicateReason[];
  /** name similarity 0..1 */
  similarity: number;
}

/** The register, as the dry run asks it (electron/services/import/register-index.ts reads the database). */
export interface RegisterIndex {
  /** every row's possible repeats at once (by row index; rows without any are absent) */
  matchAll(rows: readonly DuplicateKeys[]): Map<number, RegisterMatch[]>;
}
