import { sql } from 'kysely';
import { classifyAll } from '../../../shared/domain/size-class';
import type { LetterSettings } from '../../../shared/schemas/letter';
import type { Office } from '../../../shared/schemas/office';
import { maskNik } from '../../../shared/validators/nik';
import type { Db } from '../../../db/connection';
import { fillPlaceholders, formatNip, regencyTitle, rupiah, tanggalIndonesia, titleCase } from './format';
import type { LetterDoc } from './render';

/** The business and owner columns a letter prints. */
export interface LetterBusiness {
  id: number;
  name: string;
  brand: string | null;
  products: string | null;
  registrationNumber: string;
  registrationDate: string;
  kbliCode: string | null;
  kbliVersion: string | null;
  kbliTitle: string | null;
  street: string | null;
  rt: string | null;
  rw: string | null;
  villageName: string;
  yearStarted: number | null;
  workersMale: number;
  workersFemale: number;
  investment: number | null;
  capital: number | null;
  annualTurnover: number | null;
  archived: boolean;
  owner: {
    name: string;
    nik: string | null;
    sex: 'L' | 'P' | null;
    birthPlace: string | null;
    birthDate: string | null;
    street: string | null;
    rt: string | null;
    rw: string | null;
    villageName: string | null;
  };
}

/** A permit the business holds, as printed ("NIB 1234…", valid until …). */
export interface PermitLine {
  text: string;
}

/**
 * The permits block: the business's permits in force on the letter's day (not archived, not revoked, not
 * ended; a permit without dates is listed too), one line each — "NIB 1234567890123 (berlaku selama usaha
 * berjalan)", "P-IRT 2063509010123-27, berlaku s.d. 12 Maret 2027". None: "Belum ada izin yang tercatat".
 */
export async function permitsFor(db: Db, businessId: number, date?: string): Promise<PermitLine[]> {
  const day = date ?? localDay(new Date());
  const rows = await db
    .selectFrom('permits as p')
    .innerJoin('permit_types as t', 't.id', 'p.type_id')
    .select(['t.short_name', 'p.number', 'p.issuer', 'p.valid_until', 'p.while_operating'])
    .where('p.business_id', '=', businessId)
    .where('p.archived_at', 'is', null)
    .where('p.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('p.valid_until', 'is', null), eb('p.valid_until', '>=', day)]))
    .orderBy('t.sort')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => {
    const head = [r.short_name, r.number].filter(Boolean).join(' ');
    const validity = r.while_operating
      ? ' (berlaku selama usaha berjalan)'
      : r.valid_until
        ? `, berlaku s.d. ${tanggalIndonesia(r.valid_until)}`
        : '';
    return { text: `${head}${validity}` };
  });
}

function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

let kbliTableKnown: boolean | null = null;

