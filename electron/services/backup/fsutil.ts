/**
 * File-system helpers for backup and restore: flush to the device, atomic replace, free space, and the one
 * fault-injection point the fault tests use (an injected ENOSPC at the write layer, so "target full" is
 * tested on every machine, not only where a tiny tmpfs can be mounted).
 */
import { closeSync, fsyncSync, openSync, promises as fsp, rmSync, statfsSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a directory entry (a rename) where the OS allows it; Windows and some file systems do not. */
export function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF' && code !== 'EACCES')
      throw e;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

export function freeBytes(dir: string): number | null {
  try {
    const s = statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

/** Removes a file if it is there; never throws (cleanup on a failure path must not hide the failure). */
export function rmQuiet(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // best effort
  }
}

export interface WriterLimits {
  /** FAT32: a file may not reach 4 GiB */
  maxFileBytes: number | null;
  /**
   * Tests only (`config.faultEnospcAfter`, from `DAFTAR_IKM_FAULT_ENOSPC_AFTER`): writes fail with ENOSPC once
   * this many bytes have been written.
   */
  faultEnospcAfter: number | null;
}

/** A sequential writer that counts bytes, honours the injected fault and the FAT32 file size limit. */
export class TargetWriter {
  written = 0;
  private constructor(
    readonly fh: FileHandle,
    private readonly limits: WriterLimits,
  ) {}
  static async open(file: string, limits: WriterLimits): Promise<TargetWriter> {
    return new TargetWriter(await fsp.open(file, 'wx'), limits);
  }
  async write(buf: Buffer): Promise<void> {
    const { faultEnospcAfter: limit, maxFileBytes } = this.limits;
    if (limit !== null && this.written + buf.length > limit) {
      throw Object.assign(new Error('ENOSPC: no space left on device (injected)'), { code: 'ENOSPC' });
    }
    if (maxFileBytes !== null && this.written + buf.length > maxFileBytes) {
      throw Object.assign(new Error('EFBIG: file too large for the target file system'), { code: 'EFBIG' });
    }
    let off = 0;
    while (off < buf.length) {
      const { bytesWritten } = await this.fh.write(buf, off, buf.length - off);
      off += bytesWritten;
    }
    this.written += buf.length;
  }
  async syncAndClose(): Promise<void> {
    await this.fh.sync();
    await this.fh.close();
  }
  async closeQuietly(): Promise<void> {
    await this.fh.close().catch(() => undefined);
  }
}
