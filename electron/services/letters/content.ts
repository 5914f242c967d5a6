// Over 400 lines on purpose: every word the registration letter prints, in one place, so the wording rules (docs/glossary.md, naskah dinas) are checked in one file.
import { sql } from 'kysely';
import { classifyAll, type Pp7Rule } from '../../../shared/domain/size-class';
import { getPp7Rule } from '../size-rule';
import type { LetterSettings } from '../../../shared/schemas/letter';
import type { Office } from '../../../shared/schemas/office';
import { maskNik } from '../../../shared/validators/nik';
import type { Db } from '../../../db/connection';
import {
  fillPlaceholders,
  formatNip,
  regencyName,
  regencyTitle,
  rupiah,
  tanggalIndonesia,
  titleCase,
} from './format';
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
  /** where the business is, from its village code (null without a known code) */
  place: Place | null;
  yearStarted: number | null;
  /** null = not filled in */
  workersMale: number | null;
  workersFemale: number | null;
  investment: number | null;
  capital: number | null;
  annualTurnover: number | null;
  /** the office's PP 7/2021 rule (settings); the default when absent */
  pp7Rule?: Pp7Rule;
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
    /** where the owner lives, from the owner's own village code: not the office's kecamatan */
    place: Place | null;
  };
}

/** A village and the kecamatan and kabupaten/kota it belongs to, read from the Kemendagri code. */
export interface Place {
  /** "Kelurahan" when the village part of the code starts with 1, else "Desa" */
  kind: 'Desa' | 'Kelurahan';
  village: string;
  district: string;
  /** "Kabupaten Jember", "Kota Semarang" */
  regency: string;
}

/**
 * Desa or kelurahan from a village code `PP.KK.CC.XDDD`: X = 1 is a kelurahan, 2 a desa, 3 a desa adat
 * (Permendagri 58/2021). Null for anything that is not a village code.
 */
export function villageKind(code: string | null | undefined): 'Desa' | 'Kelurahan' | null {
  const m = /^\d{2}\.\d{2}\.\d{2}\.(\d)\d{3}$/.exec(code ?? '');
  if (!m) return null;
  return m[1] === '1' ? 'Kelurahan' : 'Desa';
}

/** The village, kecamatan and kabupaten of a village code, from the region list; null when unknown. */
export async function placeOf(db: Db, code: string | null): Promise<Place | null> {
  const kind = villageKind(code);
  if (!code || !kind) return null;
  const parts = code.split('.');
  const codes = [code, parts.slice(0, 3).join('.'), parts.slice(0, 2).join('.')];
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'display_name'])
    .where('code', 'in', codes)
    .execute();
  const name = new Map(rows.map((r) => [r.code, r.display_name]));
  const village = name.get(codes[0]!);
  const district = name.get(codes[1]!);
  const regency = name.get(codes[2]!);
  if (!village || !district || !regency) return null;
  return { kind, village, district, regency };
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
  const pp7Rule = await getPp7Rule(db);
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
        'b.village_code',
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
        'o.village_code as owner_village_code',
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
        place: await placeOf(db, r.village_code),
        yearStarted: r.year_started,
        workersMale: r.workers_male,
        workersFemale: r.workers_female,
        pp7Rule,
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
          place: await placeOf(db, r.owner_village_code),
        },
      });
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  return out.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/**
 * "Dusun Krajan, RT 002/RW 005, Kelurahan Sekaran, Kecamatan Gunungpati, Kota Semarang". With a known village
 * code, Desa or Kelurahan and the kecamatan and kabupaten come from the code; without one, the village name as
 * recorded and, only when given (the business's own kecamatan is the office's), the kecamatan.
 */
