/**
 * A realistic register for backup benchmarks and tests: owners, businesses and their audit rows with
 * Indonesian text (compressibility is what matters for the bytes written to a stick, so no random bytes).
 * Built once through the real boot and set-up, then filled with prepared statements in large transactions.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { bootApp } from '../electron/app/boot';
import { dbPath } from '../electron/app/paths';
import type { RawDb } from '../db/connection';
import { TEST_SETUP } from '../test/fixtures/app';
// the same deterministic PRNG as the register generator, so the data is the same on every run
import { rng } from './generate';

const FIRST = [
  'Siti',
  'Sri',
  'Ahmad',
  'Muhammad',
  'Nur',
  'Dewi',
  'Budi',
  'Agus',
  'Slamet',
  'Suparmi',
  'Wahyu',
  'Eko',
  'Rina',
  'Yuliana',
  'Bambang',
  'Hartini',
  'Joko',
  'Sumiati',
  'Imam',
  'Lestari',
  'Darmi',
  'Suwarno',
  'Fitri',
  'Rahmat',
  'Puji',
  'Endang',
  'Heru',
  'Tutik',
  'Abdul',
  'Khoirul',
];
const LAST = [
  'Wahyuni',
  'Aminah',
  'Fauzi',
  'Hidayat',
  'Santoso',
  'Rahayu',
  'Setiawan',
  'Prasetyo',
  'Kusuma',
  'Nugroho',
  'Lestari',
  'Susanti',
  'Hasanah',
  'Maulana',
  'Saputra',
  'Handayani',
  'Utomo',
  'Purnomo',
];
const VILLAGES = [
  'Ajung',
  'Kalisat',
  'Sumberjeruk',
  'Glagahwero',
  'Gambiran',
  'Sukoreno',
  'Sebanen',
  'Plalangan',
  'Patempuran',
  'Sumberketempa',
  'Sumberkalong',
  'Sumberanget',
];
const PRODUCTS = [
  [
    'Keripik Tempe',
    'keripik tempe rasa original dan pedas, kemasan 250 gram',
    'kedelai, tepung beras, minyak goreng, bumbu',
  ],
  [
    'Tahu Bakso',
    'tahu isi bakso ayam, dijual di pasar Kalisat setiap pagi',
    'kedelai, daging ayam, tepung tapioka',
  ],
  ['Batik Tulis', 'kain batik tulis motif daun tembakau, pewarna alam', 'kain mori, malam, pewarna indigo'],
  ['Anyaman Bambu', 'tampah, besek dan kerajinan anyaman bambu untuk oleh-oleh', 'bambu apus, rotan'],
  ['Kopi Bubuk', 'kopi robusta bubuk sangrai dari kebun rakyat lereng Raung', 'biji kopi robusta, gula aren'],
  [
    'Sambal Pecel',
    'bumbu pecel kacang siap saji, tahan tiga bulan',
    'kacang tanah, cabai, gula merah, kencur',
  ],
  [
    'Tape Singkong',
    'tape singkong manis khas Jember, prol tape dan suwar-suwir',
    'singkong, ragi, gula pasir',
  ],
  ['Mebel Kayu', 'kursi, meja dan lemari kayu jati dan mahoni pesanan', 'kayu jati, kayu mahoni, pelitur'],
  ['Kerupuk Ikan', 'kerupuk ikan tengiri mentah dan matang', 'ikan tengiri, tepung tapioka, bawang putih'],
  ['Jamu Gendong', 'jamu kunyit asam, beras kencur, sinom dalam botol', 'kunyit, asam jawa, beras, kencur'],
];
const STATUS = ['aktif', 'aktif', 'aktif', 'aktif', 'musiman', 'tidak_aktif'];

/** Fills `raw` with about `businesses` businesses (one owner each) and 3 audit rows per business. */
export function fillRealistic(raw: RawDb, businesses: number, seed = 42): void {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const insOwner = raw.prepare(
    `INSERT INTO owners (uuid, nik, name, sex, birth_date, birth_place, phone, address_street, rt, rw,
       village_code, village_name, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insBiz = raw.prepare(
    `INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name, status,
       products, brand, kbli_code, kbli_version, address_street, rt, rw, village_code, year_started,
       workers_male, workers_female, investment, capital, annual_turnover, turnover_year, raw_materials,
       energy_use, legal_form, notes, created_at, updated_at)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insAudit = raw.prepare(
    `INSERT INTO audit_log (uuid, at, user_id, user_name, table_name, record_id, record_uuid, action,
       before_json, after_json, reason) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const base = raw.prepare('SELECT coalesce(max(id), 0) AS m FROM businesses').get() as { m: number };
  const uuid = () => crypto.randomUUID();
  const batch = raw.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const n = base.m + i + 1;
      const name = `${pick(FIRST)} ${pick(LAST)}`;
      const village = pick(VILLAGES);
      const [prod, desc, mats] = pick(PRODUCTS) as [string, string, string];
      const year = 2019 + (i % 8);
      const day = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const at = `${day}T0${i % 9}:${String(i % 60).padStart(2, '0')}:00.000Z`;
      const sex = r() < 0.55 ? 'P' : 'L';
      const nik = `350927${String(10 + Math.floor(r() * 60)).padStart(2, '0')}0${1 + (i % 9)}8${i % 10}${String(n % 10000).padStart(4, '0')}`;
      const ownerUuid = uuid();
      const o = insOwner.run(
        ownerUuid,
        nik,
        name,
        sex,
        `198${i % 10}-0${1 + (i % 9)}-1${i % 10}`,
        'Jember',
        `+62812${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
        `Dusun Krajan RT 00${1 + (i % 9)} RW 00${1 + (i % 5)}`,
        `00${1 + (i % 9)}`,
        `00${1 + (i % 5)}`,
        '35.09.27.2001',
        village,
        at,
        at,
      );
      const bizUuid = uuid();
      const bizName = `${prod} ${sex === 'P' ? 'Bu' : 'Pak'} ${name.split(' ')[0]}`;
      const reg = `IKM-350927-${year}-${String(n).padStart(6, '0')}`;
      const notes = `Usaha ${prod.toLowerCase()} milik ${name} di Desa ${village}. ${desc}. Pemasaran ke pasar desa, toko oleh-oleh dan pesanan lewat WhatsApp.`;
      const b = insBiz.run(
        bizUuid,
        reg,
        day,
        bizName,
        o.lastInsertRowid,
        village,
        pick(STATUS),
        desc,
        `${prod} ${village}`,
        '10794',
        '2020',
        `Jl. ${village} No. ${1 + (i % 120)}`,
        `00${1 + (i % 9)}`,
        `00${1 + (i % 5)}`,
        '35.09.27.2001',
        year - 3,
        i % 4,
        1 + (i % 3),
        5_000_000 + (i % 50) * 250_000,
        3_000_000 + (i % 40) * 100_000,
        60_000_000 + (i % 90) * 1_000_000,
        year,
        mats,
        'listrik PLN 900 VA, kayu bakar',
        'perseorangan',
        notes,
        at,
        at,
      );
      const after = JSON.stringify({
        name: bizName,
        registration_number: reg,
        village_name: village,
        products: desc,
        raw_materials: mats,
        notes,
      });
      insAudit.run(
        uuid(),
        at,
        1,
        'siti',
        'owners',
        o.lastInsertRowid,
        ownerUuid,
        'create',
        null,
        JSON.stringify({ name, nik }),
        null,
      );
      insAudit.run(
        uuid(),
        at,
        1,
        'siti',
        'businesses',
        b.lastInsertRowid,
        bizUuid,
        'create',
        null,
        after,
        null,
      );
      insAudit.run(
        uuid(),
        at,
        1,
        'siti',
        'businesses',
        b.lastInsertRowid,
        bizUuid,
        'update',
        JSON.stringify({ status: 'aktif' }),
        JSON.stringify({ status: 'musiman', workers_female: 1 + (i % 3) }),
        'Produksi hanya saat musim panen tembakau',
      );
    }
  });
  const step = 20_000;
  for (let i = 0; i < businesses; i += step) batch(i, Math.min(businesses, i + step));
}

