/**
 * Realistic registry data for benchmarks: owners and businesses of Kabupaten Jember (35.09) — owner names
 * by origin (Javanese, Madurese, Sundanese, Malay), business names built the way clerks write them ("Keripik
 * Tempe Bu Sri", "UD Sumber Rejeki", "Mebel Jati Makmur"), products of the seed articles with their KBLI,
 * desa from the Kemendagri list, NIKs whose region and birth date fit the owner, and the skew of a real
 * register: most micro with few workers, many without NIK or phone, a Zipf-like spread over desa and
 * products, some seasonal, closed, archived or merged.
 *
 * Rows go in through the real schema (migrations, triggers, FTS on) with prepared statements in large
 * transactions; the insert rate is measured over exactly that. Databases are cached under bench/data/.
 *
 *   npx tsx bench/generate.ts 30k        (or 1k, 1m)
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyPragmas, type RawDb } from '../db/connection';
import { migrate } from '../db/migrate';
import { syncSearchIndex } from '../db/queries/search-index';
import { AUSPICIOUS_A, AUSPICIOUS_B, BRANDS, HONORIFIC, LEGAL_FORMS, NAME_GROUPS, PRODUCTS } from './lists';
import type { NameGroup, Product } from './lists';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = path.join(here, 'data');
/** Bump when the generated data changes shape, so cached databases are rebuilt. */
const GENERATOR_VERSION = 5;
export const REGENCY = { code: '35.09', name: 'Kabupaten Jember' };

export const SIZES = { '1k': 1_000, '30k': 30_000, '1m': 1_000_000 } as const;
export type Size = keyof typeof SIZES;

/** Deterministic PRNG (mulberry32), so every run builds the same register. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Cumulative weights for fast weighted picks. */
function weighted<T>(items: readonly T[], weightOf: (t: T, i: number) => number): (r: Rand) => T {
  const cum: number[] = [];
  let sum = 0;
  items.forEach((t, i) => cum.push((sum += weightOf(t, i))));
  return (r) => {
    const x = r() * sum;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  };
}

export interface Village {
  code: string;
  districtCode: string;
  name: string;
}