export function formatAddress(
  street: string | null,
  rt: string | null,
  rw: string | null,
  place: Place | null,
  villageName: string | null,
  fallbackDistrict: string | null,
): string {
  const parts: string[] = [];
  if (street) parts.push(street);
  if (rt || rw) parts.push(`RT ${rt ?? '-'}/RW ${rw ?? '-'}`);
  if (place) {
    parts.push(`${place.kind} ${place.village}`, `Kecamatan ${place.district}`, place.regency);
  } else {
    if (villageName) parts.push(villageName);
    if (fallbackDistrict) parts.push(`Kecamatan ${fallbackDistrict}`);
  }
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
  const c = classifyAll(
    {
      workersMale: b.workersMale,
      workersFemale: b.workersFemale,
      investment: b.investment,
      capital: b.capital,
      annualTurnover: b.annualTurnover,
    },
    b.pp7Rule,
  );
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
    o.email ? `Pos-el ${o.email}` : null,
    s.website ? `Laman ${s.website}` : null,
    o.postalCode ? `Kode Pos ${o.postalCode}` : null,
  ].filter(Boolean) as string[];
  return {
    top: [`PEMERINTAH ${regencyTitle(o.regencyName)}`, `KECAMATAN ${o.districtName.toUpperCase()}`],
    contact: [contact1, contact2.join(' · ')].filter(Boolean),
  };
}

/** Who signs the office's documents (attendance sheets, reports): the letter's signer block without the opening phrase. */
export function letterSigner(o: Office, s: LetterSettings): LetterDoc['signer'] {
  const { phrase: _phrase, ...block } = signerOf(s, o);
  return block;
}

/** The acting posts: the abbreviation over the signature and the words of the opening. */
const ACTING_POST = {
  plt: { abbr: 'Plt.', post: 'Pelaksana Tugas' },
  plh: { abbr: 'Plh.', post: 'Pelaksana Harian' },
} as const;

/**
 * Who signs, worded as the naskah dinas rules write it (Permendagri 1/2023 on tata naskah dinas):
 * - the Camat: "CAMAT KALISAT";
 * - on the Camat's behalf (atas nama): "a.n. CAMAT KALISAT" over the signer's own office, "Sekretaris Kecamatan";
 * - Pelaksana Tugas (a vacant post) or Pelaksana Harian (the Camat away): "Plt. CAMAT KALISAT" / "Plh. CAMAT
 *   KALISAT", signed with the acting official's own name, rank and NIP.
 * `phrase` is what the opening says ("Yang bertanda tangan di bawah ini, … , menerangkan bahwa").
 */
export function signerOf(
  s: LetterSettings,
  o: Pick<Office, 'districtName' | 'camatName' | 'camatRank' | 'camatNip'>,
): LetterDoc['signer'] & { phrase: string } {
  const district = titleCase(o.districtName);
  const upper = o.districtName.toUpperCase();
  const acting = {
    name: s.signerName ?? '',
    rank: s.signerRank,
    nip: s.signerNip ? formatNip(s.signerNip) : null,
  };
  switch (s.signerMode) {
    case 'an': {
      const office = s.signerOffice ?? 'Sekretaris Kecamatan';
      // "Sekretaris Kecamatan" → "Sekretaris Kecamatan Kalisat"; "Kasi Ekbang" → "Kasi Ekbang Kecamatan Kalisat"
      const full = office.toLowerCase().includes(district.toLowerCase())
        ? office
        : /kecamatan$/i.test(office)
          ? `${office} ${district}`
          : `${office} Kecamatan ${district}`;
      return {
        anLine: `a.n. CAMAT ${upper}`,
        title: office.toUpperCase(),
        ...acting,
        phrase: `${full}, atas nama Camat ${district}`,
      };
    }
    case 'plt':
    case 'plh': {
      const { abbr, post } = ACTING_POST[s.signerMode];
      return {
        anLine: null,
        title: `${abbr} CAMAT ${upper}`,
        ...acting,
        phrase: `${post} Camat ${district}`,
      };
    }
    default:
      return {
        anLine: null,
        title: `CAMAT ${upper}`,
        name: o.camatName,
        rank: o.camatRank,
        nip: o.camatNip ? formatNip(o.camatNip) : null,
        phrase: `Camat ${district}`,
      };
  }
}

/**
 * What frames every document the office prints: the letterhead, the place and date, and the signing official
 * (the camat, a.n., Plt. or Plh. as the letter settings say). The reports (reports/pdf.ts) use it.
 */
export function officeFrame(
  o: Office,
  s: LetterSettings,
  date: string,
): Pick<LetterDoc, 'letterhead' | 'placeDate' | 'signer'> {
  return {
    letterhead: officeLetterhead(o, s),
    placeDate: `${titleCase(o.districtName)}, ${tanggalIndonesia(date)}`,
    signer: letterSigner(o, s),
  };
}