async function kbliTitle(db: Db, code: string | null, version: string | null): Promise<string | null> {
  if (!code) return null;
  if (kbliTableKnown === null) {
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name = 'kbli'`.execute(
      db,
    );
    kbliTableKnown = (r.rows[0]?.n ?? 0) > 0;
  }
  if (!kbliTableKnown) return null;
  const r = await sql<{ title: string }>`
    SELECT title FROM kbli WHERE code = ${code} ORDER BY (version = ${version ?? ''}) DESC, version DESC LIMIT 1
  `.execute(db);
  return r.rows[0]?.title ?? null;
}

export async function loadLetterBusinesses(db: Db, ids: readonly number[]): Promise<LetterBusiness[]> {
  if (ids.length === 0) return [];
  const out: LetterBusiness[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('businesses as b')
      .innerJoin('owners as o', 'o.id', 'b.owner_id')
      .where('b.id', 'in', ids.slice(i, i + 500))
      .select([
        'b.id',
        'b.name',
        'b.brand',
        'b.products',
        'b.registration_number',
        'b.registration_date',
        'b.kbli_code',
        'b.kbli_version',
        'b.address_street',
        'b.rt',
        'b.rw',
        'b.village_name',
        'b.year_started',
        'b.workers_male',
        'b.workers_female',
        'b.investment',
        'b.capital',
        'b.annual_turnover',
        'b.archived_at',
        'o.name as owner_name',
        'o.nik as owner_nik',
        'o.sex as owner_sex',
        'o.birth_place as owner_birth_place',
        'o.birth_date as owner_birth_date',
        'o.address_street as owner_street',
        'o.rt as owner_rt',
        'o.rw as owner_rw',
        'o.village_name as owner_village',
      ])
      .execute();
    for (const r of rows)
      out.push({
        id: r.id,
        name: r.name,
        brand: r.brand,
        products: r.products,
        registrationNumber: r.registration_number,
        registrationDate: r.registration_date,
        kbliCode: r.kbli_code,
        kbliVersion: r.kbli_version,
        kbliTitle: await kbliTitle(db, r.kbli_code, r.kbli_version),
        street: r.address_street,
        rt: r.rt,
        rw: r.rw,
        villageName: r.village_name,
        yearStarted: r.year_started,
        workersMale: r.workers_male,
        workersFemale: r.workers_female,
        investment: r.investment,
        capital: r.capital,
        annualTurnover: r.annual_turnover,
        archived: r.archived_at !== null,
        owner: {
          name: r.owner_name,
          nik: r.owner_nik,
          sex: r.owner_sex,
          birthPlace: r.owner_birth_place,
          birthDate: r.owner_birth_date,
          street: r.owner_street,
          rt: r.owner_rt,
          rw: r.owner_rw,
          villageName: r.owner_village,
        },
      });
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  return out.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

function address(
  street: string | null,
  rt: string | null,
  rw: string | null,
  village: string | null,
  district: string,
): string {
  const parts: string[] = [];
  if (street) parts.push(street);
  if (rt || rw) parts.push(`RT ${rt ?? '-'}/RW ${rw ?? '-'}`);
  if (village) parts.push(/^(desa|kelurahan|kel\.)\s/i.test(village) ? village : `Desa ${village}`);
  parts.push(`Kecamatan ${district}`);
  return parts.join(', ');
}

const INDUSTRY: Record<string, string> = {
  kecil: 'Industri Kecil',
  menengah: 'Industri Menengah',
  besar: 'Industri Besar',
};
const BUSINESS: Record<string, string> = {
  mikro: 'Usaha Mikro',
  kecil: 'Usaha Kecil',
  menengah: 'Usaha Menengah',
  besar: 'Usaha Besar',
};

export function sizeClassText(b: LetterBusiness): string {
  const c = classifyAll({
    workersMale: b.workersMale,
    workersFemale: b.workersFemale,
    investment: b.investment,
    capital: b.capital,
    annualTurnover: b.annualTurnover,
  });
  const parts: string[] = [];
  if (c.industry.value) parts.push(`${INDUSTRY[c.industry.value]} (${c.industry.rule})`);
  if (c.business.value) parts.push(`${BUSINESS[c.business.value]} (${c.business.rule})`);
  return parts.length
    ? parts.join('; ')
    : 'Belum dapat ditentukan (data tenaga kerja/investasi belum lengkap)';
}

export interface BuildInput {
  office: Office;
  settings: LetterSettings;
  business: LetterBusiness;
  permits: PermitLine[];
  number: string;
  /** yyyy-mm-dd of issue */
  date: string;
  purpose: string;
  fullNik: boolean;
  qrText: string;
  verificationCode: string;
}

/** The office's letterhead lines (kop surat), for letters and every other office document. */
export function officeLetterhead(o: Office, s: LetterSettings): { top: string[]; contact: string[] } {
  const contact1 = [o.addressLine1, o.addressLine2].filter(Boolean).join(', ');
  const contact2 = [
    o.phone ? `Telepon ${o.phone}` : null,
    o.email ? `Email ${o.email}` : null,
    s.website ? `Laman ${s.website}` : null,
    o.postalCode ? `Kode Pos ${o.postalCode}` : null,
  ].filter(Boolean) as string[];
  return {
    top: [`PEMERINTAH ${regencyTitle(o.regencyName)}`, `KECAMATAN ${o.districtName.toUpperCase()}`],
    contact: [contact1, contact2.join(' · ')].filter(Boolean),
  };
}

/** Who signs the office's documents: the Camat, or an official "a.n. Camat" (the letter settings). */
export function letterSigner(o: Office, s: LetterSettings): LetterDoc['signer'] {
  const districtUpper = o.districtName.toUpperCase();
  const signerTitle =
    s.signerMode === 'an' ? (s.signerOffice ?? 'Sekretaris Kecamatan') : `CAMAT ${districtUpper}`;
  return s.signerMode === 'an'
    ? {
        anLine: `a.n. CAMAT ${districtUpper}`,
        title: signerTitle,
        name: s.signerName ?? '',
        rank: s.signerRank,
        nip: s.signerNip ? formatNip(s.signerNip) : null,
      }
    : {
        anLine: null,
        title: signerTitle,
        name: o.camatName,
        rank: o.camatRank,
        nip: o.camatNip ? formatNip(o.camatNip) : null,
      };
}

/** Words and formats everything the letter prints; the renderer only lays it out. */
export function buildLetterDoc(i: BuildInput): LetterDoc {
  const { office: o, settings: s, business: b } = i;
  const district = titleCase(o.districtName);
  const districtUpper = o.districtName.toUpperCase();
  const kbli = b.kbliCode
    ? `${b.kbliCode}${b.kbliTitle ? ` – ${b.kbliTitle}` : ''}${b.kbliVersion ? ` (KBLI ${b.kbliVersion})` : ''}`
    : '';
  const signerTitle =
    s.signerMode === 'an' ? (s.signerOffice ?? 'Sekretaris Kecamatan') : `CAMAT ${districtUpper}`;
  const values: Record<string, string> = {
    nama_usaha: b.name,
    nama_pemilik: b.owner.name,
    produk: b.products ?? '',
    nomor_registrasi: b.registrationNumber,
    tanggal_registrasi: tanggalIndonesia(b.registrationDate),
    desa: b.villageName,
    kecamatan: district,
    kabupaten: titleCase(o.regencyName),
    provinsi: titleCase(o.provinceName),
    nama_camat: o.camatName,
    jabatan_penanda_tangan:
      s.signerMode === 'an' ? `a.n. Camat ${district} ${signerTitle}` : `Camat ${district}`,
    keperluan: i.purpose,
    kbli,
    tahun_mulai: b.yearStarted ? String(b.yearStarted) : '',
  };
  const workers = b.workersMale + b.workersFemale;
  const nik = b.owner.nik ? (i.fullNik ? b.owner.nik : maskNik(b.owner.nik)) : '-';
  const birth = [b.owner.birthPlace, b.owner.birthDate ? tanggalIndonesia(b.owner.birthDate) : null]
    .filter(Boolean)
    .join(', ');
  const permits = i.permits.length ? i.permits.map((p) => p.text).join('; ') : 'Belum ada izin yang tercatat';
  return {
    paper: s.paper,
    copy: false,
    emblemPath: null,
    letterhead: officeLetterhead(o, s),
    title: s.title,
    number: i.number,
    opening: fillPlaceholders(s.opening, values),
    owner: [
      ['Nama', b.owner.name],
      ['NIK', nik],
      ['Tempat/tanggal lahir', birth],
      ['Jenis kelamin', b.owner.sex === 'L' ? 'Laki-laki' : b.owner.sex === 'P' ? 'Perempuan' : ''],
      [
        'Alamat',
        address(b.owner.street, b.owner.rt, b.owner.rw, b.owner.villageName ?? b.villageName, district),
      ],
    ],
    businessIntro: 'memiliki usaha industri dengan keterangan sebagai berikut:',
    business: [
      ['Nama usaha', b.brand ? `${b.name} (merek ${b.brand})` : b.name],
      ['Jenis produk', b.products ?? ''],
      ['KBLI', kbli],
      ['Alamat usaha', address(b.street, b.rt, b.rw, b.villageName, district)],
      ['Tahun mulai usaha', b.yearStarted ? String(b.yearStarted) : ''],
      ['Tenaga kerja', workers > 0 ? `${workers} orang (L: ${b.workersMale}, P: ${b.workersFemale})` : ''],
      [
        'Nilai investasi',
        b.investment !== null ? `${rupiah(b.investment)} (di luar tanah dan bangunan)` : '',
      ],
      ['Klasifikasi', sizeClassText(b)],
      ['Nomor registrasi', b.registrationNumber],
      ['Tanggal registrasi', tanggalIndonesia(b.registrationDate)],
      ['Izin yang dimiliki', permits],
    ],
    statement: fillPlaceholders(s.statement, values),
    purpose: fillPlaceholders(s.purposeSentence, values),
    closing: fillPlaceholders(s.closing, values),
    placeDate: `${district}, ${tanggalIndonesia(i.date)}`,
    signer: letterSigner(o, s),
    qr: {
      text: i.qrText,
      // one line each, so the code is never split from its label (where a line broke depended on the
      // code's own width)
      caption: `Pindai untuk memeriksa keaslian;\nkode verifikasi: ${i.verificationCode}.\nNomor registrasi ${b.registrationNumber}.`,
    },
    tembusan: s.tembusan
      .split('\n')
      .map((t) => t.trim())
      .filter(Boolean),
  };
}