/** The desa of the kabupaten: from the regions table when migration 003 loaded it, else idn-area-data's CSV. */
export function villagesOf(raw: RawDb | null, regencyCode = REGENCY.code): Village[] {
  if (raw) {
    const has = raw.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'regions'`).get();
    if (has) {
      const rows = raw
        .prepare(
          `SELECT code, parent_code AS districtCode, name FROM regions
           WHERE level = 'village' AND code LIKE ? ORDER BY code`,
        )
        .all(`${regencyCode}.%`) as Village[];
      if (rows.length) return rows;
    }
  }
  const csv = readFileSync(
    path.join(here, '..', 'node_modules', 'idn-area-data', 'data', 'villages.csv'),
    'utf8',
  );
  return csv
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .filter((c) => c[0]?.startsWith(`${regencyCode}.`))
    .map((c) => ({
      code: c[0]!,
      districtCode: c[1]!,
      name: c.slice(2).join(',').replace(/^"|"$/g, '').trim(),
    }));
}

export interface GenBusiness {
  owner: {
    reuse: number | null; // index of an earlier generated owner (one owner, several businesses)
    nik: string | null;
    name: string;
    sex: 'L' | 'P';
    birthDate: string;
    phone: string | null;
    village: Village;
  };
  name: string;
  products: string;
  brand: string | null;
  kbli: string;
  village: Village;
  registrationDate: string;
  status: string;
  statusReason: string | null;
  workersMale: number;
  workersFemale: number;
  investment: number | null;
  capital: number | null;
  turnover: number | null;
  yearStarted: number | null;
  legalForm: string;
  archived: boolean;
  /** merged into an earlier business (index) */
  mergedInto: number | null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A NIK that fits: kecamatan of first registration, birth date (day + 40 for women), a serial. */
function makeNik(r: Rand, districtCode: string, birth: Date, sex: 'L' | 'P', used: Set<string>): string {
  const region = districtCode.replace(/\./g, '');
  const day = birth.getUTCDate() + (sex === 'P' ? 40 : 0);
  const stem = `${region}${pad(day)}${pad(birth.getUTCMonth() + 1)}${pad(birth.getUTCFullYear() % 100)}`;
  for (;;) {
    const nik = stem + pad(1 + Math.floor(r() * (r() < 0.9 ? 60 : 9998)), 4);
    if (!used.has(nik)) {
      used.add(nik);
      return nik;
    }
  }
}

function personName(r: Rand, g: NameGroup, sex: 'L' | 'P'): { full: string; nick: string } {
  const set = sex === 'L' ? g.male : g.female;
  let first = pick(r, set.first);
  if (first === 'Mbok') first = 'Sumiyati';
  if (r() < g.single && !first.endsWith('.')) return { full: first, nick: first };
  const last = pick(r, set.last);
  const full = `${first} ${last}`;
  const nick =
    first.endsWith('.') || first === 'Sitti' || first === 'Siti' ? (r() < 0.5 ? last : first) : first;
  return { full, nick: nick.replace(/\.$/, '') };
}

function businessName(
  r: Rand,
  p: Product,
  g: NameGroup,
  sex: 'L' | 'P',
  nick: string,
  village: Village,
  brand: string | null,
): string {
  const x = r();
  let name: string;
  if (x < 0.42) {
    const hon = pick(r, HONORIFIC[g.key][sex === 'L' ? 'male' : 'female']);
    name = `${p.name} ${hon} ${nick}`;
  } else if (x < 0.57) {
    name = `UD ${pick(r, AUSPICIOUS_A)} ${pick(r, AUSPICIOUS_B)}`;
  } else if (x < 0.75) {
    name = `${p.category ?? p.name} ${pick(r, AUSPICIOUS_A)} ${pick(r, AUSPICIOUS_B)}`;
  } else if (x < 0.85 && brand) {
    name = `${p.name} ${brand}`;
  } else if (x < 0.95) {
    name = `${p.name} ${village.name}`;
  } else if (x < 0.98) {
    name = `CV ${pick(r, AUSPICIOUS_A)} ${pick(r, AUSPICIOUS_B)}`;
  } else {
    name = `KUB ${p.category ?? p.name} ${village.name}`;
  }
  // Registers hold the spellings clerks write.
  for (const [right, variant] of p.misspelt ?? []) if (r() < 0.12) name = name.replace(right, variant);
  return name;
}

/** Rough log-normal money in rupiah around `median`, rounded to 100,000. */
function money(r: Rand, median: number): number {
  const z = Math.sqrt(-2 * Math.log(r() || 1e-9)) * Math.cos(2 * Math.PI * r());
  return Math.max(500_000, Math.round((median * Math.exp(z * 0.9)) / 100_000) * 100_000);
}

/** The register, business by business, skewed like a real one. Deterministic for a given n. */
export function* generateBusinesses(n: number, villages: Village[], seed = 20260312): Generator<GenBusiness> {
  const r = rng(seed);
  // Zipf-like over desa (shuffled, so the busiest desa is not simply the first code) and products.
  const order = villages.map((v) => ({ v, k: r() })).sort((a, b) => a.k - b.k);
  const pickVillage = weighted(order, (_, i) => 1 / Math.pow(i + 1, 0.8));
  const pickProduct = weighted(PRODUCTS, (p) => p.weight);
  const pickGroup = weighted(NAME_GROUPS, (g) => g.weight);
  const districts = [...new Set(villages.map((v) => v.districtCode))];
  const usedNik = new Set<string>();
  const owners: GenBusiness['owner'][] = [];
  const ownerNick: string[] = [];
  const ownerGroup: NameGroup[] = [];
  const start = Date.UTC(2014, 0, 2);
  const span = Date.UTC(2026, 9, 31) - start;
  for (let i = 0; i < n; i++) {
    const village = pickVillage(r).v;
    const p = pickProduct(r);
    let owner: GenBusiness['owner'];
    let nick: string;
    let group: NameGroup;
    if (owners.length > 10 && r() < 0.08) {
      const ownerIdx = Math.floor(r() * owners.length);
      owner = { ...owners[ownerIdx]!, reuse: ownerIdx };
      nick = ownerNick[ownerIdx]!;
      group = ownerGroup[ownerIdx]!;
    } else {
      group = pickGroup(r);
      const sex: 'L' | 'P' = r() < 0.58 ? 'P' : 'L'; // most home industries are run by women
      const pn = personName(r, group, sex);
      nick = pn.nick;
      const birth = new Date(
        Date.UTC(1950 + Math.floor(r() * 55), Math.floor(r() * 12), 1 + Math.floor(r() * 28)),
      );
      const rr = r();
      const nikDistrict =
        rr < 0.85
          ? village.districtCode
          : rr < 0.97
            ? pick(r, districts)
            : `35.${pad(1 + Math.floor(r() * 29))}.01`;
      owner = {
        reuse: null,
        nik: r() < 0.62 ? makeNik(r, nikDistrict, birth, sex, usedNik) : null,
        name: pn.full,
        sex,
        birthDate: birth.toISOString().slice(0, 10),
        phone:
          r() < 0.45
            ? `+628${pick(r, ['12', '13', '52', '53', '57', '77', '81', '95'])}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`
            : null,
        village,
      };
      owners.push(owner);
      ownerNick.push(nick);
      ownerGroup.push(group);
    }
    const brand = r() < 0.3 ? pick(r, BRANDS) : null;
    const scale = p.scale ?? 1;
    // workers: most 0–4, a few 5–19, rare 20+
    const w = r();
    const workers =
      w < 0.78
        ? Math.floor(r() * 4)
        : w < 0.97
          ? 4 + Math.floor(r() * 10 * scale)
          : 20 + Math.floor(r() * 60 * scale);
    const female = Math.round(
      workers * (p.kbli.startsWith('10') || p.kbli === '13134' ? 0.7 : 0.3) * r() * 1.4,
    );
    const t = (i + r() * 0.5) / n;
    const date = new Date(start + Math.pow(t, 0.7) * span);
    const s = r();
    const status =
      p.seasonal && s < 0.3
        ? 'musiman'
        : s < 0.86
          ? 'aktif'
          : s < 0.91
            ? 'musiman'
            : s < 0.96
              ? 'tidak_aktif'
              : s < 0.99
                ? 'tutup'
                : 'pindah';
    const known = r() < 0.55; // many records lack the money figures
    yield {
      owner,
      name: businessName(r, p, group, owner.sex, nick, village, brand),
      products: [pick(r, p.variants), r() < 0.4 ? pick(r, p.variants) : null]
        .filter((x, k, a) => x && a.indexOf(x) === k)
        .join(', '),
      brand,
      kbli: p.kbli,
      village,
      registrationDate: date.toISOString().slice(0, 10),
      status,
      statusReason:
        status === 'aktif'
          ? null
          : status === 'musiman'
            ? 'hanya saat panen/musim pesanan'
            : 'laporan petugas',
      workersMale: Math.max(0, workers - female),
      workersFemale: female,
      investment: known ? money(r, 15_000_000 * scale) : null,
      capital: known ? money(r, 10_000_000 * scale) : null,
      turnover: known ? money(r, 60_000_000 * scale) : null,
      yearStarted: r() < 0.7 ? Math.max(1980, date.getUTCFullYear() - Math.floor(r() * 20)) : null,
      legalForm: pick(r, LEGAL_FORMS),
      archived: r() < 0.004,
      mergedInto: i > 100 && r() < 0.002 ? Math.floor(r() * (i - 1)) : null,
    };
  }
}

export interface BuildResult {
  file: string;
  n: number;
  seconds: number;
  insertPerS: number;
  cached: boolean;
}

/**
 * Builds a register of `n` businesses into `file` through the migrated schema (triggers and FTS on):
 * prepared statements, one transaction per 50,000 rows. Returns the measured insert rate (businesses per
 * second, with their owners).
 */
export async function buildRegistry(file: string, n: number, log = (_: string) => {}): Promise<BuildResult> {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  mkdirSync(path.dirname(file), { recursive: true });
  const raw = new Database(file);
  applyPragmas(raw);
  await migrate(raw);
  // Bulk load: the same statements and triggers as the app, with the pragmas a bulk import may use.
  raw.pragma('synchronous = NORMAL');
  raw.pragma('cache_size = -262144');
  const villages = villagesOf(raw);
  const now = new Date().toISOString();
  const insOwner = raw.prepare(
    `INSERT INTO owners (uuid, nik, name, sex, birth_date, phone, village_code, village_name, archived_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  const insBusiness = raw.prepare(
    `INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name, village_code,
       status, status_reason, archived_at, products, brand, kbli_code, kbli_version, year_started, workers_male,
       workers_female, investment, capital, annual_turnover, turnover_year, legal_form, merged_into_id,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2020', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const seq = new Map<string, number>();
  const ownerIds: number[] = [];
  const gen = generateBusinesses(n, villages);
  const BATCH = 50_000;
  let done = 0;
  const t0 = performance.now();
  const batch = raw.transaction((count: number) => {
    for (let k = 0; k < count; k++) {
      const b = gen.next().value as GenBusiness;
      let ownerId: number;
      if (b.owner.reuse !== null) ownerId = ownerIds[b.owner.reuse]!;
      else {
        const o = b.owner;
        ownerId = Number(
          insOwner.run(
            randomUUID(),
            o.nik,
            o.name,
            o.sex,
            o.birthDate,
            o.phone,
            o.village.code,
            o.village.name,
            now,
            now,
          ).lastInsertRowid,
        );
        ownerIds.push(ownerId);
      }
      const year = b.registrationDate.slice(0, 4);
      const district = b.village.districtCode.replace(/\./g, '');
      const key = `${district}-${year}`;
      const next = (seq.get(key) ?? 0) + 1;
      seq.set(key, next);
      const at = `${b.registrationDate}T03:00:00.000Z`;
      insBusiness.run(
        randomUUID(),
        `IKM-${district}-${year}-${pad(next, 5)}`,
        b.registrationDate,
        b.name,
        ownerId,
        b.village.name,
        b.village.code,
        b.status,
        b.statusReason,
        b.archived ? at : null,
        b.products,
        b.brand,
        b.kbli,
        b.yearStarted,
        b.workersMale,
        b.workersFemale,
        b.investment,
        b.capital,
        b.turnover,
        b.turnover === null ? null : Number(year),
        b.legalForm,
        b.mergedInto === null ? null : b.mergedInto + 1,
        at,
        at,
      );
    }
  });
  while (done < n) {
    const count = Math.min(BATCH, n - done);
    batch(count);
    done += count;
    if (n >= 100_000)
      log(
        `  ${done.toLocaleString('en')} / ${n.toLocaleString('en')} (${Math.round(done / ((performance.now() - t0) / 1000))}/s)`,
      );
  }
  // The queued businesses go into the search index exactly as the app does it before a search.
  const tIndex = performance.now();
  syncSearchIndex(raw);
  log(`  search index: ${((performance.now() - tIndex) / 1000).toFixed(1)} s`);
  const seconds = (performance.now() - t0) / 1000;
  for (const [key, value] of seq) {
    const [, year] = key.split('-');
    raw
      .prepare(
        `INSERT INTO sequences (name, year, value) VALUES (?, ?, ?)
                 ON CONFLICT(name, year) DO UPDATE SET value = max(value, excluded.value)`,
      )
      // the office (Kalisat, 35.09.27) numbers with the app's own counter; other kecamatan keep theirs apart
      .run(key.startsWith('350927-') ? 'registration' : `registration:${key}`, Number(year), value);
  }
  raw.exec('ANALYZE');
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  return { file, n, seconds, insertPerS: n / seconds, cached: false };
}

/** The cached database of a size, built when missing or made by an older generator. */
export async function ensureRegistry(
  size: Size,
  log: (m: string) => void = (m) => void process.stdout.write(`${m}\n`),
): Promise<BuildResult> {
  const n = SIZES[size];
  const file = path.join(DATA_DIR, `registry-${size}.sqlite`);
  const metaFile = `${file}.json`;
  if (existsSync(file) && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as BuildResult & {
      version: number;
      schema: number;
    };
    const probe = new Database(file, { readonly: true });
    const schema = probe.pragma('user_version', { simple: true }) as number;
    probe.close();
    const { LATEST_SCHEMA_VERSION } = await import('../db/migrations/index');
    if (meta.version === GENERATOR_VERSION && meta.n === n && schema === LATEST_SCHEMA_VERSION)
      return { ...meta, file, cached: true };
  }
  log(
    `generating ${size} (${n.toLocaleString('en')} businesses) into ${path.relative(process.cwd(), file)}…`,
  );
  const res = await buildRegistry(file, n, log);
  const { LATEST_SCHEMA_VERSION } = await import('../db/migrations/index');
  writeFileSync(
    metaFile,
    JSON.stringify({ ...res, version: GENERATOR_VERSION, schema: LATEST_SCHEMA_VERSION }, null, 2),
  );
  log(
    `  built in ${res.seconds.toFixed(1)} s: ${Math.round(res.insertPerS)} businesses/s, ${(statSync(file).size / 2 ** 20).toFixed(0)} MB`,
  );
  return res;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).filter((a): a is Size => a in SIZES);
  for (const s of sizes.length ? sizes : (['1k'] as Size[])) await ensureRegistry(s);
}
