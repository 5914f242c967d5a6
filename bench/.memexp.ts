import { openLetterStream, type LetterDoc } from '../electron/services/letters/render';
import { loadFonts } from '../electron/services/letters/fonts';
const mk = (i: number): LetterDoc => ({
  paper: 'A4', copy: false, emblemPath: null,
  letterhead: { top: ['PEMERINTAH KABUPATEN JEMBER', 'KECAMATAN KALISAT'], contact: ['Jl. Raya Kalisat No. 1, Telp. (0331) 591000'] },
  title: 'SURAT KETERANGAN TERDAFTAR IKM', number: `500.1/${i}/35.09.27/III/2026`,
  opening: 'Yang bertanda tangan di bawah ini, Camat Kalisat Kabupaten Jember, menerangkan bahwa:',
  owner: [['Nama', `Sri Wahyuni ${i}`], ['NIK', '3509 27** **** 0003'], ['Alamat', 'Dusun Krajan RT 001 RW 002, Desa Ajung']],
  businessIntro: 'adalah pemilik usaha industri kecil dengan keterangan sebagai berikut:',
  business: Array.from({ length: 12 }, (_, k) => [`Keterangan ${k}`, `Nilai panjang untuk baris ${k} nomor ${i} keripik tempe`]),
  statement: 'Usaha tersebut telah terdaftar dalam Daftar IKM Kecamatan Kalisat. '.repeat(3),
  purpose: 'Surat keterangan ini diberikan untuk keperluan bantuan alat.',
  closing: 'Demikian surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya.',
  placeDate: 'Kalisat, 12 Maret 2026',
  signer: { anLine: null, title: 'CAMAT KALISAT', name: 'Drs. Budi Santoso', rank: 'Pembina', nip: '19700101 199003 1 001' },
  qr: { text: 'DIKM1.' + 'x'.repeat(180) + i, caption: 'Periksa keaslian surat ini' },
  tembusan: ['Kepala Disperindag Kabupaten Jember'],
});
const fonts = loadFonts();
const n = Number(process.argv[2] ?? 500);
const s = openLetterStream('/tmp/memexp.pdf', 't', { fonts });
const rep = (label: string) => { global.gc?.(); const m = process.memoryUsage(); console.log(label, 'rss', m.rss / 2 ** 20 | 0, 'heapUsed', m.heapUsed / 2 ** 20 | 0); };
rep('start');
for (let i = 0; i < n; i++) { s.add(mk(i)); if (i % 100 === 0) { await new Promise((r) => setImmediate(r)); rep(`after ${i}`); } }
await s.finish();
rep('end');
