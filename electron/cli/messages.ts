/**
 * Command-line messages, Indonesian first and English second, for the i18n keys the backup services use.
 * (The app shows the same keys through renderer/locales/<lang>/backup.json.)
 */
export const MESSAGES: Record<string, [string, string]> = {
  'backup.errors.cancelled': [
    'Pencadangan dibatalkan. Tidak ada berkas setengah jadi; cadangan lama tetap utuh.',
    'Backup cancelled. No partial file was left; earlier backups are untouched.',
  ],
  'backup.errors.targetFull': [
    'Flashdisk/folder tujuan penuh. Hapus berkas lain atau pakai flashdisk lain, lalu ulangi. Data di komputer ini aman.',
    'The target is full. Free some space or use another stick, then try again. The data on this PC is safe.',
  ],
  'backup.errors.notEnoughSpace': [
    'Ruang kosong di tujuan tidak cukup: perlu sekitar {{needMb}} MB, tersedia {{freeMb}} MB. Kosongkan ruang atau pakai flashdisk lain.',
    'Not enough free space on the target: about {{needMb}} MB needed, {{freeMb}} MB free. Free some space or use another stick.',
  ],
  'backup.errors.localDiskFull': [
    'Disk komputer ini hampir penuh (perlu {{needMb}} MB untuk salinan sementara, tersedia {{freeMb}} MB). Kosongkan ruang disk lalu ulangi.',
    'This PC’s disk is nearly full ({{needMb}} MB needed for the temporary copy, {{freeMb}} MB free). Free disk space and try again.',
  ],
  'backup.errors.fat32Limit': [
    'Berkas cadangan melebihi batas 4 GB sistem berkas FAT32. Format flashdisk sebagai exFAT atau NTFS, lalu ulangi.',
    'The backup exceeds FAT32’s 4 GB file limit. Format the stick as exFAT or NTFS, then try again.',
  ],
  'backup.errors.fat32TooBig': [
    'Cadangan akan berukuran sekitar {{sizeMb}} MB, melebihi batas 4 GB FAT32. Pakai flashdisk berformat exFAT atau NTFS.',
    'The backup will be about {{sizeMb}} MB, over FAT32’s 4 GB limit. Use a stick formatted as exFAT or NTFS.',
  ],
  'backup.errors.targetGone': [
    'Flashdisk tercabut atau folder tujuan hilang saat menulis. Pasang kembali lalu ulangi; cadangan lama dan data di komputer ini aman.',
    'The stick was removed or the target folder vanished while writing. Plug it back in and try again; earlier backups and the data on this PC are safe.',
  ],
  'backup.errors.targetReadOnly': [
    'Tujuan tidak bisa ditulisi (terkunci atau hanya-baca). Buka kunci flashdisk atau pilih folder lain.',
    'The target cannot be written (locked or read-only). Unlock the stick or choose another folder.',
  ],
  'backup.errors.targetMissing': [
    'Folder tujuan "{{target}}" tidak ditemukan. Pasang flashdisk atau periksa nama foldernya.',
    'Target folder "{{target}}" not found. Plug in the stick or check the folder name.',
  ],
  'backup.errors.readBackMismatch': [
    'Berkas yang dibaca ulang dari flashdisk tidak sama dengan yang ditulis: flashdisk mungkin rusak atau palsu. Pakai flashdisk lain.',
    'The file read back from the stick differs from what was written: the stick may be faulty or counterfeit. Use another stick.',
  ],
  'backup.errors.sourceCorrupt': [
    'Pemeriksaan basis data menemukan kerusakan; cadangan tidak dibuat. Hubungi petugas TI dan jangan hapus cadangan lama.',
    'The database check found damage; no backup was made. Call IT staff and keep the earlier backups.',
  ],
  'backup.errors.busy': [
    'Pencadangan atau pemulihan lain sedang berjalan. Tunggu sampai selesai.',
    'Another backup or restore is running. Wait until it ends.',
  ],
  'backup.errors.noKey': [
    'Kunci cadangan tidak ada di basis data. Selesaikan pengaturan awal dulu.',
    'The backup key is missing from the database. Finish the set-up first.',
  ],
  'backup.errors.wrongPassphrase': [
    'Frasa sandi cadangan salah. Periksa huruf besar/kecil dan spasi, lalu coba lagi. Tidak ada yang diubah.',
    'Wrong backup passphrase. Check capitals and spaces and try again. Nothing was changed.',
  ],
  'backup.errors.corrupt': [
    'Berkas cadangan rusak (isi berubah). Pakai cadangan lain yang lebih lama. Tidak ada yang diubah.',
    'The backup file is damaged (its content changed). Use another, older backup. Nothing was changed.',
  ],
  'backup.errors.truncated': [
    'Berkas cadangan terpotong (tidak lengkap), mungkin flashdisk dicabut saat menyalin. Pakai cadangan lain. Tidak ada yang diubah.',
    'The backup file is truncated (incomplete), perhaps the stick was pulled while copying. Use another backup. Nothing was changed.',
  ],
  'backup.errors.notBackup': [
    'Berkas ini bukan cadangan Daftar IKM.',
    'This file is not a Daftar IKM backup.',
  ],
  'backup.errors.backupCorrupt': [
    'Basis data di dalam cadangan rusak. Pakai cadangan lain. Tidak ada yang diubah.',
    'The database inside the backup is damaged. Use another backup. Nothing was changed.',
  ],
  'backup.errors.schemaTooNew': [
    'Cadangan ini dibuat oleh versi Daftar IKM yang lebih baru. Perbarui aplikasi dulu, lalu pulihkan lagi.',
    'This backup was made by a newer version of Daftar IKM. Update the app first, then restore again.',
  ],
  'backup.errors.fileMissing': [
    'Berkas cadangan tidak ditemukan. Periksa flashdisk dan nama berkasnya.',
    'Backup file not found. Check the stick and the file name.',
  ],
  'backup.errors.planExpired': [
    'Pemeriksaan cadangan sudah kedaluwarsa. Periksa cadangan sekali lagi.',
    'The backup check has expired. Check the backup again.',
  ],
  'backup.errors.dbBusy': [
    'Basis data sedang dipakai program lain (mis. aplikasi Daftar IKM masih terbuka). Tutup dulu, lalu ulangi. Tidak ada yang diubah.',
    'The database is in use by another program (e.g. Daftar IKM is still open). Close it, then try again. Nothing was changed.',
  ],
  'backup.errors.swapFailed': [
    'Penggantian basis data gagal; basis data lama tetap dipakai. Ulangi; jika berulang, hubungi petugas TI.',
    'Replacing the database failed; the old database is still in use. Try again; if it repeats, call IT staff.',
  ],
  'errors.notSetUp': [
    'Kantor belum diatur di folder data ini. Selesaikan pengaturan awal di aplikasi dulu.',
    'The office is not set up in this data folder. Finish the set-up in the app first.',
  ],
  'errors.internal': [
    'Terjadi kesalahan tak terduga. Data yang sudah tersimpan aman. Lihat logs/main.log di folder data.',
    'An unexpected error occurred. Saved data is safe. See logs/main.log in the data folder.',
  ],
  'errors.diskFull': [
    'Disk penuh. Kosongkan ruang disk lalu coba lagi; data yang sudah tersimpan aman.',
    'Disk full. Free some space and try again; saved data is safe.',
  ],
};

export function message(key: string, params: Record<string, string | number> = {}): [string, string] {
  const m = MESSAGES[key] ?? [key, key];
  const fill = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
  return [fill(m[0]), fill(m[1])];
}
