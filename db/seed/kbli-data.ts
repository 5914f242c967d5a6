/* Generated from the sources named in db/seed/kbli.ts (KBLI_DATASET); edit by hand with care. */

/** KBLI 2020, kategori C, kelompok (5 digits): `code|title`. Titles from the DJP KLU table (upper case in the
 * source), written here in Indonesian title case (`kbliTitleCase` in kbli.ts; a unit test holds every title to it). */
export const KBLI_2020_LINES = `
10110|Kegiatan Rumah Potong dan Pengepakan Daging Bukan Unggas
10120|Kegiatan Rumah Potong dan Pengepakan Daging Unggas
10130|Industri Pengolahan dan Pengawetan Produk Daging dan Daging Unggas
10211|Industri Penggaraman/Pengeringan Ikan
10212|Industri Pengasapan/Pemanggangan Ikan
10213|Industri Pembekuan Ikan
10214|Industri Pemindangan Ikan
10215|Industri Peragian/Fermentasi Ikan
10216|Industri Berbasis Daging Lumatan dan Surimi
10217|Industri Pendinginan/Pengesan Ikan
10219|Industri Pengolahan dan Pengawetan Lainnya untuk Ikan
10221|Industri Pengolahan dan Pengawetan Ikan dan Biota Air (Bukan Udang) Dalam Kaleng
10222|Industri Pengolahan dan Pengawetan Udang Dalam Kaleng
10291|Industri Penggaraman/Pengeringan Biota Air Lainnya
10292|Industri Pengasapan/Pemanggangan Biota Air Lainnya
10293|Industri Pembekuan Biota Air Lainnya
10294|Industri Pemindangan Biota Air Lainnya
10295|Industri Peragian/Fermentasi Biota Air Lainnya
10296|Industri Berbasis Lumatan Biota Air Lainnya
10297|Industri Pendinginan/Pengesan Biota Air Lainnya
10298|Industri Pengolahan Rumput Laut
10299|Industri Pengolahan dan Pengawetan Lainnya untuk Biota Air Lainnya
10311|Industri Pengasinan Buah-Buahan dan Sayuran
10312|Industri Pelumatan Buah-Buahan dan Sayuran
10313|Industri Pengeringan Buah-Buahan dan Sayuran
10314|Industri Pembekuan Buah-Buahan dan Sayuran
10320|Industri Pengolahan dan Pengawetan Buah-Buahan dan Sayuran Dalam Kaleng
10330|Industri Pengolahan Sari Buah dan Sayuran
10391|Industri Tempe Kedelai
10392|Industri Tahu Kedelai
10393|Industri Pengolahan dan Pengawetan Kedelai dan Kacang-Kacangan Lainnya Selain Tahu dan Tempe
10399|Industri Pengolahan dan Pengawetan Lainnya Buah-Buahan dan Sayuran Bukan Kacang-Kacangan
10411|Industri Minyak Mentah dan Lemak Nabati
10412|Industri Margarine
10413|Industri Minyak Mentah dan Lemak Hewani Selain Ikan
10414|Industri Minyak Ikan
10415|Industri Minyak Goreng Bukan Minyak Kelapa dan Minyak Kelapa Sawit
10421|Industri Kopra
10422|Industri Minyak Mentah Kelapa
10423|Industri Minyak Goreng Kelapa
10424|Industri Pelet Kelapa
10431|Industri Minyak Mentah Kelapa Sawit (Crude Palm Oil)
10432|Industri Minyak Mentah Inti Kelapa Sawit (Crude Palm Kernel Oil)
10433|Industri Pemisahan/Fraksinasi Minyak Mentah Kelapa Sawit dan Minyak Mentah Inti Kelapa Sawit
10434|Industri Pemurnian Minyak Mentah Kelapa Sawit dan Minyak Mentah Inti Kelapa Sawit
10435|Industri Pemisahan/Fraksinasi Minyak Murni Kelapa Sawit
10436|Industri Pemisahan/Fraksinasi Minyak Murni Inti Kelapa Sawit
10437|Industri Minyak Goreng Kelapa Sawit
10490|Industri Minyak Mentah dan Lemak Nabati dan Hewani Lainnya
10510|Industri Pengolahan Susu Segar dan Krim
10520|Industri Pengolahan Susu Bubuk dan Susu Kental
10531|Industri Pengolahan Es Krim
10532|Industri Pengolahan Es Sejenisnya yang Dapat Dimakan (Bukan Es Batu dan Es Balok)
10590|Industri Pengolahan Produk dari Susu Lainnya
10611|Industri Penggilingan Gandum dan Serelia Lainnya
10612|Industri Penggilingan Aneka Kacang (Termasuk Leguminous)
10613|Industri Penggilingan Aneka Umbi dan Sayuran (Termasuk Rhizoma)
10614|Industri Tepung Campuran dan Adonan Tepung
10615|Industri Makanan Sereal
10616|Industri Tepung Terigu
10621|Industri Pati Ubi Kayu
10622|Industri Berbagai Macam Pati Palma
10623|Industri Glukosa dan Sejenisnya
10629|Industri Pati dan Produk Pati Lainnya
10631|Industri Penggilingan Padi dan Penyosohan Beras
10632|Industri Penggilingan dan Pembersihan Jagung
10633|Industri Tepung Beras dan Tepung Jagung
10634|Industri Pati Beras dan Jagung
10635|Industri Pemanis dari Beras dan Jagung
10636|Industri Minyak dari Jagung dan Beras
10710|Industri Produk Roti dan Kue
10721|Industri Gula Pasir
10722|Industri Gula Merah
10723|Industri Sirop
10729|Industri Pengolahan Gula Lainnya Bukan Sirop
10731|Industri Kakao
10732|Industri Makanan dari Cokelat dan Kembang Gula dari Coklat
10733|Industri Manisan Buah-Buahan dan Sayuran Kering
10734|Industri Kembang Gula
10739|Industri Kembang Gula Lainnya
10740|Industri Makaroni, Mie dan Produk Sejenisnya
10750|Industri Makanan dan Masakan Olahan
10761|Industri Pengolahan Kopi
10762|Industri Pengolahan Herbal (Herb Infusion)
10763|Industri Pengolahan Teh
10771|Industri Kecap
10772|Industri Bumbu Masak dan Penyedap Masakan
10773|Industri Produk Masak dari Kelapa
10774|Industri Pengolahan Garam
10779|Industri Produk Masak Lainnya
10791|Industri Makanan Bayi
10792|Industri Kue Basah
10793|Industri Makanan dari Kedele dan Kacang-Kacangan Lainnya Bukan Kecap, Tempe dan Tahu
10794|Industri Kerupuk, Keripik, Peyek dan Sejenisnya
10795|Industri Krimer Nabati
10796|Industri Dodol
10799|Industri Produk Makanan Lainnya
10801|Industri Ransum Makanan Hewan
10802|Industri Konsentrat Makanan Hewan
11010|Industri Minuman Beralkohol Hasil Destilasi
11020|Industri Minuman Beralkohol Hasil Fermentasi Anggur dan Hasil Pertanian Lainnya
11031|Industri Minuman Beralkohol Hasil Fermentasi Malt
11032|Industri Malt
11040|Industri Minuman Ringan
11051|Industri Air Kemasan
11052|Industri Air Minum Isi Ulang
11090|Industri Minuman Lainnya
12011|Industri Sigaret Kretek Tangan
12012|Industri Rokok Putih
12013|Industri Sigaret Kretek Mesin
12019|Industri Rokok Lainnya
12091|Industri Pengeringan dan Pengolahan Tembakau
12099|Industri Bumbu Rokok serta Kelengkapan Rokok Lainnya
13111|Industri Persiapan Serat Tekstil
13112|Industri Pemintalan Benang
13113|Industri Pemintalan Benang Jahit
13121|Industri Pertenunan (Bukan Pertenunan Karung Goni dan Karung Lainnya)
13122|Industri Kain Tenun Ikat
13123|Industri Bulu Tiruan Tenunan
13131|Industri Penyempurnaan Benang
13132|Industri Penyempurnaan Kain
13133|Industri Pencetakan Kain
13134|Industri Batik
13911|Industri Kain Rajutan
13912|Industri Kain Sulaman
13913|Industri Bulu Tiruan Rajutan
13921|Industri Barang Jadi Tekstil untuk Keperluan Rumah Tangga
13922|Industri Barang Jadi Tekstil Sulaman
13923|Industri Bantal dan Sejenisnya
13924|Industri Barang Jadi Rajutan dan Sulaman
13925|Industri Karung Goni
13926|Industri Karung Bukan Goni
13929|Industri Barang Jadi Tekstil Lainnya
13930|Industri Karpet dan Permadani
13941|Industri Tali
13942|Industri Barang dari Tali
13991|Industri Kain Pita (Narrow Fabric)
13992|Industri yang Menghasilkan Kain Keperluan Industri
13993|Industri Non Woven (Bukan Tenunan)
13994|Industri Kain Ban
13995|Industri Kapuk
13996|Industri Kain Tulle dan Kain Jaring
13999|Industri Tekstil Lainnya YTDL
14111|Industri Pakaian Jadi (Konveksi) dari Tekstil
14112|Industri Pakaian Jadi (Konveksi) dari Kulit
14120|Penjahitan dan Pembuatan Pakaian Sesuai Pesanan
14131|Industri Perlengkapan Pakaian dari Tekstil
14132|Industri Perlengkapan Pakaian dari Kulit
14200|Industri Pakaian Jadi dan Barang dari Kulit Berbulu
14301|Industri Pakaian Jadi Rajutan
14302|Industri Pakaian Jadi Sulaman/Bordir
14303|Industri Rajutan Kaos Kaki dan Sejenisnya
15111|Industri Pengawetan Kulit
15112|Industri Penyamakan Kulit
15113|Industri Pencelupan Kulit Bulu
15114|Industri Kulit Komposisi
15121|Industri Barang dari Kulit dan Kulit Komposisi untuk Keperluan Pribadi
15122|Industri Barang dari Kulit dan Kulit Komposisi untuk Keperluan Teknik/Industri
15123|Industri Barang dari Kulit dan Kulit Komposisi untuk Keperluan Hewan
15129|Industri Barang dari Kulit dan Kulit Komposisi untuk Keperluan Lainnya
15201|Industri Alas Kaki untuk Keperluan Sehari-Hari
15202|Industri Sepatu Olahraga
15203|Industri Sepatu Teknik Lapangan/Keperluan Industri
15209|Industri Alas Kaki Lainnya
16101|Industri Penggergajian Kayu
16102|Industri Pengawetan Kayu
16103|Industri Pengawetan Rotan, Bambu dan Sejenisnya
16104|Industri Pengolahan Rotan
16105|Industri Partikel Kayu dan Sejenisnya
16211|Industri Kayu Lapis
16212|Industri Kayu Lapis Laminasi, Termasuk Decorative Plywood
16213|Industri Panel Kayu Lainnya
16214|Industri Veneer
16215|Industri Kayu Laminasi
16221|Industri Barang Bangunan dari Kayu
16222|Industri Bangunan Prafabrikasi dari Kayu
16230|Industri Wadah dari Kayu
16291|Industri Barang Anyaman dari Rotan dan Bambu
16292|Industri Barang Anyaman dari Tanaman Bukan Rotan dan Bambu
16293|Industri Kerajinan Ukiran dari Kayu Bukan Mebeller
16294|Industri Alat Dapur dari Kayu, Rotan dan Bambu
16295|Industri Kayu Bakar dan Pelet Kayu
16299|Industri Barang dari Kayu, Rotan, Gabus Lainnya YTDL
17011|Industri Bubur Kertas (Pulp)
17012|Industri Kertas Budaya
17013|Industri Kertas Berharga
17014|Industri Kertas Khusus
17019|Industri Kertas Lainnya
17021|Industri Kertas dan Papan Kertas Bergelombang
17022|Industri Kemasan dan Kotak dari Kertas dan Karton
17091|Industri Kertas Tissue
17099|Industri Barang dari Kertas dan Papan Kertas Lainnya YTDL
18111|Industri Pencetakan Umum
18112|Industri Pencetakan Khusus
18113|Industri Pencetakan 3D Printing
18120|Kegiatan Jasa Penunjang Pencetakan
18201|Reproduksi Media Rekaman Suara dan Piranti Lunak
18202|Reproduksi Media Rekaman Film dan Video
19100|Industri Produk dari Batu Bara
19211|Industri Bahan Bakar dari Pemurnian dan Pengilangan Minyak Bumi
19212|Industri Pembuatan Minyak Pelumas
19213|Industri Pengolahan Kembali Minyak Pelumas Bekas
19214|Industri Pengolahan Minyak Pelumas Bekas Menjadi Bahan Bakar
19291|Industri Produk dari Hasil Kilang Minyak Bumi
19292|Industri Briket Batu Bara
20111|Industri Kimia Dasar Anorganik Khlor dan Alkali
20112|Industri Kimia Dasar Anorganik Gas Industri
20113|Industri Kimia Dasar Anorganik Pigmen
20114|Industri Kimia Dasar Anorganik Lainnya
20115|Industri Kimia Dasar Organik yang Bersumber dari Hasil Pertanian
20116|Industri Kimia Dasar Organik untuk Bahan Baku Zat Warna dan Pigmen, Zat Warna dan Pigmen
20117|Industri Kimia Dasar Organik yang Bersumber dari Minyak Bumi, Gas Alam dan Batu Bara
20118|Industri Kimia Dasar Organik yang Menghasilkan Bahan Kimia Khusus
20119|Industri Kimia Dasar Organik Lainnya
20121|Industri Pupuk Alam/Non Sintetis Hara Makro Primer
20122|Industri Pupuk Buatan Tunggal Hara Makro Primer
20123|Industri Pupuk Buatan Majemuk Hara Makro Primer
20124|Industri Pupuk Buatan Campuran Hara Makro Primer
20125|Industri Pupuk Hara Makro Sekunder
20126|Industri Pupuk Hara Mikro
20127|Industri Pupuk Pelengkap
20128|Industri Media Tanam
20129|Industri Pupuk Lainnya
20131|Industri Damar Buatan (Resin Sintetis) dan Bahan Baku Plastik
20132|Industri Karet Buatan
20211|Industri Bahan Baku Pemberantas Hama (Bahan Aktif)
20212|Industri Pemberantas Hama (Formulasi)
20213|Industri Zat Pengatur Tumbuh
20214|Industri Bahan Amelioran (Pembenah Tanah)
20221|Industri Cat dan Tinta Cetak
20222|Industri Pernis (Termasuk Mastik)
20223|Industri Lak
20231|Industri Sabun dan Bahan Pembersih Keperluan Rumah Tangga
20232|Industri Kosmetik untuk Manusia, Termasuk Pasta Gigi
20233|Industri Kosmetik untuk Hewan
20234|Industri Perekat Gigi
20291|Industri Perekat/Lem
20292|Industri Bahan Peledak
20293|Industri Tinta
20294|Industri Minyak Atsiri
20295|Industri Korek Api
20296|Industri Minyak Atsiri Rantai Tengah
20299|Industri Barang Kimia Lainnya YTDL
20301|Industri Serat/Benang/Strip Filamen Buatan
20302|Industri Serat Stapel Buatan
21011|Industri Bahan Farmasi untuk Manusia
21012|Industri Produk Farmasi untuk Manusia
21013|Industri Produk Farmasi untuk Hewan
21014|Industri Bahan Farmasi untuk Hewan
21015|Industri Alat Kesehatan Dalam Subgolongan 2101
21021|Industri Bahan Baku Obat Tradisional untuk Manusia
21022|Industri Produk Obat Tradisional untuk Manusia
21023|Industri Produk Obat Tradisional untuk Hewan
21024|Industri Bahan Baku Obat Tradisional untuk Hewan
22111|Industri Ban Luar dan Ban Dalam
22112|Industri Vulkanisir Ban
22121|Industri Pengasapan Karet
22122|Industri Remilling Karet
22123|Industri Karet Remah (Crumb Rubber)
22191|Industri Barang dari Karet untuk Keperluan Rumah Tangga
22192|Industri Barang dari Karet untuk Keperluan Industri
22193|Industri Barang dari Karet untuk Keperluan Infrastruktur
22194|Industri Barang dari Karet untuk Kesehatan
22199|Industri Barang dari Karet Lainnya YTDL
22210|Industri Barang dari Plastik untuk Bangunan
22220|Industri Barang dari Plastik untuk Pengemasan
22230|Industri Pipa Plastik dan Perlengkapannya
22291|Industri Barang Plastik Lembaran
22292|Industri Perlengkapan dan Peralatan Rumah Tangga (Tidak Termasuk Furnitur)
22293|Industri Barang dan Peralatan Teknik/Industri dari Plastik
22299|Industri Barang Plastik Lainnya YTDL
23111|Industri Kaca Lembaran
23112|Industri Kaca Pengaman
23119|Industri Kaca Lainnya
23121|Industri Perlengkapan dan Peralatan Rumah Tangga dari Kaca
23122|Industri Alat-Alat Laboratorium Non Klinis, Farmasi dan Kesehatan dari Kaca
23123|Industri Kemasan dari Kaca
23124|Industri Alat Laboratorium Klinis dari Kaca
23129|Industri Barang Lainnya dari Kaca
23911|Industri Bata, Mortar, Semen, dan Sejenisnya yang Tahan Api
23919|Industri Barang Tahan Api dari Tanah Liat/Keramik Lainnya
23921|Industri Batu Bata dari Tanah Liat/Keramik
23922|Industri Genteng dari Tanah Liat/Keramik
23923|Industri Peralatan Saniter dari Porselen
23929|Industri Bahan Bangunan dari Tanah Liat/Keramik Bukan Batu Bata dan Genteng
23931|Industri Perlengkapan Rumah Tangga dari Porselen
23932|Industri Perlengkapan Rumah Tangga dari Tanah Liat/Keramik
23933|Industri Alat Laboratorium dan Alat Listrik/Teknik dari Porselen
23939|Industri Barang Tanah Liat/Keramik dan Porselen Lainnya Bukan Bahan Bangunan
23941|Industri Semen
23942|Industri Kapur
23943|Industri Gips
23951|Industri Barang dari Semen
23952|Industri Barang dari Kapur
23953|Industri Barang dari Semen dan Kapur untuk Konstruksi
23954|Industri Barang dari Gips untuk Konstruksi
23955|Industri Barang dari Asbes untuk Keperluan Bahan Bangunan
23956|Industri Barang dari Asbes untuk Keperluan Industri
23957|Industri Mortar atau Beton Siap Pakai
23959|Industri Barang dari Semen, Kapur, Gips dan Asbes Lainnya
23961|Industri Barang dari Marmer dan Granit untuk Keperluan Rumah Tangga dan Pajangan
23962|Industri Barang dari Marmer dan Granit untuk Keperluan Bahan Bangunan
23963|Industri Barang dari Batu untuk Keperluan Rumah Tangga, Pajangan, dan Bahan Bangunan
23969|Industri Barang dari Marmer, Granit dan Batu Lainnya
23990|Industri Barang Galian Bukan Logam Lainnya YTDL
24101|Industri Besi dan Baja Dasar (Iron And Steel Making)
24102|Industri Penggilingan Baja (Steel Rolling)
24103|Industri Pipa dan Sambungan Pipa dari Baja dan Besi
24201|Industri Pembuatan Logam Dasar Mulia
24202|Industri Pembuatan Logam Dasar Bukan Besi
24203|Industri Penggilingan Logam Bukan Besi
24204|Industri Ekstrusi Logam Bukan Besi
24205|Industri Pipa dan Sambungan Pipa dari Logam Bukan Besi dan Baja
24206|Industri Pengolahan Uranium dan Bijih Uranium
24310|Industri Pengecoran Besi dan Baja
24320|Industri Pengecoran Logam Bukan Besi dan Baja
25111|Industri Barang dari Logam Bukan Aluminium Siap Pasang untuk Bangunan
25112|Industri Barang dari Logam Aluminium Siap Pasang untuk Bangunan
25113|Industri Konstruksi Berat Siap Pasang dari Baja untuk Bangunan
25119|Industri Barang dari Logam Siap Pasang untuk Konstruksi Lainnya
25120|Industri Tangki, Tandon Air dan Wadah dari Logam
25130|Industri Generator Uap, Bukan Ketel Pemanas
25200|Industri Senjata dan Amunisi
25910|Industri Penempaan, Pengepresan, Pencetakan dan Pembentukan Logam; Metalurgi Bubuk
25920|Jasa Industri untuk Berbagai Pengerjaan Khusus Logam dan Barang dari Logam
25931|Industri Alat Potong dan Perkakas Tangan untuk Pertanian
25932|Industri Alat Potong dan Perkakas Tangan Pertukangan
25933|Industri Alat Potong dan Perkakas Tangan yang Digunakan Dalam Rumah Tangga
25934|Industri Peralatan Umum
25940|Industri Ember, Kaleng, Drum dan Wadah Sejenis dari Logam
25951|Industri Barang dari Kawat
25952|Industri Paku, Mur dan Baut
25991|Industri Brankas, Filling Kantor dan Sejenisnya
25992|Industri Peralatan Dapur dan Peralatan Meja dari Logam
25993|Industri Keperluan Rumah Tangga dari Logam Bukan Peralatan Dapur dan Peralatan Meja
25994|Industri Pembuatan Profil
25995|Industri Lampu dari Logam
25999|Industri Barang Logam Lainnya YTDL
26110|Industri Tabung Elektron dan Konektor Elektronik
26120|Industri Semi Konduktor dan Komponen Elektronik Lainnya
26210|Industri Komputer dan/atau Perakitan Komputer
26220|Industri Perlengkapan Komputer
26310|Industri Peralatan Telepon dan Faksimili
26320|Industri Peralatan Komunikasi Tanpa Kabel (Wireless)
26391|Industri Kartu Cerdas (Smart Card)
26399|Industri Peralatan Komunikasi Lainnya
26410|Industri Televisi dan/atau Perakitan Televisi
26420|Industri Peralatan Perekam, Penerima dan Pengganda Audio dan Video, Bukan Industri Televisi
26490|Industri Peralatan Audio dan Video Elektronik Lainnya
26511|Industri Alat Ukur dan Alat Uji Manual
26512|Industri Alat Ukur dan Alat Uji Elektrik
26513|Industri Alat Ukur dan Alat Uji Elektronik
26514|Industri Alat Uji Dalam Proses Industri
26520|Industri Alat Ukur Waktu
26601|Industri Peralatan Iradiasi/Sinar X, Perlengkapan dan Sejenisnya
26602|Industri Peralatan Elektromedikal dan Elektroterapi
26710|Industri Peralatan Fotografi
26791|Industri Kamera Cinematografi Proyektor dan Perlengkapannya
26792|Industri Teropong dan Instrumen Optik Bukan Kaca Mata
26800|Industri Media Magnetik dan Media Optik
27111|Industri Motor Listrik
27112|Industri Mesin Pembangkit Listrik
27113|Industri Pengubah Tegangan (Transformator), Pengubah Arus (Rectifier) dan Pengontrol Tegangan (Voltage Stabilizer)
27120|Industri Peralatan Pengontrol dan Pendistribusian Listrik
27201|Industri Batu Baterai
27202|Industri Akumulator Listrik
27203|Industri Baterai untuk Kendaraan Bermotor Listrik
27310|Industri Kabel Serat Optik
27320|Industri Kabel Listrik dan Elektronik Lainnya
27330|Industri Perlengkapan Kabel
27401|Industri Bola Lampu Pijar, Lampu Penerangan Terpusat dan Lampu Ultra Violet
27402|Industri Lampu Tabung Gas (Lampu Pembuang Listrik)
27403|Industri Peralatan Penerangan untuk Alat Transportasi
27404|Industri Lampu LED
27409|Industri Peralatan Penerangan Lainnya
27510|Industri Peralatan Listrik Rumah Tangga
27520|Industri Peralatan Elektrotermal Rumah Tangga
27530|Industri Peralatan Pemanas dan Masak Bukan Listrik Rumah Tangga
27900|Industri Peralatan Listrik Lainnya
28111|Industri Mesin Uap, Turbin dan Kincir
28112|Industri Motor Pembakaran Dalam
28113|Industri Komponen dan Suku Cadang Mesin dan Turbin
28120|Industri Peralatan Tenaga Zat Cair dan Gas
28130|Industri Pompa Lainnya, Kompresor, Kran dan Klep/Katup
28140|Industri Bearing, Roda Gigi dan Elemen Penggerak Mesin
28151|Industri Oven, Perapian dan Tungku Pembakar Sejenis yang Tidak Menggunakan Arus Listrik
28152|Industri Oven, Perapian dan Tungku Pembakar Sejenis yang Menggunakan Arus Listrik
28160|Industri Alat Pengangkat dan Pemindah
28171|Industri Mesin Kantor dan Akuntansi Manual
28172|Industri Mesin Kantor dan Akuntansi Elektrik
28173|Industri Mesin Kantor dan Akuntansi Elektronik
28174|Industri Mesin Fotocopi
28179|Industri Mesin dan Peralatan Kantor Lainnya
28180|Industri Perkakas Tangan yang Digerakkan Tenaga
28191|Industri Mesin untuk Pembungkus, Pembotolan dan Pengalengan
28192|Industri Mesin Timbangan
28193|Industri Mesin Pendingin
28199|Industri Mesin untuk Keperluan Umum Lainnya YTDL
28210|Industri Mesin Pertanian dan Kehutanan
28221|Industri Mesin dan Perkakas Mesin untuk Pengerjaan Logam
28222|Industri Mesin dan Perkakas Mesin untuk Pengerjaan Kayu
28223|Industri Mesin dan Perkakas Mesin untuk Pengerjaan Bahan Bukan Logam dan Kayu
28224|Industri Mesin dan Perkakas Mesin untuk Pengelasan yang Menggunakan Arus Listrik
28230|Industri Mesin Metalurgi
28240|Industri Mesin Penambangan, Penggalian dan Konstruksi
28250|Industri Mesin Pengolahan Makanan, Minuman dan Tembakau
28261|Industri Kabinet Mesin Jahit
28262|Industri Mesin Jahit serta Mesin Cuci dan Mesin Pengering untuk Keperluan Niaga
28263|Industri Mesin Tekstil
28264|Industri Jarum Mesin Jahit, Rajut, Bordir dan Sejenisnya
28265|Industri Mesin Penyiapan dan Pembuatan Produk Kulit
28291|Industri Mesin Percetakan
28292|Industri Mesin Pabrik Kertas
28299|Industri Mesin Keperluan Khusus Lainnya
29101|Industri Kendaraan Bermotor Roda Empat atau Lebih
29102|Industri Kendaraan Multiguna Pedesaan
29200|Industri Karoseri Kendaraan Bermotor Roda Empat atau Lebih dan Industri Trailer dan Semi Trailer
29300|Industri Suku Cadang dan Aksesori Kendaraan Bermotor Roda Empat atau Lebih
30111|Industri Kapal dan Perahu
30112|Industri Bangunan Lepas Pantai dan Bangunan Terapung
30113|Industri Peralatan, Perlengkapan dan Bagian Kapal
30120|Industri Pembuatan Kapal dan Perahu untuk Tujuan Wisata atau Rekreasi dan Olahraga
30200|Industri Lokomotif dan Gerbong Kereta
30300|Industri Pesawat Terbang dan Perlengkapannya
30400|Industri Kendaraan Perang
30911|Industri Sepeda Motor Roda Dua dan Tiga
30912|Industri Komponen dan Perlengkapan Sepeda Motor Roda Dua dan Tiga
30921|Industri Sepeda dan Kursi Roda Termasuk Becak
30922|Industri Perlengkapan Sepeda dan Kursi Roda Termasuk Becak
30990|Industri Alat Angkutan Lainnya YTDL
31001|Industri Furnitur dari Kayu
31002|Industri Furnitur dari Rotan dan atau Bambu
31003|Industri Furnitur dari Plastik
31004|Industri Furnitur dari Logam
31009|Industri Furnitur Lainnya
32111|Industri Permata
32112|Industri Barang Perhiasan dari Logam Mulia untuk Keperluan Pribadi
32113|Industri Barang Perhiasan dari Logam Mulia Bukan untuk Keperluan Pribadi
32114|Industri Barang dari Logam Mulia untuk Keperluan Teknik dan atau Laboratorium
32115|Industri Perhiasan Mutiara
32119|Industri Barang Lainnya dari Logam Mulia
32120|Industri Perhiasan Imitasi dan Barang Sejenis
32201|Industri Alat Musik Tradisional
32202|Industri Alat Musik Bukan Tradisional
32300|Industri Alat Olahraga
32401|Industri Alat Permainan
32402|Industri Mainan Anak-Anak
32501|Industri Furnitur untuk Operasi, Perawatan Kedokteran dan Kedokteran Gigi
32502|Industri Peralatan Kedokteran dan Kedokteran Gigi, Perlengkapan Orthopaedic dan Prosthetic
32503|Industri Kaca Mata
32509|Industri Peralatan Kedokteran dan Kedokteran Gigi serta Perlengkapan Lainnya
32901|Industri Alat Tulis dan Gambar Termasuk Perlengkapannya
32902|Industri Pita Mesin Tulis/Gambar
32903|Industri Kerajinan YTDL
32904|Industri Peralatan untuk Pelindung Keselamatan
32905|Industri Serat Sabut Kelapa
32906|Industri Produksi Radioisotop
32907|Industri Fabrikasi Elemen Bakar Uranium
32909|Industri Pengolahan Lainnya YTDL
33111|Reparasi Produk Logam Siap Pasang untuk Bangunan, Tangki, Tandon Air dan Generator Uap
33112|Reparasi Produk Senjata dan Amunisi
33119|Reparasi Produk Logam Pabrikasi Lainnya
33121|Reparasi Mesin untuk Keperluan Umum
33122|Reparasi Mesin untuk Keperluan Khusus
33131|Reparasi Alat Ukur, Alat Uji dan Peralatan Navigasi dan Pengontrol
33132|Reparasi Peralatan Iradiasi, Elektromedis dan Elektroterapi
33133|Reparasi Peralatan Fotografi dan Optik
33141|Reparasi Motor Listrik, Generator dan Transformator
33142|Reparasi Baterai dan Akumulator Listrik
33149|Reparasi Peralatan Listrik Lainnya
33151|Reparasi Kapal, Perahu dan Bangunan Terapung
33152|Reparasi Lokomotif dan Gerbong Kereta
33153|Reparasi Pesawat Terbang
33159|Reparasi Alat Angkutan Lainnya, Bukan Kendaraan Bermotor
33190|Reparasi Peralatan Lainnya
33200|Instalasi/Pemasangan Mesin dan Peralatan Industri
`;