/** Words and formats everything the letter prints; the renderer only lays it out. */
export function buildLetterDoc(i: BuildInput): LetterDoc {
  const { office: o, settings: s, business: b } = i;
  const district = titleCase(o.districtName);
  const regency = regencyName(o.regencyName);
  const kbli = b.kbliCode
    ? `${b.kbliCode}${b.kbliTitle ? ` – ${b.kbliTitle}` : ''}${b.kbliVersion ? ` (KBLI ${b.kbliVersion})` : ''}`
    : '';
  const signer = signerOf(s, o);
  const values: Record<string, string> = {
    nama_usaha: b.name,
    nama_pemilik: b.owner.name,
    produk: b.products ?? '',
    nomor_registrasi: b.registrationNumber,
    tanggal_registrasi: tanggalIndonesia(b.registrationDate),
    desa: b.place ? `${b.place.kind} ${b.place.village}` : b.villageName,
    kecamatan: district,
    kabupaten: regency,
    provinsi: titleCase(o.provinceName),
    nama_camat: o.camatName,
    jabatan_penanda_tangan: signer.phrase,
    keperluan: i.purpose,
    kbli,
    tahun_mulai: b.yearStarted ? String(b.yearStarted) : '',
  };
  const workers =
    b.workersMale === null && b.workersFemale === null ? null : (b.workersMale ?? 0) + (b.workersFemale ?? 0);
  const nik = b.owner.nik ? (i.fullNik ? b.owner.nik : maskNik(b.owner.nik)) : '-';
  const birth = [b.owner.birthPlace, b.owner.birthDate ? tanggalIndonesia(b.owner.birthDate) : null]
    .filter(Boolean)
    .join(', ');
  // one row per permit, numbered, so a long list wraps row by row and can continue on the next page
  const permitRows: [string, string][] =
    i.permits.length === 0
      ? [['Izin yang dimiliki', 'Belum ada izin yang tercatat']]
      : i.permits.map((p, k) => [
          k === 0 ? 'Izin yang dimiliki' : '',
          i.permits.length > 1 ? `${k + 1}. ${p.text}` : p.text,
        ]);
  const { phrase: _phrase, ...signerBlock } = signer;
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
      // the owner's own village, kecamatan and kabupaten; without a village code the office's kecamatan is
      // not assumed (an owner may live elsewhere)
      [
        'Alamat',
        formatAddress(b.owner.street, b.owner.rt, b.owner.rw, b.owner.place, b.owner.villageName, null),
      ],
    ],
    businessIntro: 'memiliki usaha industri dengan keterangan sebagai berikut:',
    business: [
      ['Nama usaha', b.brand ? `${b.name} (merek ${b.brand})` : b.name],
      ['Jenis produk', b.products ?? ''],
      ['KBLI', kbli],
      ['Alamat usaha', formatAddress(b.street, b.rt, b.rw, b.place, b.villageName, district)],
      ['Tahun mulai usaha', b.yearStarted ? String(b.yearStarted) : ''],
      [
        'Tenaga kerja',
        workers !== null ? `${workers} orang (L: ${b.workersMale ?? '-'}, P: ${b.workersFemale ?? '-'})` : '',
      ],
      [
        'Nilai investasi',
        b.investment !== null ? `${rupiah(b.investment)} (di luar tanah dan bangunan)` : '',
      ],
      ['Kelas usaha', sizeClassText(b)],
      ['Nomor pendaftaran', b.registrationNumber],
      ['Tanggal pendaftaran', tanggalIndonesia(b.registrationDate)],
      ...permitRows,
    ],
    statement: fillPlaceholders(s.statement, values),
    purpose: fillPlaceholders(s.purposeSentence, values),
    closing: fillPlaceholders(s.closing, values),
    placeDate: `${district}, ${tanggalIndonesia(i.date)}`,
    signer: signerBlock,
    qr: {
      text: i.qrText,
      // where and how to check (a phone shows only the encoded text); one line each so the code is never
      // split from its label, and no full stop after the code that could be read as part of it
      caption: `Periksa keaslian di aplikasi\nDaftar IKM Kecamatan ${district}\natau Disperindag ${regency}\nKode verifikasi: ${i.verificationCode}\nNomor pendaftaran: ${b.registrationNumber}`,
    },
    tembusan: s.tembusan
      .split('\n')
      .map((t) => t.trim())
      .filter(Boolean),
  };
}
