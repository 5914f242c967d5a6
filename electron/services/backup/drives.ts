/**
 * Removable drives behind one interface on Windows (PowerShell CIM), Linux (lsblk + statfs) and macOS
 * (diskutil). Each platform's output is parsed by a pure function, unit-tested on captured samples.
 * `config.fakeDrives` (`DAFTAR_IKM_FAKE_DRIVES`, JSON: [{ "path": "/tmp/stick", "label": "KINGSTON", "fsType":
 * "vfat" }]) replaces the OS query in tests; nothing else is faked.
 */
import { execFile } from 'node:child_process';
import { statfsSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseJsonWith } from '../../../shared/json';
import type { Drive } from '../../../shared/schemas/backup';

export type { Drive };

/** FAT32 cannot hold a file of 4 GiB or more. */
export const FAT32_MAX_FILE = 4 * 1024 ** 3 - 1;

export function normaliseFsType(t: string | null | undefined): string | null {
  if (!t) return null;
  const s = t.trim().toLowerCase();
  if (s === 'vfat' || s === 'fat32' || s === 'msdos' || s === 'ms-dos fat32' || s === 'dos_fat_32')
    return 'FAT32';
  if (s === 'fat16' || s === 'ms-dos fat16' || s === 'dos_fat_16' || s === 'fat') return 'FAT16';
  if (s === 'exfat') return 'exFAT';
  if (s === 'ntfs' || s === 'ntfs3' || s === 'fuseblk' || s === 'windows_ntfs') return 'NTFS';
  if (s === 'apfs') return 'APFS';
  if (s === 'hfs' || s === 'hfs+' || s === 'mac os extended (journaled)') return 'HFS+';
  return t.trim();
}

export function isFat(fsType: string | null): boolean {
  return fsType === 'FAT32' || fsType === 'FAT16';
}

function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}
function bool(v: unknown): boolean {
  return v === true || v === 1 || v === '1' || v === 'true';
}

// ---------------------------------------------------------------- Linux

interface LsblkDev {
  name: string;
  rm?: boolean | string;
  hotplug?: boolean | string;
  tran?: string | null;
  mountpoint?: string | null;
  mountpoints?: (string | null)[];
  label?: string | null;
  fstype?: string | null;
  size?: number | string | null;
  children?: LsblkDev[];
}

/**
 * `lsblk -J -b -o NAME,RM,HOTPLUG,TRAN,MOUNTPOINT,LABEL,FSTYPE,SIZE` → mounted file systems on removable or
 * USB devices (removable/hot-plug/transport are inherited from the parent disk). Free space is filled later.
 */
export function parseLsblk(json: string): Drive[] {
  const data = JSON.parse(json) as { blockdevices?: LsblkDev[] };
  const out: Drive[] = [];
  const walk = (d: LsblkDev, parentRemovable: boolean) => {
    const removable = parentRemovable || bool(d.rm) || bool(d.hotplug) || d.tran === 'usb';
    const mp = d.mountpoint ?? d.mountpoints?.find((m) => m) ?? null;
    if (removable && mp && mp !== '[SWAP]') {
      out.push({
        id: `/dev/${d.name}`,
        path: mp,
        label: d.label || d.name,
        fsType: normaliseFsType(d.fstype),
        sizeBytes: num(d.size),
        freeBytes: null,
        removable: true,
      });
    }
    for (const c of d.children ?? []) walk(c, removable);
  };
  for (const d of data.blockdevices ?? []) walk(d, false);
  return out;
}

// ---------------------------------------------------------------- Windows

/** The PowerShell script: logical disks plus the drive letters that sit on a USB disk (no wmic). */
export const WINDOWS_SCRIPT = [
  '$ErrorActionPreference = "Stop";',
  '$usb = @(Get-CimInstance Win32_DiskDrive -Filter "InterfaceType=\'USB\'" | ForEach-Object {',
  '  Get-CimAssociatedInstance -InputObject $_ -ResultClassName Win32_DiskPartition | ForEach-Object {',
  '    Get-CimAssociatedInstance -InputObject $_ -ResultClassName Win32_LogicalDisk } } | ForEach-Object { $_.DeviceID });',
  '$ld = @(Get-CimInstance Win32_LogicalDisk | Select-Object DeviceID,VolumeName,FileSystem,Size,FreeSpace,DriveType);',
  '[pscustomobject]@{ logical = $ld; usb = $usb } | ConvertTo-Json -Compress -Depth 4',
].join(' ');