/** KBLI 2025 (Peraturan BPS 7/2025), kategori C: `code|title`, titles from the BPS correspondence table
 * (Lampiran 5), in the same Indonesian title case as the 2020 titles. */
export const KBLI_2025_LINES = `
10111|Kegiatan Rumah Potong Hewan Ruminansia
10112|Kegiatan Rumah Potong Babi
10113|Kegiatan Rumah Potong Unggas
10119|Kegiatan Rumah Potong Hewan Lainnya
10120|Pengolahan dan Pengawetan Daging dan Produk Daging
10211|Pengolahan dan Pengawetan Ikan dengan Penggaraman atau Pengeringan
10212|Pengolahan dan Pengawetan Ikan dengan Pengasapan atau Pemanggangan
10213|Pengolahan dan Pengawetan Ikan dengan Pembekuan
10214|Pengolahan dan Pengawetan Ikan dengan Pemindangan
10215|Pengolahan dan Pengawetan Ikan dengan Fermentasi
10216|Pengolahan dan Pengawetan Ikan dengan Pelumatan
10217|Pengolahan dan Pengawetan Ikan dengan Pengalengan
10218|Pengolahan dan Pengawetan Ikan Menjadi Produk Olahan
10219|Pengolahan dan Pengawetan Ikan dengan Metode Lainnya
10291|Pengolahan dan Pengawetan Biota Air Lainnya dengan Penggaraman atau Pengeringan
10292|Pengolahan dan Pengawetan Biota Air Lainnya dengan Pengasapan atau Pemanggangan
10293|Pengolahan dan Pengawetan Biota Air Lainnya dengan Pembekuan
10294|Pengolahan dan Pengawetan Biota Air Lainnya dengan Pemindangan
10295|Pengolahan dan Pengawetan Biota Air Lainnya dengan Fermentasi
10296|Pengolahan dan Pengawetan Biota Air Lainnya dengan Pelumatan
10297|Pengolahan dan Pengawetan Biota Air Lainnya dengan Pengalengan
10298|Pengolahan dan Pengawetan Rumput Laut
10299|Pengolahan dan Pengawetan Biota Air Lainnya dengan Metode Lainnya
10301|Pengasinan Buah-Buahan dan Sayuran
10302|Pelumatan Buah-Buahan dan Sayuran
10303|Pengeringan Buah-Buahan dan Sayuran
10304|Pembekuan Buah-Buahan dan Sayuran
10305|Pengalengan Buah-Buahan dan Sayuran
10306|Pengolahan Sari Buah-Buahan dan Sayuran
10307|Pembuatan Tempe Kedelai
10308|Pembuatan Tahu Kedelai
10309|Pengolahan dan Pengawetan Lainnya untuk Buah-Buahan dan Sayuran
10411|Industri Minyak Mentah dan Lemak Nabati Bukan Kelapa dan Kelapa Sawit
10412|Industri Margarin
10413|Industri Minyak Mentah dan Lemak dari Hewan Selain Ikan
10414|Industri Minyak Ikan
10415|Industri Minyak Goreng dan Minyak Makan Bukan Minyak Kelapa dan Minyak Kelapa Sawit
10419|Industri Minyak Mentah dan Lemak Nabati dan Hewani Bukan Kelapa dan Kelapa Sawit Lainnya
10421|Industri Kopra
10422|Industri Minyak Mentah Kelapa
10423|Industri Minyak Goreng Kelapa
10431|Industri Minyak Mentah Kelapa Sawit (Crude Palm Oil)
10432|Industri Minyak Mentah Inti Kelapa Sawit (Crude Palm Kernel Oil)
10433|Industri Pemisahan/Fraksinasi Minyak Mentah Kelapa Sawit dan Minyak Mentah Inti Kelapa Sawit
10434|Industri Pemurnian Minyak Mentah Kelapa Sawit dan Minyak Mentah Inti Kelapa Sawit
10435|Industri Pemisahan/Fraksinasi Minyak Murni Kelapa Sawit
10436|Industri Pemisahan/Fraksinasi Minyak Murni Inti Kelapa Sawit
10437|Industri Minyak Goreng Kelapa Sawit
10501|Industri Susu Segar dan Krim
10502|Industri Susu Bubuk dan Susu Kental
10503|Industri Es Krim
10504|Industri Es yang Dapat Dimakan dan Es Pencuci Mulut
10509|Industri Produk Susu Lainnya
10611|Industri Produk Gilingan Gandum (Selain Tepung Terigu) dan Serelia Selain Beras dan Jagung
10612|Industri Produk Gilingan Aneka Kacang
10613|Industri Produk Gilingan Aneka Umbi, Tanaman Rimpang, dan Sayuran
10614|Industri Tepung Campuran dan Adonan Tepung
10615|Industri Makanan Sereal
10616|Industri Tepung Terigu
10621|Industri Pati Ubi Kayu
10622|Industri Berbagai Macam Pati Palem
10623|Industri Glukosa dan Sejenisnya
10629|Industri Pati dan Produk Pati Lainnya
10631|Industri Penggilingan Padi dan Penyosohan Beras
10632|Industri Pemipilan Jagung
10633|Industri Tepung Beras dan Tepung Jagung
10634|Industri Pati Beras dan Jagung
10635|Industri Pemanis dari Beras dan Jagung
10636|Industri Minyak dari Beras dan Jagung
10710|Industri Produk Bakeri
10721|Industri Gula Pasir
10722|Industri Gula Merah
10723|Industri Sirop
10729|Industri Gula Lainnya
10731|Industri Pengolahan Kakao
10732|Industri Cokelat dan Kembang Gula dari Cokelat
10733|Industri Manisan Buah-Buahan dan Sayuran Kering
10739|Industri Kembang Gula Lainnya
10740|Industri Makaroni, Mi, Couscous, dan Produk Sejenisnya
10750|Industri Makanan dan Masakan Olahan
10761|Pengolahan Kopi
10762|Pengolahan Teh
10771|Industri Kecap
10772|Industri Garam Konsumsi Beryodium
10773|Industri Garam Industri Aneka Pangan
10779|Industri Bumbu Masakan Lainnya
10791|Industri Makanan Bayi dan Makanan Khusus
10792|Industri Kue Basah
10793|Industri Produk Makanan dari Kelapa
10794|Industri Kerupuk, Keripik, Peyek, dan Sejenisnya
10795|Industri Sari Nabati dan Krimer Nabati
10796|Industri Dodol
10797|Industri Infusi Herbal/Herb Infusion
10798|Industri Bahan Makanan dari Rumput Laut
10799|Industri Produk Makanan Lainnya YTDL
10801|Industri Ransum Pakan Hewan
10802|Industri Konsentrat Pakan Hewan
11010|Industri Penyulingan, Pemurnian, dan Pencampuran Minuman Beralkohol
11020|Industri Minuman Beralkohol Hasil Fermentasi Anggur dan Hasil Pertanian Lainnya
11030|Industri Minuman Beralkohol Hasil Fermentasi Malt
11040|Industri Malt
11051|Industri Air Kemasan
11052|Industri Air Minum Isi Ulang
11053|Industri Minuman Ringan
11059|Industri Minuman Lainnya
12001|Industri Sigaret Kretek Tangan
12002|Industri Sigaret Kretek Mesin
12003|Industri Rokok Putih
12004|Industri Pengeringan dan Pengolahan Tembakau
12005|Industri Bumbu Rokok
12009|Industri Produk Tembakau Lainnya
13111|Persiapan Serat Tekstil
13112|Pemintalan Benang Selain Benang Jahit
13113|Pemintalan Benang Jahit
13121|Pertenunan Tekstil dengan Mesin
13122|Pertenunan Tekstil Bukan dengan Mesin
13131|Penyempurnaan Benang
13132|Penyempurnaan Basah Kain
13133|Industri Kain Batik
13139|Penyempurnaan Tekstil Lainnya
13911|Industri Kain Rajutan
13912|Industri Kain Crocheted
13913|Industri Bulu Tiruan Rajutan
13921|Industri Barang Tekstil untuk Keperluan Rumah Tangga
13922|Industri Barang Tekstil dengan Bahan Pengisi
13923|Industri Karung Goni
13924|Industri Karung Selain Karung Goni
13929|Industri Barang Tekstil Bukan Pakaian Jadi Lainnya
13930|Industri Karpet dan Permadani
13941|Industri Tali
13942|Industri Barang dari Tali
13991|Industri Kain Narrow
13992|Industri Kain yang Dilapisi dan Sejenisnya
13993|Industri Kain Nirtenun/Nonwoven
13994|Industri Kain Ban
13995|Industri Kapuk
13996|Industri Kain Tule, Kain Jaring, dan Kain Bordir
13999|Industri Tekstil Lainnya YTDL
14111|Industri Pakaian Jadi (Konfeksi) dari Tekstil
14112|Industri Pakaian Jadi (Konfeksi) dari Kulit dan Tiruan Kulit
14120|Industri Penjahitan dan Pembuatan (Bukan Konfeksi) Pakaian Sesuai Pesanan/Kustomisasi
14131|Industri Perlengkapan Pakaian dari Tekstil
14132|Industri Perlengkapan Pakaian dari Kulit dan Tiruan Kulit
14200|Industri Barang dari Kulit Berbulu
14301|Industri Pakaian Jadi dan Perlengkapannya dari Rajutan dan Crocheted
14302|Industri Hosiery Rajutan dan Crocheted
15111|Pengawetan Kulit
15112|Penyamakan Kulit
15113|Pewarnaan Kulit Berbulu
15114|Industri Kulit Komposisi
15121|Industri Koper, Tas Tangan, dan Sejenisnya
15122|Industri Pelana, Alat Pengekang/Harness, dan Barang Lainnya untuk Hewan
15129|Industri Barang Lainnya dari Kulit dan Kulit Komposisi
15201|Industri Alas Kaki untuk Keperluan Sehari-Hari
15202|Industri Sepatu Olahraga
15203|Industri Sepatu Teknik Lapangan/Keperluan Industri
15209|Industri Alas Kaki Lainnya
16101|Penggergajian dan Penghalusan Kayu
16102|Pengawetan Kayu
16103|Pengawetan Rotan, Bambu, dan Sejenisnya
16104|Pengolahan Rotan
16105|Industri Partikel Kayu dan Sejenisnya
16211|Industri Kayu Lapis
16212|Industri Venir
16213|Industri Kayu Laminasi
16219|Industri Panel Kayu Lainnya
16221|Industri Barang Bangunan dari Kayu
16222|Industri Bangunan Prafabrikasi dari Kayu dan Sejenisnya
16230|Industri Wadah dari Kayu
16291|Industri Barang Anyaman dari Rotan dan Bambu
16292|Industri Barang Anyaman dari Tanaman Selain Rotan dan Bambu
16293|Industri Kerajinan Ukiran dari Kayu Bukan Furnitur
16294|Industri Alat Dapur dan Alat Makan dari Kayu, Rotan, dan Bambu
16295|Industri Kayu Bakar dan Pelet dari Kayu dan Biomassa Lainnya
16299|Industri Barang Lainnya dari Kayu; Industri Barang dari Gabus, Jerami, Rotan, Bambu, dan Sejenisnya YTDL
17011|Industri Bubur Kertas (Pulp)
17012|Industri Kertas Budaya
17013|Industri Kertas Berharga
17014|Industri Kertas Khusus
17019|Industri Kertas Lainnya
17021|Industri Kertas dan Papan Kertas Bergelombang
17022|Industri Kemasan dan Kotak dari Kertas dan Karton
17091|Industri Kertas Tisu
17099|Industri Barang dari Kertas dan Papan Kertas Lainnya YTDL
18111|Pencetakan Umum
18112|Pencetakan Khusus
18113|Pencetakan Tiga Dimensi (3D)
18120|Kegiatan Jasa Penunjang Pencetakan
18201|Reproduksi Media Rekaman Suara dan Perangkat Lunak
18202|Reproduksi Media Rekaman Film dan Video
19100|Industri Produk Tanur Kokas
19201|Industri Bahan Bakar dari Pemurnian dan Pengilangan Minyak Bumi
19202|Industri Minyak Pelumas
19203|Industri Produk dari Bahan Limbah Minyak Pelumas
19204|Industri Minyak Pelumas Dasar (Bahan Baku Pelumas)
19205|Industri Briket
19206|Industri Produk dari Pencampuran Hasil Kilang Minyak Bumi dengan Biofuel
19209|Industri Produk Lainnya dari Hasil Kilang Minyak Bumi
20111|Industri Asam, Basa, dan Garam Anorganik
20112|Industri Gas Industri
20113|Industri Kimia Dasar Zat Warna dan Pigmen
20114|Industri Kimia Dasar Radioaktif
20115|Industri Kimia Dasar Organik dari Sumber Daya Alam Hayati
20116|Industri Kimia Dasar dari Minyak Bumi, Gas Alam, dan Batu Bara
20119|Industri Kimia Dasar Anorganik Lainnya
20121|Industri Senyawa Nitrogen; Pupuk Nitrogen, Fosfat, dan Kalium
20122|Industri Pupuk Hara Makro Primer Lainnya
20123|Industri Pupuk Hara Mikro
20124|Industri Pupuk Organik, Pupuk Hayati, dan Media Tanam
20125|Industri Biostimulan
20131|Industri Damar Buatan (Resin Sintetis) dan Bahan Baku Plastik
20132|Industri Karet Buatan
20211|Industri Bahan Baku Pemberantas Hama (Bahan Aktif)
20212|Industri Pemberantas Hama (Formulasi)
20213|Industri Zat Pengatur Tumbuh
20221|Industri Cat
20222|Industri Pernis
20223|Industri Dempul
20229|Industri Sediaan Pewarna dan Pelapis Lainnya
20231|Industri Bahan dan Produk Pembersih
20232|Industri Kosmetik untuk Manusia, Cairan Lensa Kontak
20233|Industri Kosmetik untuk Hewan
20234|Industri Perekat Gigi
20235|Industri Parfum Sesuai Pesanan
20291|Industri Perekat/Lem
20292|Industri Bahan Peledak
20293|Industri Tinta
20294|Industri Minyak Asiri Hulu
20295|Industri Korek Api
20296|Industri Minyak Asiri Rantai Tengah
20297|Industri Biofuel Cair
20298|Industri Cairan Rokok Elektrik
20299|Industri Barang Kimia Lainnya YTDL
20301|Industri Serat Filamen dan Strip Buatan
20302|Industri Serat Stapel Buatan
21011|Industri Bahan Baku Farmasi untuk Manusia
21012|Industri Produk Farmasi untuk Manusia
21013|Industri Produk Farmasi untuk Hewan
21014|Industri Bahan Baku Farmasi untuk Hewan
21015|Industri Alat Diagnosis Medis, Perban, Kasa, dan Penunjang Kesehatan Lainnya
21021|Industri Bahan Baku Obat Bahan Alam untuk Manusia
21022|Industri Produk Obat Bahan Alam untuk Manusia
21023|Industri Produk Obat Bahan Alam untuk Hewan
21024|Industri Bahan Baku Obat Bahan Alam untuk Hewan
22111|Industri Ban Luar dan Ban Dalam
22112|Industri Pembentukan Kembali Ban dan Vulkanisasi Ban
22121|Industri Karet Asap
22122|Industri Karet Lembaran dan Crepe Rubber
22123|Industri Karet Remah (Crumb Rubber)
22129|Industri Karet Setengah Jadi Lainnya
22191|Industri Barang dari Karet untuk Keperluan Rumah Tangga
22192|Industri Barang dari Karet untuk Keperluan Industri
22193|Industri Barang dari Karet untuk Keperluan Infrastruktur
22194|Industri Barang dari Karet untuk Kesehatan
22199|Industri Barang Lainnya dari Karet YTDL
22201|Industri Barang dari Plastik untuk Bangunan
22202|Industri Barang dari Plastik dan Bioplastik untuk Pengemasan
22203|Industri Pipa Plastik dan Perlengkapannya
22204|Industri Plastik Lembaran
22205|Industri Perlengkapan dan Peralatan Rumah Tangga dari Plastik (Tidak Termasuk Furnitur)
22206|Industri Barang dan Peralatan Teknik/Industri dari Plastik
22209|Industri Barang Lainnya dari Plastik
23111|Industri Kaca Lembaran
23112|Industri Kaca Pengaman
23119|Industri Kaca Lainnya
23121|Industri Perlengkapan dan Peralatan Rumah Tangga dari Kaca
23122|Industri Peralatan Laboratorium dan Kesehatan dari Kaca
23129|Industri Produk Lainnya dari Kaca
23911|Industri Bata, Mortar, Semen, dan Sejenisnya yang Tahan Api
23919|Industri Produk Refraktori (Tahan Api) Lainnya
23921|Industri Batu Bata dari Tanah Liat atau Keramik
23922|Industri Genteng dari Tanah Liat atau Keramik
23929|Industri Bahan Bangunan Lainnya dari Tanah Liat atau Keramik
23931|Industri Perlengkapan Rumah Tangga dari Porselen
23932|Industri Perlengkapan Rumah Tangga dari Tanah Liat atau Keramik
23933|Industri Alat Laboratorium dan Alat Listrik atau Teknik dari Porselen
23934|Industri Peralatan Sanitasi dari Porselen
23935|Industri Peralatan Sanitasi dari Tanah Liat atau Keramik
23939|Industri Produk Bukan Bahan Bangunan Lainnya dari Tanah Liat atau Keramik dan Porselen
23941|Industri Semen
23942|Industri Kapur
23943|Industri Gips
23951|Industri Barang dari Semen
23952|Industri Barang dari Kapur
23953|Industri Barang dari Gips
23954|Industri Barang dari Asbes
23955|Industri Mortar, Acian, dan Beton Siap Pakai
23961|Industri Barang dari Batu Marmer
23962|Industri Barang dari Batu Granit
23969|Industri Barang dari Batu Lainnya
23991|Industri Produk Abrasif
23992|Industri Batuan Aspal dan Barang dari Aspal atau Material Sejenis
23993|Industri Produk Hasil Pemurnian Mineral Nonlogam
23999|Industri Produk Mineral Nonlogam Lainnya YTDL
24101|Industri Besi dan Baja Dasar
24102|Penggilingan Baja
24103|Industri Pipa dan Sambungan Pipa dari Besi dan Baja
24201|Industri Logam Dasar Mulia
24202|Industri Logam Dasar Bukan Besi Lainnya
24203|Penggilingan Logam Bukan Besi
24204|Ekstrusi Logam Bukan Besi
24205|Industri Pipa dan Sambungan Pipa dari Logam Bukan Besi dan Baja
24206|Industri Bahan Bakar Nuklir
24310|Pengecoran Besi dan Baja
24320|Pengecoran Logam Bukan Besi dan Baja
25111|Industri Produk Logam Struktural Bukan Aluminium untuk Konstruksi Ringan
25112|Industri Produk Logam Struktural Aluminium untuk Konstruksi Ringan
25113|Industri Produk Logam Struktural Baja untuk Konstruksi Berat
25119|Industri Produk Logam Struktural Lainnya
25120|Industri Tangki, Tandon Air, dan Wadah Sejenisnya dari Logam
25130|Industri Generator Uap Bukan Ketel Pemanas
25200|Industri Senjata dan Amunisi
25910|Penempaan, Pengepresan, Pencetakan, dan Pembentukan Logam; Metalurgi Bubuk
25920|Pengerjaan dan Pelapisan Logam
25931|Industri Perkakas Tangan
25932|Industri Alat Potong
25933|Industri Alat Makan dari Logam
25934|Industri Peralatan Umum
25940|Industri Ember, Kaleng, Drum dan Wadah Sejenisnya dari Logam
25951|Industri Barang dari Kawat Logam Bukan Kabel
25952|Industri Paku, Mur, dan Baut Logam
25991|Industri Brankas, Filling Kantor, dan Sejenisnya
25992|Industri Peralatan Dapur dan Peralatan Meja dari Logam
25993|Industri Produk Rumah Tangga dari Logam Bukan Peralatan Dapur dan Peralatan Meja
25994|Industri Profil Logam
25995|Industri Lampu dari Logam
25999|Industri Produk Logam Lainnya YTDL
26110|Industri Sel Surya, Panel Surya, dan Inverter Fotovoltaik
26191|Industri Tabung Elektron dan Konektor Elektronik
26199|Industri Komponen dan Papan Elektronik Lainnya YTDL
26210|Industri Komputer dan Perakitan Komputer
26220|Industri Perlengkapan Komputer
26310|Industri Peralatan Telepon dan Faksimili
26320|Industri Peralatan Komunikasi Tanpa Kabel (Wireless)
26391|Industri Kartu Cerdas (Smart Card)
26399|Industri Peralatan Komunikasi Lainnya
26410|Industri Televisi, Monitor Televisi, dan Displai
26420|Industri Peralatan Perekam, Penerima, dan Pengganda Audio dan Video, Bukan Televisi
26490|Industri Peralatan Audio dan Video Elektronik Lainnya
26511|Industri Alat Ukur dan Alat Uji Manual
26512|Industri Alat Ukur dan Alat Uji Elektrik
26513|Industri Alat Ukur dan Alat Uji Elektronik
26519|Industri Alat Ukur, Alat Uji, dan Peralatan Navigasi dan Kontrol Lainnya
26520|Industri Alat Ukur Waktu
26601|Industri Peralatan Iradiasi, Perlengkapan, dan Sejenisnya
26602|Industri Peralatan Elektromedik dan Elektroterapi
26701|Industri Peralatan Fotografi
26702|Industri Peralatan Sinematografi
26703|Industri Lensa Bukan Kacamata
26709|Industri Peralatan Fotografi dan Instrumen Optik Bukan Kacamata Lainnya
26800|Industri Media Magnetik dan Media Optik
27111|Industri Motor Listrik
27112|Industri Generator Pembangkit Listrik
27113|Industri Pengubah Tegangan/Transformator dan Pengubah Arus/Rectifier
27120|Industri Peralatan Pengontrol dan Pendistribusian Listrik
27201|Industri Batu Baterai
27202|Industri Akumulator Listrik
27203|Industri Baterai Kendaraan Listrik
27310|Industri Kabel Serat Optik
27320|Industri Kabel dan Kawat Listrik dan Elektronik Lainnya
27330|Industri Perlengkapan Kabel
27401|Industri Bola Lampu Pijar, Lampu Sorot, dan Lampu Ultraviolet
27402|Industri Lampu Gas dan Discharge
27403|Industri Peralatan Penerangan untuk Kendaraan
27404|Industri Lampu LED
27409|Industri Peralatan Penerangan Lainnya
27510|Industri Peralatan Listrik Rumah Tangga
27520|Industri Peralatan Elektrotermal Rumah Tangga
27530|Industri Peralatan Rumah Tangga Bukan Listrik
27900|Industri Peralatan Listrik Lainnya
28111|Industri Mesin Uap, Turbin, dan Kincir
28112|Industri Motor Pembakaran Dalam
28113|Industri Komponen dan Suku Cadang Mesin dan Turbin
28120|Industri Peralatan Tenaga Zat Cair dan Gas
28130|Industri Pompa Lainnya, Kompresor, Keran, dan Klep/Katup
28140|Industri Bearing, Roda Gigi, dan Elemen Penggerak Mesin
28151|Industri Oven, Perapian dan Tungku Pembakar Sejenis yang Tidak Menggunakan Arus Listrik
28152|Industri Oven, Perapian dan Tungku Pembakar Sejenis yang Menggunakan Arus Listrik
28160|Industri Alat Pengangkat dan Pemindah
28171|Industri Mesin Kantor dan Akuntansi Manual
28172|Industri Mesin Kantor dan Akuntansi Elektrik
28173|Industri Mesin Kantor dan Akuntansi Elektronik
28179|Industri Peralatan Kantor
28180|Industri Perkakas Tangan yang Digerakkan Tenaga
28191|Industri Mesin untuk Pembungkus, Pembotolan, dan Pengalengan
28192|Industri Mesin Timbangan
28193|Industri Mesin Pendingin
28199|Industri Mesin untuk Keperluan Umum Lainnya YTDL
28210|Industri Mesin Pertanian dan Kehutanan
28220|Industri Mesin dan Perkakas Mesin untuk Pengerjaan Logam dan Bahan Lainnya
28230|Industri Mesin Metalurgi
28240|Industri Mesin Penambangan, Penggalian dan Konstruksi
28250|Industri Mesin Pengolahan Makanan, Minuman dan Tembakau
28261|Industri Mesin Jahit, Mesin Cuci, dan Mesin Pengering untuk Keperluan Niaga
28262|Industri Mesin Tekstil
28263|Industri Mesin Penyiapan dan Pembuatan Produk Kulit
28291|Industri Mesin Percetakan
28292|Industri Mesin Pabrik Kertas
28299|Industri Mesin Keperluan Khusus Lainnya YTDL
29100|Industri Kendaraan Bermotor Roda Empat atau Lebih
29200|Industri Karoseri Kendaraan Bermotor Roda Empat atau Lebih; Industri Trailer dan Semitrailer
29300|Industri Suku Cadang dan Aksesori Kendaraan Bermotor Roda Empat atau Lebih
30111|Industri Kendaraan Air dan Bawah Air Berawak
30112|Industri Bangunan Lepas Pantai dan Bangunan Terapung
30113|Industri Kendaraan Air dan Bawah Air Tanpa Awak
30120|Industri Kapal dan Perahu untuk Tujuan Wisata atau Rekreasi dan Olahraga
30200|Industri Lokomotif dan Gerbong Kereta
30301|Industri Pesawat Udara Berawak dan Mesin Terkait
30302|Industri Pesawat Udara Tanpa Awak dan Mesin Terkait
30303|Industri Wahana Antariksa dan Mesin Terkait
30400|Industri Kendaraan Tempur Militer
30911|Industri Sepeda Motor Roda Dua dan Tiga
30912|Industri Komponen dan Perlengkapan Sepeda Motor Roda Dua dan Tiga
30921|Industri Sepeda dan Kursi Roda Termasuk Becak
30922|Industri Perlengkapan Sepeda dan Kursi Roda Termasuk Becak
30990|Industri Alat Angkutan Lainnya YTDL
31011|Industri Furnitur dari Kayu
31012|Industri Furnitur dari Rotan dan Bambu
31021|Industri Furnitur dari Plastik
31022|Industri Furnitur dari Logam
31029|Industri Furnitur dari Bahan Lainnya YTDL
32111|Industri Permata
32112|Industri Perhiasan dari Logam Mulia
32113|Industri Barang Berharga dari Logam Mulia Bukan Perhiasan
32114|Industri Perhiasan dari Mutiara
32119|Industri Barang Berharga Lainnya dari Logam Mulia
32120|Industri Perhiasan Imitasi dan Barang Sejenis
32201|Industri Alat Musik Tradisional
32202|Industri Alat Musik Nontradisional
32300|Industri Peralatan dan Perlengkapan Olahraga
32401|Industri Alat Permainan
32402|Industri Mainan Termasuk Drone Rekreasi
32501|Industri Furnitur untuk Operasi, Perawatan Kedokteran, dan Kedokteran Gigi
32502|Industri Peralatan Kedokteran dan Kedokteran Gigi, serta Perlengkapan Ortopedi dan Prostetik
32503|Industri Kacamata
32509|Industri Peralatan Kedokteran dan Kedokteran Gigi, serta Perlengkapan Lainnya
32901|Industri Alat Tulis dan Gambar Termasuk Perlengkapannya
32902|Industri Pita Mesin Tulis atau Gambar
32903|Industri Kerajinan YTDL
32904|Industri Peralatan untuk Pelindung Keselamatan
32905|Industri Serat Sabut Kelapa
32906|Industri Rambut, Janggut, dan Bulu Mata Palsu
32907|Industri Kancing dan Ritsleting
32908|Industri Pemantik Api/Lighter
32909|Industri Produk Lainnya YTDL
33111|Reparasi dan Pemeliharaan Produk Logam Struktural, Tangki, Tandon Air, dan Generator Uap
33112|Reparasi dan Pemeliharaan Produk Senjata dan Amunisi
33119|Reparasi dan Pemeliharaan Produk Logam Pabrikasi Lainnya
33121|Reparasi dan Pemeliharaan Mesin untuk Keperluan Umum
33122|Reparasi dan Pemeliharaan Mesin untuk Keperluan Khusus
33131|Reparasi dan Pemeliharaan Alat Ukur, Alat Uji, serta Peralatan Navigasi dan Pengontrol
33132|Reparasi dan Pemeliharaan Peralatan Iradiasi, Elektromedik, dan Elektroterapi
33133|Reparasi dan Pemeliharaan Peralatan Fotografi dan Optik
33141|Reparasi dan Pemeliharaan Motor Listrik, Generator, dan Transformator
33142|Reparasi dan Pemeliharaan Baterai dan Akumulator Listrik
33149|Reparasi dan Pemeliharaan Peralatan Listrik Lainnya
33151|Reparasi dan Pemeliharaan Kapal, Perahu, dan Bangunan Terapung
33152|Reparasi dan Pemeliharaan Lokomotif dan Gerbong Kereta
33153|Reparasi dan Pemeliharaan Pesawat Udara
33159|Reparasi dan Pemeliharaan Alat Angkutan Lainnya, Bukan Kendaraan Bermotor
33190|Reparasi dan Pemeliharaan Peralatan Lainnya
33201|Instalasi/Pemasangan dan Perangkaian/Integrasi Mesin, Peralatan, dan Sistem Industri
33202|Pembongkaran Mesin, Peralatan, dan Sistem Industri
`;

