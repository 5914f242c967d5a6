/**
 * What an export writes: the columns of each shape, with their Indonesian headers and cell kinds. A column
 * reads one row of `ExportRow` (rows.ts); the writer (write.ts) turns its kind into a real cell type: dates as
 * dates, money as numbers with a thousands format, NIK, phone and NPWP as text (a spreadsheet cannot turn a
 * NIK into 3,50927E+15 again), and every text neutralised against formula injection.
 *
 * To add a column: add it to the shape's list here (and to rows.ts's SELECT if it reads a new field); the
 * header is what a person sees in Excel, in Indonesian — the export is a document for the kabupaten.
 */
import idBusiness from '../../../renderer/locales/id/business.json';
import idRegistry from '../../../renderer/locales/id/registry.json';
import idSize from '../../../renderer/locales/id/sizeclass.json';
import type { ExportShape } from '../../../shared/schemas/export';
import { sexFromNik } from '../../../shared/domain/owner-sex';
import type { BusinessRow, OwnerRow } from '../../../db/schema';

/** One row of an export as rows.ts selects it: the business's columns (db/schema.ts) and its owner's. */
export type ExportRow = Pick<
  BusinessRow,
  | 'registration_number'
  | 'registration_date'
  | 'name'
  | 'brand'
  | 'products'
  | 'kbli_code'
  | 'kbli_version'
  | 'address_street'
  | 'rt'
  | 'rw'
  | 'village_name'
  | 'village_code'
  | 'year_started'
  | 'workers_male'
  | 'workers_female'
  | 'workers_total'
  | 'investment'
  | 'investment_land_building'
  | 'capital'
  | 'annual_turnover'
  | 'turnover_year'
  | 'production_capacity'
  | 'capacity_unit'
  | 'raw_materials'
  | 'energy_use'
  | 'water_use'
  | 'legal_form'
  | 'npwp'
  | 'industry_class'
  | 'business_class'
  | 'bps_scale'
  | 'status'
  | 'sentra'
  | 'notes'
> & {
  owner_name: OwnerRow['name'];
  owner_nik: OwnerRow['nik'];
  owner_sex: OwnerRow['sex'];
  owner_phone: OwnerRow['phone'];
};

/** text: a string cell; nik/phone/npwp: personal text, masked unless allowed; date: yyyy-mm-dd → a date cell */
export type CellKind = 'text' | 'nik' | 'phone' | 'npwp' | 'date' | 'money' | 'int';
export type CellValue = string | number | null;

export interface ExportColumn {
  header: string;
  kind: CellKind;
  /** column width in characters (XLSX) */
  width: number;
  value(r: ExportRow, office: ExportOffice): CellValue;
}

/** The office's region, for the SIINas columns a business row does not hold. */
export interface ExportOffice {
  districtName: string;
  regencyName: string;
  provinceName: string;
}

const label = (table: Record<string, string>, v: string | null): string | null =>
  v === null ? null : (table[v] ?? v);
const STATUS = idBusiness.business.status as Record<string, string>;
const INDUSTRY = idSize.sizeClass.industry as Record<string, string>;
const BUSINESS = idSize.sizeClass.business as Record<string, string>;
const BPS = idSize.sizeClass.bps as Record<string, string>;
const LEGAL = idRegistry.business.legalForm as Record<string, string>;

function sexLabel(r: ExportRow): string | null {
  const s = sexFromNik(r.owner_nik) ?? r.owner_sex;
  return s === 'L' ? 'Laki-laki' : s === 'P' ? 'Perempuan' : null;
}

const col = (header: string, kind: CellKind, width: number, value: ExportColumn['value']): ExportColumn => ({
  header,
  kind,
  width,
  value,
});

