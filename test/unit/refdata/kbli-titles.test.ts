import { describe, expect, it } from 'vitest';
import { KBLI_2020, KBLI_2025, kbliTitleCase } from '../../../db/seed/kbli';

describe('KBLI titles in Indonesian title case (issue 11 item 6)', () => {
  it.each([
    ['Industri Furnitur Dari Kayu', 'Industri Furnitur dari Kayu'],
    ['Industri Genteng dari Tanah Liat/keramik', 'Industri Genteng dari Tanah Liat/Keramik'],
    ['Industri Pengasinan Buah-buahan dan Sayuran', 'Industri Pengasinan Buah-Buahan dan Sayuran'],
    ['Industri Komputer Dan/atau Perakitan Komputer', 'Industri Komputer dan/atau Perakitan Komputer'],
    [
      'Industri Karoseri Kendaraan Bermotor Roda Empat Atau Lebih',
      'Industri Karoseri Kendaraan Bermotor Roda Empat atau Lebih',
    ],
    ['Industri Produk Obat Bahan Alam Untuk Hewan', 'Industri Produk Obat Bahan Alam untuk Hewan'],
    [
      'Industri Kayu Bakar dan Pelet dari Kayu dan Biomassa lainnya',
      'Industri Kayu Bakar dan Pelet dari Kayu dan Biomassa Lainnya',
    ],
    [
      'Industri Alat Potong yang Digunakan Dalam Rumah Tangga',
      'Industri Alat Potong yang Digunakan Dalam Rumah Tangga',
    ],
    ['Industri Ban Luar dan Ban Dalam', 'Industri Ban Luar dan Ban Dalam'],
    [
      'Industri Barang dari Kayu, Rotan, Gabus Lainnya YTDL',
      'Industri Barang dari Kayu, Rotan, Gabus Lainnya YTDL',
    ],
    [
      'Industri Peralatan Iradiasi/sinar X, Perlengkapan dan Sejenisnya',
      'Industri Peralatan Iradiasi/Sinar X, Perlengkapan dan Sejenisnya',
    ],
    [
      'Industri Minyak Mentah Kelapa Sawit (crude Palm Oil)',
      'Industri Minyak Mentah Kelapa Sawit (Crude Palm Oil)',
    ],
    ['dan/atau yang pertama', 'Dan/atau yang Pertama'],
  ])('%s → %s', (from, to) => {
    expect(kbliTitleCase(from)).toBe(to);
  });

  it('every shipped title, 2020 and 2025, already follows the rule', () => {
    const wrong = [...KBLI_2020, ...KBLI_2025].filter((k) => kbliTitleCase(k.title) !== k.title);
    expect(wrong).toEqual([]);
    const titles = new Map([...KBLI_2025].map((k) => [k.code, k.title]));
    expect(titles.get('31011')).toBe('Industri Furnitur dari Kayu');
    expect(KBLI_2020.find((k) => k.code === '23922')?.title).toBe('Industri Genteng dari Tanah Liat/Keramik');
  });
});