/** Rows per MB of database file for the realistic data (measured: used to size the 1 GB fixture). */
const ROWS_PER_MB = 520;

/**
 * A data folder under bench/data/<name> holding a set-up office and a realistic register of about
 * `targetMb` megabytes. Cached: built once, reused while the file exists.
 */
export async function realisticDataDir(
  name: string,
  targetMb: number,
): Promise<{ dataDir: string; dbFile: string; bytes: number }> {
  const dataDir = path.resolve('bench', 'data', name);
  const dbFile = dbPath(dataDir);
  if (existsSync(path.join(dataDir, '.complete'))) return { dataDir, dbFile, bytes: statSync(dbFile).size };
  rmSync(dataDir, { recursive: true, force: true });
  const building = `${dataDir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const app = await bootApp({ dataDir: building, appVersion: '0.1.0' });
  if (!app.ok) throw new Error(app.error.detail);
  const r = await app.dispatch('office:setup', TEST_SETUP);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const raw = app.ctx.opened.raw;
  let total = 0;
  while (statSync(dbPath(building)).size + statWal(building) < targetMb * 1024 * 1024) {
    const step = Math.max(
      5000,
      Math.round(((targetMb * 1024 * 1024 - statSync(dbPath(building)).size) / 1048576) * ROWS_PER_MB * 0.5),
    );
    fillRealistic(raw, step, 42 + total);
    total += step;
    raw.pragma('wal_checkpoint(TRUNCATE)');
  }
  await app.close();
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path.join(building, '.complete'), String(total));
  renameSync(building, dataDir);
  return { dataDir, dbFile, bytes: statSync(dbFile).size };
}

function statWal(dir: string): number {
  try {
    return statSync(`${dbPath(dir)}-wal`).size;
  } catch {
    return 0;
  }
}