const REGISTER: ExportColumn[] = [
  col('No. Registrasi', 'text', 20, (r) => r.registration_number),
  col('Tanggal Registrasi', 'date', 14, (r) => r.registration_date),
  col('Nama Usaha', 'text', 30, (r) => r.name),
  col('Merek', 'text', 16, (r) => r.brand),
  col('Produk', 'text', 30, (r) => r.products),
  col('KBLI', 'text', 8, (r) => r.kbli_code),
  col('Versi KBLI', 'text', 8, (r) => r.kbli_version),
  col('Nama Pemilik', 'text', 24, (r) => r.owner_name),
  col('NIK Pemilik', 'nik', 20, (r) => r.owner_nik),
  col('Jenis Kelamin Pemilik', 'text', 12, sexLabel),
  col('Telepon', 'phone', 16, (r) => r.owner_phone),
  col('Alamat', 'text', 28, (r) => r.address_street),
  col('RT', 'text', 5, (r) => r.rt),
  col('RW', 'text', 5, (r) => r.rw),
  col('Desa/Kelurahan', 'text', 18, (r) => r.village_name),
  col('Kode Desa', 'text', 14, (r) => r.village_code),
  col('Tahun Mulai Usaha', 'int', 10, (r) => r.year_started),
  col('Tenaga Kerja Laki-laki', 'int', 10, (r) => r.workers_male),
  col('Tenaga Kerja Perempuan', 'int', 10, (r) => r.workers_female),
  col('Jumlah Tenaga Kerja', 'int', 10, (r) => r.workers_total),
  col('Nilai Investasi tanpa Tanah dan Bangunan (Rp)', 'money', 18, (r) => r.investment),
  col('Nilai Investasi Tanah dan Bangunan (Rp)', 'money', 18, (r) => r.investment_land_building),
  col('Modal Usaha (Rp)', 'money', 18, (r) => r.capital),
  col('Omzet per Tahun (Rp)', 'money', 18, (r) => r.annual_turnover),
  col('Tahun Omzet', 'int', 8, (r) => r.turnover_year),
  col('Kapasitas Produksi', 'int', 12, (r) => r.production_capacity),
  col('Satuan Kapasitas', 'text', 12, (r) => r.capacity_unit),
  col('Bahan Baku', 'text', 24, (r) => r.raw_materials),
  col('Penggunaan Energi', 'text', 18, (r) => r.energy_use),
  col('Penggunaan Air', 'text', 18, (r) => r.water_use),
  col('Bentuk Usaha', 'text', 12, (r) => label(LEGAL, r.legal_form)),
  col('NPWP', 'npwp', 22, (r) => r.npwp),
  col('Klasifikasi Industri (Permenperin 64/2016)', 'text', 18, (r) => label(INDUSTRY, r.industry_class)),
  col('Skala Usaha (PP 7/2021)', 'text', 16, (r) => label(BUSINESS, r.business_class)),
  col('Skala BPS', 'text', 22, (r) => label(BPS, r.bps_scale)),
  col('Status', 'text', 12, (r) => label(STATUS, r.status)),
  col('Sentra', 'text', 16, (r) => r.sentra),
  col('Catatan', 'text', 30, (r) => r.notes),
];

/**
 * SIINas's order (domain.md §3.1): the reporter's identity, then the eleven production-stage fields an
 * Industri Kecil reports (Permenperin 13/2025 Art. 7(a)) in their order. Fields the register does not hold
 * (installed capacity, production, fuel, machines) stay as empty columns so the order is kept; the register's
 * free-text energy use goes under electricity, its closest field.
 */
const SIINAS: ExportColumn[] = [
  col('Nama Perusahaan', 'text', 30, (r) => r.name),
  col('Bentuk Badan Usaha', 'text', 12, (r) => label(LEGAL, r.legal_form)),
  col('NPWP', 'npwp', 22, (r) => r.npwp),
  col('Nama Penanggung Jawab', 'text', 24, (r) => r.owner_name),
  col('NIK Penanggung Jawab', 'nik', 20, (r) => r.owner_nik),
  col('Telepon', 'phone', 16, (r) => r.owner_phone),
  col(
    'Alamat Pabrik',
    'text',
    28,
    (r) => [r.address_street, r.rt && `RT ${r.rt}`, r.rw && `RW ${r.rw}`].filter(Boolean).join(' ') || null,
  ),
  col('Desa/Kelurahan', 'text', 18, (r) => r.village_name),
  col('Kecamatan', 'text', 16, (_r, o) => o.districtName),
  col('Kabupaten/Kota', 'text', 18, (_r, o) => o.regencyName),
  col('Provinsi', 'text', 16, (_r, o) => o.provinceName),
  col('KBLI', 'text', 8, (r) => r.kbli_code),
  col('Komoditi/Produk', 'text', 30, (r) => r.products),
  col('Tahun Mulai Produksi', 'int', 10, (r) => r.year_started),
  col('1. Nilai Investasi di luar Tanah dan Bangunan (Rp)', 'money', 18, (r) => r.investment),
  col('2. Kapasitas Produksi', 'int', 12, (r) => r.production_capacity),
  col('Satuan Kapasitas', 'text', 12, (r) => r.capacity_unit),
  col('3. Kapasitas Terpasang', 'int', 12, () => null),
  col('4. Produksi', 'int', 12, () => null),
  col('5. Bahan Baku', 'text', 24, (r) => r.raw_materials),
  col('6. Nilai Investasi Tanah dan Bangunan (Rp)', 'money', 18, (r) => r.investment_land_building),
  col('7. Tenaga Kerja Laki-laki', 'int', 10, (r) => r.workers_male),
  col('7. Tenaga Kerja Perempuan', 'int', 10, (r) => r.workers_female),
  col('7. Jumlah Tenaga Kerja', 'int', 10, (r) => r.workers_total),
  col('8. Penggunaan Air Baku', 'text', 18, (r) => r.water_use),
  col('9. Penggunaan BBM dan Pelumas', 'text', 18, () => null),
  col('10. Penggunaan Listrik', 'text', 18, (r) => r.energy_use),
  col('11. Mesin dan Peralatan Produksi', 'text', 18, () => null),
  col('No. Registrasi Kecamatan', 'text', 20, (r) => r.registration_number),
];

export function columnsOf(shape: ExportShape): ExportColumn[] {
  return shape === 'siinas' ? SIINAS : REGISTER;
}