/** KBLI 2020 → KBLI 2025 from the BPS correspondence table: `code2020|code2025|kind`. */
export const KBLI_MAP_LINES = `
10110|10111|split
10110|10112|split
10110|10119|split
10120|10113|one_to_one
10130|10120|one_to_one
10211|10211|one_to_one
10212|10212|one_to_one
10213|10213|merged
10214|10214|one_to_one
10215|10215|one_to_one
10216|10216|split
10216|10218|split
10217|10213|merged
10219|10219|one_to_one
10221|10217|split
10221|10297|split
10222|10297|merged
10291|10291|one_to_one
10292|10292|one_to_one
10293|10293|merged
10294|10294|one_to_one
10295|10295|one_to_one
10296|10296|one_to_one
10297|10213|split
10297|10293|split
10298|10298|split
10298|10798|split
10299|10299|one_to_one
10311|10301|one_to_one
10312|10302|one_to_one
10313|10303|one_to_one
10314|10304|one_to_one
10320|10305|one_to_one
10330|10306|one_to_one
10391|10307|one_to_one
10392|10308|one_to_one
10393|10309|merged
10399|10309|merged
10411|10411|one_to_one
10412|10412|one_to_one
10413|10413|one_to_one
10414|10414|one_to_one
10415|10415|one_to_one
10421|10421|one_to_one
10422|10422|one_to_one
10423|10423|one_to_one
10424|16295|merged
10431|10431|one_to_one
10432|10432|one_to_one
10433|10433|one_to_one
10434|10434|one_to_one
10435|10435|one_to_one
10436|10436|one_to_one
10437|10437|one_to_one
10490|10419|one_to_one
10510|10501|one_to_one
10520|10502|one_to_one
10531|10503|one_to_one
10532|10504|one_to_one
10590|10509|one_to_one
10611|10611|one_to_one
10612|10612|one_to_one
10613|10613|one_to_one
10614|10614|one_to_one
10615|10615|one_to_one
10616|10616|one_to_one
10621|10621|one_to_one
10622|10622|one_to_one
10623|10623|one_to_one
10629|10629|one_to_one
10631|10631|one_to_one
10632|10632|one_to_one
10633|10633|one_to_one
10634|10634|one_to_one
10635|10635|one_to_one
10636|10636|one_to_one
10710|10710|one_to_one
10721|10721|one_to_one
10722|10722|one_to_one
10723|10723|one_to_one
10729|10729|one_to_one
10731|10731|one_to_one
10732|10732|one_to_one
10733|10733|one_to_one
10734|10739|merged
10739|10739|merged
10740|10740|one_to_one
10750|10750|one_to_one
10761|10761|one_to_one
10762|10797|one_to_one
10763|10762|one_to_one
10771|10771|one_to_one
10772|10779|merged
10773|10793|one_to_one
10774|10772|split
10774|10773|split
10779|10779|split
10779|10799|split
10791|10791|merged
10792|10792|one_to_one
10793|10309|split
10793|10794|split
10793|10799|split
10794|10794|merged
10795|10795|merged
10796|10796|one_to_one
10799|10791|split
10799|10795|split
10799|10799|split
10801|10801|one_to_one
10802|10802|one_to_one
11010|11010|one_to_one
11020|11020|one_to_one
11031|11030|one_to_one
11032|11040|one_to_one
11040|11053|one_to_one
11051|11051|one_to_one
11052|11052|one_to_one
11090|11059|one_to_one
12011|12001|one_to_one
12012|12003|one_to_one
12013|12002|one_to_one
12019|12009|one_to_one
12091|12004|one_to_one
12099|12005|split
12099|17099|split
12099|20298|split
13111|13111|one_to_one
13112|13112|one_to_one
13113|13113|one_to_one
13121|13121|split
13121|13122|split
13122|13122|merged
13123|13121|split
13123|13122|split
13131|13131|one_to_one
13132|13132|split
13132|13139|split
13133|13132|split
13133|13139|split
13133|18111|split
13134|13133|one_to_one
13911|13911|merged
13912|13912|one_to_one
13913|13913|one_to_one
13921|13921|split
13921|13922|split
13922|13921|split
13922|13999|split
13923|13922|merged
13924|13921|split
13924|13922|split
13924|13929|split
13924|13999|split
13925|13923|one_to_one
13926|13924|one_to_one
13929|13921|split
13929|13929|split
13929|13999|split
13930|13930|one_to_one
13941|13941|one_to_one
13942|13942|split
13942|13999|split
13991|13991|split
13991|13999|split
13992|13992|one_to_one
13993|13993|one_to_one
13994|13994|one_to_one
13995|13995|one_to_one
13996|13911|split
13996|13996|split
13999|13999|merged
14111|14111|split
14111|17091|split
14112|14112|one_to_one
14120|14120|one_to_one
14131|14131|one_to_one
14132|14132|merged
14200|14200|one_to_one
14301|14301|merged
14302|13139|split
14302|14301|split
14303|14302|one_to_one
15111|15111|one_to_one
15112|15112|one_to_one
15113|15113|one_to_one
15114|15114|one_to_one
15121|15121|one_to_one
15122|14132|split
15122|15129|split
15123|15122|one_to_one
15129|15129|merged
15201|15201|one_to_one
15202|15202|one_to_one
15203|15203|one_to_one
15209|15209|split
15209|32502|split
16101|16101|one_to_one
16102|16102|one_to_one
16103|16103|one_to_one
16104|16104|one_to_one
16105|16105|one_to_one
16211|16211|merged
16212|16211|merged
16213|16219|one_to_one
16214|16212|one_to_one
16215|16213|one_to_one
16221|16221|one_to_one
16222|16222|one_to_one
16230|16230|one_to_one
16291|16291|one_to_one
16292|16292|one_to_one
16293|16293|one_to_one
16294|16294|one_to_one
16295|16295|merged
16299|16299|one_to_one
17011|17011|one_to_one
17012|17012|one_to_one
17013|17013|one_to_one
17014|17014|one_to_one
17019|17019|one_to_one
17021|17021|one_to_one
17022|17022|one_to_one
17091|17091|merged
17099|17099|merged
18111|18111|merged
18112|18112|one_to_one
18113|18113|one_to_one
18120|18120|one_to_one
18201|18201|one_to_one
18202|18202|one_to_one
19100|19100|one_to_one
19211|19201|one_to_one
19212|19202|split
19212|19204|split
19213|19203|merged
19214|19203|merged
19291|19205|split
19291|19206|split
19291|19209|split
19292|19205|merged
20111|10773|split
20111|20111|split
20111|20119|split
20112|20112|split
20112|20114|split
20112|20121|split
20113|20113|merged
20114|20111|split
20114|20114|split
20114|20119|split
20114|20121|split
20115|20115|split
20115|20131|split
20115|20297|split
20116|20113|merged
20117|20116|merged
20118|20111|split
20118|20115|split
20118|20116|split
20118|20231|split
20118|20299|split
20119|20115|split
20119|20116|split
20121|20121|merged
20122|20121|merged
20123|20122|merged
20124|20122|merged
20125|20122|merged
20126|20123|one_to_one
20127|20124|merged
20128|20124|merged
20129|20125|one_to_one
20131|20131|merged
20132|20132|one_to_one
20211|20211|one_to_one
20212|20212|one_to_one
20213|20213|one_to_one
20214|20124|merged
20221|20221|split
20221|20229|split
20222|20222|one_to_one
20223|20223|one_to_one
20231|20231|merged
20232|20232|split
20232|20235|split
20233|20233|one_to_one
20234|20234|one_to_one
20291|20291|one_to_one
20292|20292|one_to_one
20293|20293|one_to_one
20294|20294|one_to_one
20295|20295|one_to_one
20296|20296|one_to_one
20299|20297|split
20299|20298|split
20299|20299|split
20301|20301|one_to_one
20302|20302|one_to_one
21011|21011|one_to_one
21012|21012|one_to_one
21013|21013|one_to_one
21014|21014|one_to_one
21015|21015|one_to_one
21021|21021|one_to_one
21022|21022|one_to_one
21023|21023|one_to_one
21024|21024|one_to_one
22111|22111|one_to_one
22112|22112|one_to_one
22121|22121|one_to_one
22122|22122|split
22122|22129|split
22123|22123|one_to_one
22191|22191|one_to_one
22192|22192|one_to_one
22193|22193|one_to_one
22194|22194|one_to_one
22199|22199|one_to_one
22210|22201|one_to_one
22220|22202|one_to_one
22230|22203|one_to_one
22291|22204|one_to_one
22292|22205|one_to_one
22293|22206|one_to_one
22299|22209|one_to_one
23111|23111|one_to_one
23112|23112|one_to_one
23119|23119|one_to_one
23121|23121|merged
23122|23122|merged
23123|23121|merged
23124|23122|merged
23129|23129|one_to_one
23911|23911|one_to_one
23919|23919|one_to_one
23921|23921|one_to_one
23922|23922|one_to_one
23923|23934|split
23923|23935|split
23929|23929|one_to_one
23931|23931|one_to_one
23932|23932|one_to_one
23933|23933|one_to_one
23939|23939|one_to_one
23941|23941|one_to_one
23942|23942|one_to_one
23943|23943|one_to_one
23951|23951|merged
23952|23952|merged
23953|23951|split
23953|23952|split
23954|23953|merged
23955|23954|merged
23956|23954|merged
23957|23955|merged
23959|23951|split
23959|23952|split
23959|23953|split
23959|23954|split
23959|23955|split
23961|23961|split
23961|23962|split
23962|23961|split
23962|23962|split
23963|23969|merged
23969|23961|split
23969|23962|split
23969|23969|split
23990|23991|split
23990|23992|split
23990|23993|split
23990|23999|split
24101|24101|one_to_one
24102|24102|one_to_one
24103|24103|one_to_one
24201|24201|one_to_one
24202|24202|one_to_one
24203|24203|one_to_one
24204|24204|one_to_one
24205|24205|one_to_one
24206|24206|merged
24310|24310|one_to_one
24320|24320|one_to_one
25111|25111|one_to_one
25112|25112|one_to_one
25113|25113|one_to_one
25119|25119|one_to_one
25120|25120|split
25120|25130|split
25120|28151|split
25120|28199|split
25130|25130|merged
25200|25200|one_to_one
25910|25910|one_to_one
25920|25920|one_to_one
25931|25931|split
25931|28210|split
25932|25931|split
25932|25932|split
25932|28180|split
25933|25932|split
25933|25933|split
25934|25932|split
25934|25934|split
25940|25940|one_to_one
25951|25951|one_to_one
25952|25952|merged
25991|25991|split
25991|31022|split
25992|25992|one_to_one
25993|25993|split
25993|31022|split
25994|25994|one_to_one
25995|25995|one_to_one
25999|25952|split
25999|25999|split
26110|26191|one_to_one
26120|26110|split
26120|26199|split
26210|26210|one_to_one
26220|26220|one_to_one
26310|26310|one_to_one
26320|26320|one_to_one
26391|26391|one_to_one
26399|26399|one_to_one
26410|26410|one_to_one
26420|26420|one_to_one
26490|26490|one_to_one
26511|26511|merged
26512|26512|merged
26513|26513|merged
26514|26519|merged
26520|26520|one_to_one
26601|26601|one_to_one
26602|26602|merged
26710|26701|one_to_one
26791|26702|one_to_one
26792|26703|split
26792|26709|split
26800|26800|one_to_one
27111|27111|one_to_one
27112|27112|one_to_one
27113|27113|one_to_one
27120|27120|one_to_one
27201|27201|one_to_one
27202|27202|one_to_one
27203|27203|one_to_one
27310|27310|one_to_one
27320|27320|one_to_one
27330|27330|one_to_one
27401|27401|one_to_one
27402|27402|one_to_one
27403|27403|merged
27404|27404|one_to_one
27409|27409|one_to_one
27510|27510|one_to_one
27520|27520|one_to_one
27530|27530|one_to_one
27900|27900|one_to_one
28111|28111|merged
28112|28112|merged
28113|28113|merged
28120|28120|one_to_one
28130|28130|one_to_one
28140|28140|one_to_one
28151|28151|merged
28152|28152|one_to_one
28160|28160|one_to_one
28171|28171|one_to_one
28172|28172|merged
28173|28173|merged
28174|28172|split
28174|28173|split
28179|28179|one_to_one
28180|28180|merged
28191|28191|one_to_one
28192|28192|one_to_one
28193|28193|one_to_one
28199|28199|merged
28210|28210|merged
28221|28220|merged
28222|28220|merged
28223|28220|merged
28224|28220|merged
28230|28230|one_to_one
28240|28240|one_to_one
28250|28250|one_to_one
28261|31011|split
28261|31012|split
28261|31021|split
28261|31022|split
28261|31029|split
28262|28261|one_to_one
28263|28262|one_to_one
28264|25999|merged
28265|28263|one_to_one
28291|28291|one_to_one
28292|28292|one_to_one
28299|28299|one_to_one
29101|29100|merged
29102|29100|merged
29200|29200|one_to_one
29300|29300|one_to_one
30111|30111|split
30111|30113|split
30112|30112|one_to_one
30113|25999|split
30113|26511|split
30113|26512|split
30113|26513|split
30113|26519|split
30113|27403|split
30113|28111|split
30113|28112|split
30113|28113|split
30120|30120|one_to_one
30200|30200|one_to_one
30300|30301|split
30300|30302|split
30300|30303|split
30400|30400|one_to_one
30911|30911|one_to_one
30912|30912|one_to_one
30921|30921|one_to_one
30922|30922|one_to_one
30990|30990|one_to_one
31001|31011|merged
31002|31012|merged
31003|31021|merged
31004|31022|merged
31009|31029|merged
32111|32111|one_to_one
32112|32112|one_to_one
32113|32113|one_to_one
32114|32119|merged
32115|32114|one_to_one
32119|32119|merged
32120|32120|one_to_one
32201|32201|one_to_one
32202|32202|one_to_one
32300|32300|one_to_one
32401|32401|one_to_one
32402|32402|one_to_one
32501|32501|one_to_one
32502|26602|split
32502|32502|split
32503|32503|one_to_one
32509|32509|one_to_one
32901|32901|one_to_one
32902|32902|one_to_one
32903|32903|one_to_one
32904|32904|one_to_one
32905|32905|one_to_one
32906|20114|merged
32907|24206|merged
32909|32906|split
32909|32907|split
32909|32908|split
32909|32909|split
33111|33111|one_to_one
33112|33112|one_to_one
33119|33119|one_to_one
33121|33121|one_to_one
33122|33122|one_to_one
33131|33131|one_to_one
33132|33132|one_to_one
33133|33133|one_to_one
33141|33141|one_to_one
33142|33142|one_to_one
33149|33149|one_to_one
33151|33151|one_to_one
33152|33152|one_to_one
33153|33153|one_to_one
33159|33159|one_to_one
33190|33190|one_to_one
33200|33201|split
33200|33202|split
`;