interface WinLogical {
  DeviceID: string;
  VolumeName?: string | null;
  FileSystem?: string | null;
  Size?: number | string | null;
  FreeSpace?: number | string | null;
  DriveType?: number;
}

/** Output of WINDOWS_SCRIPT → removable drives (DriveType 2) and fixed drives on a USB disk. */
export function parseWindows(json: string): Drive[] {
  const data = JSON.parse(json) as {
    logical?: WinLogical | WinLogical[] | null;
    usb?: string | string[] | null;
  };
  const logical = data.logical ? (Array.isArray(data.logical) ? data.logical : [data.logical]) : [];
  const usb = new Set(data.usb ? (Array.isArray(data.usb) ? data.usb : [data.usb]) : []);
  return logical
    .filter((d) => d.DriveType === 2 || usb.has(d.DeviceID))
    .filter((d) => d.FileSystem) // no medium in the card reader
    .map((d) => ({
      id: d.DeviceID,
      path: `${d.DeviceID}\\`,
      label: d.VolumeName || d.DeviceID,
      fsType: normaliseFsType(d.FileSystem),
      sizeBytes: num(d.Size),
      freeBytes: num(d.FreeSpace),
      removable: true,
    }));
}

// ---------------------------------------------------------------- macOS

type Plist = string | number | boolean | Plist[] | { [k: string]: Plist };

/** A small parser for the XML property lists diskutil prints (dict, array, string, integer, real, bools). */
export function parsePlist(xml: string): Plist {
  const re = /<(\/?)(dict|array|key|string|integer|real|true|false|date|data)(\s*\/)?>/g;
  const stack: { v: Plist[] | Record<string, Plist>; key: string | null }[] = [];
  let root: Plist | undefined;
  let m: RegExpExecArray | null;
  let textStart = 0;
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const add = (v: Plist) => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = v;
      return;
    }
    if (Array.isArray(top.v)) top.v.push(v);
    else if (top.key !== null) {
      top.v[top.key] = v;
      top.key = null;
    }
  };
  while ((m = re.exec(xml))) {
    const [, close, tag, selfClose] = m;
    if (selfClose) {
      if (tag === 'true') add(true);
      else if (tag === 'false') add(false);
      else if (tag === 'dict') add({});
      else if (tag === 'array') add([]);
      else if (tag === 'string') add('');
      continue;
    }
    if (!close) {
      if (tag === 'dict' || tag === 'array') {
        const v: Plist[] | Record<string, Plist> = tag === 'dict' ? {} : [];
        add(v);
        stack.push({ v, key: null });
      } else textStart = re.lastIndex;
      continue;
    }
    if (tag === 'dict' || tag === 'array') {
      stack.pop();
      continue;
    }
    const text = decode(xml.slice(textStart, m.index));
    if (tag === 'key') {
      const top = stack[stack.length - 1];
      if (top && !Array.isArray(top.v)) top.key = text;
    } else if (tag === 'integer' || tag === 'real') add(Number(text));
    else add(text);
  }
  if (root === undefined) throw new Error('empty plist');
  return root;
}

/** `diskutil list -plist external physical` → identifiers of mounted partitions (and APFS volumes). */
export function parseDiskutilList(xml: string): string[] {
  const p = parsePlist(xml) as Record<string, Plist>;
  const out: string[] = [];
  const visit = (d: Record<string, Plist>) => {
    if (typeof d.MountPoint === 'string' && d.MountPoint && typeof d.DeviceIdentifier === 'string')
      out.push(d.DeviceIdentifier);
    for (const k of ['Partitions', 'APFSVolumes'] as const) {
      const list = d[k];
      if (Array.isArray(list)) for (const c of list) visit(c as Record<string, Plist>);
    }
  };
  for (const d of (p.AllDisksAndPartitions as Record<string, Plist>[] | undefined) ?? []) visit(d);
  return out;
}

