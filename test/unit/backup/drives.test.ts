import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  listDrives,
  normaliseFsType,
  parseDiskutilInfo,
  parseDiskutilList,
  parseLsblk,
  parsePlist,
  parseWindows,
} from '../../../electron/services/backup/drives';

const sample = (n: string) => readFileSync(path.join('test', 'fixtures', 'backup', n), 'utf8');

describe('drive list parsers (captured sample outputs)', () => {
  it('Linux lsblk: only mounted file systems on removable/hot-plug/USB disks, inheriting from the disk', () => {
    const d = parseLsblk(sample('lsblk-usb.json'));
    expect(d.map((x) => [x.path, x.label, x.fsType, x.sizeBytes])).toEqual([
      ['/media/siti/KINGSTON', 'KINGSTON', 'FAT32', 15516827648],
      ['/media/siti/WD Elements', 'WD Elements', 'exFAT', 1000202788864],
    ]);
    expect(d[0]!.id).toBe('/dev/sdb1');
  });
  it('Linux lsblk of this VM (captured here): the system disk is not offered', () => {
    expect(parseLsblk(sample('lsblk-vm.json'))).toEqual([]);
  });
  it('Linux lsblk of util-linux 2.33 (booleans and sizes as strings)', () => {
    const d = parseLsblk(sample('lsblk-util-linux-2.33.json'));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ path: '/media/pi/SANDISK', fsType: 'FAT32', sizeBytes: 7748976640 });
  });
  it('Windows CIM: removable drives and fixed drives on a USB disk, not network or empty card readers', () => {
    const d = parseWindows(sample('windows-cim.json'));
    expect(d.map((x) => [x.path, x.label, x.fsType, x.freeBytes])).toEqual([
      ['E:\\', 'KINGSTON', 'FAT32', 14930640896],
      ['G:\\', 'WD Elements', 'exFAT', 702169226240],
    ]);
  });
  it('Windows CIM with a single object (ConvertTo-Json does not wrap one item) and no USB disk', () => {
    expect(parseWindows(sample('windows-cim-single.json'))).toEqual([]);
  });
  it('macOS diskutil list: mounted partitions; diskutil info: removable FAT32 stick, internal disk refused', () => {
    expect(parseDiskutilList(sample('diskutil-list-external.plist'))).toEqual(['disk4s1']);
    expect(parseDiskutilInfo(sample('diskutil-info-fat32.plist'))).toMatchObject({
      path: '/Volumes/KINGSTON',
      label: 'KINGSTON',
      fsType: 'FAT32',
      sizeBytes: 15513829376,
      freeBytes: 14930640896,
    });
    expect(parseDiskutilInfo(sample('diskutil-info-internal.plist'))).toBeNull();
  });
  it('plist parser decodes entities and nested containers', () => {
    const p = parsePlist(sample('diskutil-info-internal.plist')) as Record<string, unknown>;
    expect(p.VolumeName).toBe('Data - Data & more');
    expect(p.Internal).toBe(true);
  });
  it('file system names are normalised across platforms', () => {
    expect(['vfat', 'FAT32', 'MS-DOS FAT32', 'msdos'].map(normaliseFsType)).toEqual([
      'FAT32',
      'FAT32',
      'FAT32',
      'FAT32',
    ]);
    expect(normaliseFsType('exfat')).toBe('exFAT');
    expect(normaliseFsType('fuseblk')).toBe('NTFS');
  });
});

describe('fake drive list (tests only: config.fakeDrives, from DAFTAR_IKM_FAKE_DRIVES)', () => {
  it('lists the folders that exist, with free space from statfs; a removed folder is an unplugged stick', async () => {
    const a = mkdtempSync(path.join(os.tmpdir(), 'stick-a-'));
    const b = mkdtempSync(path.join(os.tmpdir(), 'stick-b-'));
    const fake = JSON.stringify([
      { path: a, label: 'KINGSTON', fsType: 'vfat' },
      { path: b, label: 'SANDISK', fsType: 'exfat' },
    ]);
    let d = await listDrives(fake);
    expect(d.map((x) => [x.label, x.fsType])).toEqual([
      ['KINGSTON', 'FAT32'],
      ['SANDISK', 'exFAT'],
    ]);
    expect(d[0]!.freeBytes).toBeGreaterThan(0);
    rmSync(b, { recursive: true });
    d = await listDrives(fake);
    expect(d.map((x) => x.label)).toEqual(['KINGSTON']);
    rmSync(a, { recursive: true });
  });

  it('a fake list of the wrong shape is refused with a message naming the knob', async () => {
    await expect(listDrives(JSON.stringify({ path: '/tmp' }))).rejects.toThrow(/DAFTAR_IKM_FAKE_DRIVES/);
  });
});