/**
 * Everyday words a clerk types, per `version:code` (one line per code, sorted). Written for this app from the
 * kelompok descriptions of Peraturan BPS 2/2020 and 7/2025; each product is listed under the code(s) whose
 * description covers it, in both versions. Choices worth knowing: tape singkong with the processed
 * vegetables (10399 / 10309, like getuk singkong in BPJPH's self-declare table), tape ketan with the other
 * foods (10799); VCO with crude coconut oil (10422, not refined cooking oil 10423); charcoal (arang kayu,
 * arang tempurung) with the organic basic chemicals from farm and forest products (20115), charcoal
 * briquettes in KBLI 2025 under 19205 Industri Briket; bird cages with the other goods of wood and bamboo
 * (16299). Loaded by migration 003 (new databases) and reloaded by migration 008 (existing ones).
 */
export const KBLI_KEYWORD_LINES = `
2020:10110|rumah potong hewan, RPH, potong sapi, potong kambing, jagal
2020:10120|rumah potong ayam, RPU, ayam potong
2020:10130|abon, dendeng, sosis, bakso daging, daging asap, rendang kemasan, nugget ayam, bakso ayam, sosis ayam, abon sapi
2020:10211|ikan asin, ikan kering, teri kering, gereh, jambal
2020:10212|ikan asap, ikan panggang, ikan salai, ikan pe
2020:10213|ikan beku
2020:10214|pindang, ikan pindang, pindang bandeng, pindang tongkol
2020:10215|terasi, peda, bekasam, ikan fermentasi
2020:10216|bakso ikan, otak-otak, surimi, pempek, nugget ikan
2020:10219|bandeng presto, bandeng duri lunak, ikan presto
2020:10221|ikan kaleng, sarden
2020:10291|udang kering, ebi, rebon, cumi asin
2020:10295|terasi udang, petis udang
2020:10298|rumput laut, agar-agar
2020:10311|asinan, acar, sayur asin
2020:10312|selai, jam buah
2020:10313|sale pisang, buah kering, manisan kering
2020:10330|sari buah, jus, jus buah
2020:10391|tempe, tempe kedelai, pembuatan tempe
2020:10392|tahu, tahu kedelai, tahu goreng, pembuatan tahu
2020:10393|oncom, kacang asin, kacang rebus, tempe bongkrek
2020:10399|tape, tape singkong, tapai, peuyeum, tiwul
2020:10422|VCO, virgin coconut oil, minyak kelapa murni, minyak kelapa mentah
2020:10423|minyak kelapa, minyak klentik, minyak goreng kelapa
2020:10510|susu sapi, susu segar, susu pasteurisasi
2020:10531|es krim
2020:10532|es lilin, es puter, es mambo, es gabus
2020:10590|yoghurt, keju, dadih, kerupuk susu
2020:10613|tepung mocaf, tepung ubi, tepung gaplek, tepung garut
2020:10614|tepung bumbu
2020:10621|tapioka, aci, tepung tapioka
2020:10631|penggilingan padi, selep padi, beras
2020:10633|tepung beras, tepung jagung
2020:10710|roti, kue kering, bolu, biskuit, donat, bakpia, kue, kue lebaran, wingko, wingko babat, pia, bakpia pathok, nastar, lapis legit, kue kacang
2020:10722|gula merah, gula aren, gula kelapa, gula jawa, gula semut
2020:10723|sirup, sirop
2020:10732|cokelat, coklat, permen cokelat
2020:10733|manisan, manisan buah, manisan pala, manisan mangga
2020:10734|permen, permen jahe, gulali
2020:10740|mie, mi, mie basah, mie kering, bihun, soun
2020:10750|makanan beku, frozen food, makanan siap saji kemasan, rendang
2020:10761|kopi, kopi bubuk, kopi sangrai, kopi robusta, kopi arabika
2020:10762|teh herbal, wedang uwuh, herbal kering
2020:10763|teh, teh kering
2020:10771|kecap
2020:10772|sambal, sambel, sambel pecel, bumbu pecel, saus sambal, bumbu dapur, bumbu instan
2020:10773|santan, kelapa parut kering, nata de coco
2020:10774|garam, garam beryodium
2020:10779|petis, cuka
2020:10791|makanan bayi, bubur bayi
2020:10792|kue basah, jajan pasar, lemper, klepon, getuk, lapis, serabi, nagasari, onde-onde, apem, kue mangkok, cenil
2020:10793|kacang atom, kacang telur, kacang bawang, tauco, enting-enting, susu kedelai
2020:10794|kerupuk, krupuk, keripik, kripik, peyek, rempeyek, emping, rengginang, opak, rambak, kerupuk ikan, kerupuk udang, keripik tempe, keripik singkong, keripik pisang, kerupuk rambak, emping melinjo, emping jagung, kerupuk kulit, krecek, lanting, criping, karak
2020:10796|dodol, jenang, geplak, lempok, wajik
2020:10799|makanan ringan, camilan, snack, madu, telur asin, tape, tape ketan, tapai ketan
2020:10801|pakan ternak, pakan ayam, pakan ikan, pelet ikan
2020:10802|konsentrat pakan
2020:11040|minuman ringan, minuman kemasan, es teh kemasan
2020:11051|air kemasan, air mineral
2020:11052|depot air minum, air isi ulang, DAMIU
2020:11090|jahe instan, minuman serbuk, wedang jahe, minuman herbal
2020:12011|rokok, rokok kretek, kretek tangan, SKT, rokok linting
2020:12012|rokok putih
2020:12013|rokok kretek mesin, SKM
2020:12019|cerutu, rokok klobot, rokok klembak
2020:12091|tembakau rajangan, tembakau iris, tembakau kering, krosok
2020:12099|bumbu rokok, kertas rokok, klobot
2020:13112|benang, pemintalan benang
2020:13121|tenun, kain tenun, sarung tenun, songket, ATBM, tenun gedog, lurik, tenun lurik
2020:13122|tenun ikat, kain ikat
2020:13132|jumputan, celup ikat, pencelupan kain
2020:13133|sablon kain, printing kain, ecoprint, eco print
2020:13134|batik, batik tulis, batik cap, kain batik
2020:13911|kain rajut
2020:13912|kain sulam, sulaman
2020:13921|sprei, taplak, gorden, sarung bantal
2020:13922|bordir, sulaman, kain bordir
2020:13923|bantal, guling, kasur kapuk
2020:13929|tas kain, masker kain, bendera, goodie bag
2020:13941|tali, tali tambang
2020:13995|kapuk
2020:14111|konveksi, pakaian jadi, kaos, seragam, baju, jilbab, kerudung, mukena, celana, busana muslim
2020:14112|jaket kulit
2020:14120|penjahit, jasa jahit, jahit baju, kebaya, busana pesanan
2020:14131|topi, dasi, sarung tangan
2020:14301|pakaian rajut, sweater, baju rajut
2020:14302|bordir, baju bordir, mukena bordir, kerudung bordir
2020:14303|kaos kaki
2020:15112|penyamakan kulit, kulit samak
2020:15121|tas kulit, dompet kulit, ikat pinggang kulit, tas, dompet
2020:15129|wayang kulit, kerajinan kulit
2020:15201|sepatu, sandal, sandal jepit, selop, alas kaki, sepatu kulit
2020:15202|sepatu olahraga, sepatu bola
2020:15209|bakiak, terompah
2020:16101|penggergajian kayu, sawmill, papan kayu, balok kayu
2020:16103|pengawetan bambu
2020:16221|kusen, kusen kayu, pintu kayu, jendela kayu
2020:16230|peti kayu, palet kayu
2020:16291|anyaman, anyaman bambu, anyaman rotan, besek, tampah, bakul, keranjang bambu, kerajinan bambu, kerajinan rotan, tikar rotan
2020:16292|anyaman, anyaman pandan, tikar pandan, anyaman mendong, anyaman eceng gondok, tikar, topi pandan
2020:16293|ukiran kayu, patung kayu, kerajinan kayu, topeng kayu, wayang golek, wayang kayu
2020:16294|cobek kayu, centong, irus, talenan, sutil kayu, alat dapur bambu
2020:16295|kayu bakar, pelet kayu
2020:16299|tusuk sate, tusuk gigi, kerajinan kayu lainnya, sangkar burung, kurungan burung, kandang burung
2020:17022|kardus, dus, kotak kemasan
2020:17099|kerajinan kertas, kertas daur ulang
2020:18111|percetakan, cetak, undangan, sablon kertas
2020:18112|sablon, sablon kaos
2020:20115|arang, arang kayu, arang tempurung, arang batok, arang batok kelapa, briket arang
2020:20231|sabun, sabun cair, deterjen, pembersih lantai
2020:20232|kosmetik, lulur, bedak dingin, minyak rambut, parfum
2020:20294|minyak atsiri, minyak nilam, minyak sereh, minyak cengkeh, minyak kayu putih
2020:20295|korek api
2020:21021|simplisia, bahan jamu
2020:21022|jamu, jamu gendong, jamu serbuk, obat tradisional, herbal, jamu tradisional, beras kencur, kunyit asam
2020:22220|kantong plastik, plastik kemasan
2020:22292|ember plastik, alat rumah tangga plastik
2020:22299|kerajinan plastik
2020:23921|batu bata, bata merah
2020:23922|genteng, genteng tanah liat
2020:23932|gerabah, kendi, kuali tanah, cobek tanah liat, anglo, celengan, pot tanah liat, tembikar
2020:23939|gerabah hias, keramik hias, souvenir keramik
2020:23951|batako, paving, conblock, buis beton, gorong-gorong, roster
2020:23954|gipsum, ornamen gips, plafon gipsum
2020:23963|cobek batu, ulekan batu, kerajinan batu, batu nisan, patung batu
2020:25111|teralis, pagar besi, kanopi, pintu besi, bengkel las
2020:25112|kusen aluminium, jendela aluminium
2020:25931|cangkul, sabit, arit, parang, alat pertanian, pandai besi
2020:25932|gergaji, pahat, palu, golok
2020:25933|pisau, pisau dapur, gunting
2020:25992|panci, wajan, dandang, alat dapur logam
2020:25999|kerajinan logam, kerajinan tembaga, kerajinan kuningan
2020:28210|mesin pertanian, perontok padi
2020:28250|mesin pengolah makanan
2020:30921|becak, sepeda
2020:31001|mebel, meubel, furnitur kayu, lemari, kursi kayu, meja kayu, mebel kayu, perabot, furniture, furnitur, mebel jati, kursi jati
2020:31002|mebel rotan, kursi rotan, mebel bambu, furnitur bambu
2020:31003|kursi plastik
2020:31004|mebel besi, kursi besi, rak besi
2020:31009|spring bed, kasur pegas
2020:32112|perhiasan emas, perhiasan perak, cincin, kalung, kerajinan perak
2020:32120|perhiasan imitasi, aksesoris, manik-manik, gelang manik, bros
2020:32201|gamelan, angklung, kendang, gong, rebana, kolintang, alat musik tradisional
2020:32202|gitar
2020:32300|alat olahraga, bola, raket, shuttlecock, kok
2020:32402|mainan, mainan anak, mainan kayu, boneka
2020:32901|pensil, kapur tulis, alat tulis
2020:32903|kerajinan, kerajinan tangan, souvenir, suvenir, cenderamata, kerajinan kerang, kerajinan batok kelapa, kerajinan tempurung
2020:32905|sabut kelapa, cocofiber, keset sabut
2020:32909|lilin, sapu ijuk, sapu lidi, rambut palsu, bulu mata palsu, kancing
2025:10111|rumah potong hewan, RPH, potong sapi, potong kambing, jagal
2025:10112|potong babi
2025:10113|rumah potong ayam, RPU, ayam potong
2025:10120|abon, dendeng, sosis, bakso daging, daging asap, rendang kemasan, nugget ayam, bakso ayam, sosis ayam, abon sapi
2025:10211|ikan asin, ikan kering, teri kering, gereh, jambal
2025:10212|ikan asap, ikan panggang, ikan salai, ikan pe
2025:10213|ikan beku
2025:10214|pindang, ikan pindang, pindang bandeng, pindang tongkol
2025:10215|terasi, peda, bekasam, ikan fermentasi
2025:10216|surimi, ikan lumat
2025:10218|bakso ikan, otak-otak, pempek, nugget ikan, kerupuk ikan mentah
2025:10219|bandeng presto, bandeng duri lunak, ikan presto
2025:10291|udang kering, ebi, rebon, cumi asin
2025:10295|terasi udang, petis udang
2025:10297|ikan kaleng, sarden
2025:10301|asinan, acar, sayur asin
2025:10302|selai, jam buah
2025:10303|sale pisang, buah kering, manisan kering
2025:10306|sari buah, jus, jus buah
2025:10307|tempe, tempe kedelai, pembuatan tempe
2025:10308|tahu, tahu kedelai, tahu goreng, pembuatan tahu
2025:10309|oncom, kacang asin, kacang rebus, tempe bongkrek, tape, tape singkong, tapai, peuyeum, tiwul
2025:10422|VCO, virgin coconut oil, minyak kelapa murni, minyak kelapa mentah
2025:10423|minyak kelapa, minyak klentik, minyak goreng kelapa
2025:10501|susu sapi, susu segar, susu pasteurisasi
2025:10503|es krim
2025:10504|es lilin, es puter, es mambo, es gabus
2025:10509|yoghurt, keju, dadih, kerupuk susu
2025:10613|tepung mocaf, tepung ubi, tepung gaplek, tepung garut
2025:10614|tepung bumbu
2025:10621|tapioka, aci, tepung tapioka
2025:10631|penggilingan padi, selep padi, beras
2025:10633|tepung beras, tepung jagung
2025:10710|roti, kue kering, bolu, biskuit, donat, bakpia, kue, kue lebaran, wingko, wingko babat, pia, bakpia pathok, nastar, lapis legit, kue kacang
2025:10722|gula merah, gula aren, gula kelapa, gula jawa, gula semut
2025:10723|sirup, sirop
2025:10732|cokelat, coklat, permen cokelat
2025:10733|manisan, manisan buah, manisan pala, manisan mangga
2025:10739|permen, permen jahe, gulali
2025:10740|mie, mi, mie basah, mie kering, bihun, soun
2025:10750|makanan beku, frozen food, makanan siap saji kemasan, rendang
2025:10761|kopi, kopi bubuk, kopi sangrai, kopi robusta, kopi arabika
2025:10762|teh, teh kering
2025:10771|kecap
2025:10772|garam, garam beryodium, garam konsumsi
2025:10773|garam industri
2025:10779|sambal, sambel, sambel pecel, bumbu pecel, saus sambal, bumbu dapur, bumbu instan, petis, cuka
2025:10791|makanan bayi, bubur bayi
2025:10792|kue basah, jajan pasar, lemper, klepon, getuk, lapis, serabi, nagasari, onde-onde, apem, kue mangkok, cenil
2025:10793|santan, kelapa parut kering, nata de coco
2025:10794|kacang atom, kacang telur, kacang bawang, kerupuk, krupuk, keripik, kripik, peyek, rempeyek, emping, rengginang, opak, rambak, kerupuk ikan, kerupuk udang, keripik tempe, keripik singkong, keripik pisang, kerupuk rambak, emping melinjo, emping jagung, kerupuk kulit, krecek, lanting, criping, karak
2025:10795|susu kedelai, sari kedelai, krimer nabati
2025:10796|dodol, jenang, geplak, lempok, wajik
2025:10797|teh herbal, wedang uwuh, herbal kering
2025:10798|agar-agar, dodol rumput laut, rumput laut
2025:10799|makanan ringan, camilan, snack, madu, telur asin, tauco, enting-enting, tape, tape ketan, tapai ketan
2025:10801|pakan ternak, pakan ayam, pakan ikan, pelet ikan
2025:10802|konsentrat pakan
2025:11051|air kemasan, air mineral
2025:11052|depot air minum, air isi ulang, DAMIU
2025:11053|minuman ringan, minuman kemasan, es teh kemasan
2025:11059|jahe instan, minuman serbuk, wedang jahe, minuman herbal
2025:12001|rokok, rokok kretek, kretek tangan, SKT, rokok linting
2025:12002|rokok kretek mesin, SKM
2025:12003|rokok putih
2025:12004|tembakau rajangan, tembakau iris, tembakau kering, krosok
2025:12005|bumbu rokok
2025:12009|cerutu, rokok klobot, rokok klembak
2025:13112|benang, pemintalan benang
2025:13121|tenun mesin, kain tenun
2025:13122|tenun, kain tenun, tenun ikat, songket, sarung tenun, ATBM, tenun gedog, kain ikat, lurik, tenun lurik
2025:13132|jumputan, celup ikat, pencelupan kain, sablon kain, printing kain, ecoprint, eco print
2025:13133|batik, batik tulis, batik cap, kain batik
2025:13139|bordir
2025:13911|kain rajut
2025:13912|kain sulam, sulaman
2025:13921|sprei, taplak, gorden, sarung bantal
2025:13922|bantal, guling, kasur kapuk
2025:13929|tas kain, masker kain, bendera, goodie bag
2025:13941|tali, tali tambang
2025:13995|kapuk
2025:13996|bordir, kain bordir
2025:13999|bordir, sulaman
2025:14111|konveksi, pakaian jadi, kaos, seragam, baju, jilbab, kerudung, mukena, celana, busana muslim
2025:14112|jaket kulit
2025:14120|penjahit, jasa jahit, jahit baju, kebaya, busana pesanan
2025:14131|topi, dasi, sarung tangan
2025:14301|pakaian rajut, sweater, baju rajut, bordir, baju bordir, mukena bordir
2025:14302|kaos kaki
2025:15112|penyamakan kulit, kulit samak
2025:15121|tas kulit, dompet kulit, ikat pinggang kulit, tas, dompet
2025:15129|wayang kulit, kerajinan kulit
2025:15201|sepatu, sandal, sandal jepit, selop, alas kaki, sepatu kulit
2025:15202|sepatu olahraga, sepatu bola
2025:16101|penggergajian kayu, sawmill, papan kayu, balok kayu
2025:16103|pengawetan bambu
2025:16221|kusen, kusen kayu, pintu kayu, jendela kayu
2025:16230|peti kayu, palet kayu
2025:16291|anyaman, anyaman bambu, anyaman rotan, besek, tampah, bakul, keranjang bambu, kerajinan bambu, kerajinan rotan, tikar rotan
2025:16292|anyaman, anyaman pandan, tikar pandan, anyaman mendong, anyaman eceng gondok, tikar, topi pandan
2025:16293|ukiran kayu, patung kayu, kerajinan kayu, topeng kayu, wayang golek, wayang kayu
2025:16294|cobek kayu, centong, irus, talenan, sutil kayu, alat dapur bambu
2025:16295|kayu bakar, pelet kayu
2025:16299|tusuk sate, tusuk gigi, kerajinan kayu lainnya, sangkar burung, kurungan burung, kandang burung
2025:17022|kardus, dus, kotak kemasan
2025:17099|kerajinan kertas, kertas daur ulang
2025:18111|percetakan, cetak, undangan, sablon kertas
2025:18112|sablon, sablon kaos
2025:19205|briket, briket arang, briket tempurung
2025:20115|arang, arang kayu, arang tempurung, arang batok, arang batok kelapa
2025:20231|sabun, sabun cair, deterjen, pembersih lantai
2025:20232|kosmetik, lulur, bedak dingin, minyak rambut
2025:20235|parfum
2025:20294|minyak atsiri, minyak nilam, minyak sereh, minyak cengkeh, minyak kayu putih
2025:20295|korek api
2025:21021|simplisia, bahan jamu
2025:21022|jamu, jamu gendong, jamu serbuk, obat tradisional, herbal, jamu tradisional, beras kencur, kunyit asam
2025:22202|kantong plastik, plastik kemasan
2025:22205|ember plastik, alat rumah tangga plastik
2025:22209|kerajinan plastik
2025:23921|batu bata, bata merah
2025:23922|genteng, genteng tanah liat
2025:23932|gerabah, kendi, kuali tanah, cobek tanah liat, anglo, celengan, pot tanah liat, tembikar
2025:23939|gerabah hias, keramik hias, souvenir keramik
2025:23951|batako, paving, conblock, buis beton, gorong-gorong, roster
2025:23953|gipsum, ornamen gips, plafon gipsum
2025:23961|kerajinan marmer
2025:23969|cobek batu, ulekan batu, kerajinan batu, batu nisan, patung batu
2025:25111|teralis, pagar besi, kanopi, pintu besi, bengkel las
2025:25112|kusen aluminium, jendela aluminium
2025:25931|cangkul, sabit, arit, parang, alat pertanian, pandai besi, palu, pahat
2025:25932|pisau, pisau dapur, gunting, golok, gergaji
2025:25933|sendok, garpu, alat makan logam
2025:25992|panci, wajan, dandang, alat dapur logam
2025:28210|mesin pertanian, perontok padi
2025:28250|mesin pengolah makanan
2025:30921|becak, sepeda
2025:31011|mebel, meubel, furnitur kayu, lemari, kursi kayu, meja kayu, mebel kayu, perabot, furniture, furnitur, mebel jati, kursi jati
2025:31012|mebel rotan, kursi rotan, mebel bambu, furnitur bambu
2025:31021|kursi plastik
2025:31022|mebel besi, kursi besi, rak besi
2025:31029|spring bed, kasur pegas
2025:32112|perhiasan emas, perhiasan perak, cincin, kalung, kerajinan perak
2025:32120|perhiasan imitasi, aksesoris, manik-manik, gelang manik, bros
2025:32201|gamelan, angklung, kendang, gong, rebana, kolintang, alat musik tradisional
2025:32202|gitar
2025:32300|alat olahraga, bola, raket, shuttlecock, kok
2025:32402|mainan, mainan anak, mainan kayu, boneka
2025:32901|pensil, kapur tulis, alat tulis
2025:32903|kerajinan, kerajinan tangan, souvenir, suvenir, cenderamata, kerajinan kerang, kerajinan batok kelapa, kerajinan tempurung
2025:32905|sabut kelapa, cocofiber, keset sabut
2025:32906|rambut palsu, bulu mata palsu, wig
2025:32907|kancing, ritsleting
2025:32909|lilin, sapu ijuk, sapu lidi
`;