/** `diskutil info -plist diskNsM` → one drive, or null when it is internal or not mounted. */
export function parseDiskutilInfo(xml: string): Drive | null {
  const p = parsePlist(xml) as Record<string, Plist>;
  const mp = typeof p.MountPoint === 'string' ? p.MountPoint : '';
  if (!mp) return null;
  const removable = bool(p.RemovableMedia) || bool(p.Ejectable) || bool(p.Removable) || p.Internal === false;
  if (!removable) return null;
  const fsName = typeof p.FilesystemName === 'string' ? p.FilesystemName : null;
  const fsType = typeof p.FilesystemType === 'string' ? p.FilesystemType : null;
  return {
    id: String(p.DeviceIdentifier ?? mp),
    path: mp,
    label: (typeof p.VolumeName === 'string' && p.VolumeName) || mp,
    fsType: normaliseFsType(fsName ?? fsType),
    sizeBytes: num(p.TotalSize ?? p.Size),
    freeBytes: num(p.FreeSpace ?? p.APFSContainerFree ?? p.VolumeAvailableSpace),
    removable: true,
  };
}

// ---------------------------------------------------------------- the one interface

function run(cmd: string, args: string[], timeoutMs = 8000): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(cmd, args, { timeout: timeoutMs, windowsHide: true, maxBuffer: 4 << 20 }, (err, stdout) =>
      err ? reject(err) : resolve(stdout),
    ),
  );
}

function withStatfs(d: Drive): Drive {
  try {
    const s = statfsSync(d.path);
    return {
      ...d,
      freeBytes: Number(s.bavail) * Number(s.bsize),
      sizeBytes: d.sizeBytes ?? Number(s.blocks) * Number(s.bsize),
    };
  } catch {
    return d;
  }
}

const fakeDrivesSchema = z.array(
  z.object({ path: z.string().min(1), label: z.string().optional(), fsType: z.string().optional() }),
);

function fakeDrives(json: string): Drive[] {
  const r = parseJsonWith(fakeDrivesSchema, json);
  if (!r.ok) throw new Error('DAFTAR_IKM_FAKE_DRIVES is not a JSON list of { path, label?, fsType? }');
  return r.value
    .filter((f) => {
      try {
        return statSync(f.path).isDirectory();
      } catch {
        return false; // "unplugged"
      }
    })
    .map((f) =>
      withStatfs({
        id: f.path,
        path: f.path,
        label: f.label ?? f.path,
        fsType: normaliseFsType(f.fsType ?? null),
        sizeBytes: null,
        freeBytes: null,
        removable: true,
      }),
    );
}

/**
 * The removable drives now plugged in. Never throws: an OS query that fails gives an empty list. `fake`
 * (`config.fakeDrives`, tests only) replaces the OS query.
 */
export async function listDrives(fake: string | null): Promise<Drive[]> {
  if (fake) return fakeDrives(fake);
  try {
    if (process.platform === 'linux') {
      const out = await run('lsblk', ['-J', '-b', '-o', 'NAME,RM,HOTPLUG,TRAN,MOUNTPOINT,LABEL,FSTYPE,SIZE']);
      return parseLsblk(out).map(withStatfs);
    }
    if (process.platform === 'win32') {
      const out = await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', WINDOWS_SCRIPT]);
      return out.trim() ? parseWindows(out) : [];
    }
    if (process.platform === 'darwin') {
      const ids = parseDiskutilList(await run('diskutil', ['list', '-plist', 'external', 'physical']));
      const drives: Drive[] = [];
      for (const id of ids) {
        const d = parseDiskutilInfo(await run('diskutil', ['info', '-plist', id]));
        if (d) drives.push(d.freeBytes === null ? withStatfs(d) : d);
      }
      return drives;
    }
  } catch {
    return [];
  }
  return [];
}

/** The drive a target folder is on (the deepest mount point holding it), if it is a removable one. */
export async function driveOf(target: string, fake: string | null): Promise<Drive | null> {
  const abs = path.resolve(target);
  let best: Drive | null = null;
  for (const d of await listDrives(fake)) {
    const root = path.resolve(d.path);
    if (
      (abs === root || abs.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) &&
      (!best || root.length > best.path.length)
    )
      best = d;
  }
  return best;
}

export function drivesKey(drives: Drive[]): string {
  return drives
    .map((d) => `${d.id}|${d.path}|${d.label}`)
    .sort()
    .join(';');
}
