import { IMPORT_CHUNK_BYTES, IMPORT_MAX_BYTES } from '../../../shared/schemas/import';
import { call, IpcError } from '../../lib/ipc';

/** Base64 of bytes, in slices (a spread of 2 MiB into String.fromCharCode would overflow the stack). */
function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
  return btoa(bin);
}

/**
 * Sends the chosen file to main in chunks of at most 2 MiB (base64 in the JSON), the same way in Electron and
 * in the browser mode. A file over the cap is refused here before anything is sent, with main's own message.
 */
export async function uploadFile(
  file: File,
  onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  if (file.size > IMPORT_MAX_BYTES)
    throw new IpcError({
      code: 'VALIDATION',
      message: 'import.errors.tooLarge',
      params: { max: Math.round(IMPORT_MAX_BYTES / (1024 * 1024)) },
    });
  let uploadId: string | undefined;
  let sent = 0;
  onProgress(0, file.size);
  do {
    signal?.throwIfAborted();
    const end = Math.min(file.size, sent + IMPORT_CHUNK_BYTES);
    const bytes = new Uint8Array(await file.slice(sent, end).arrayBuffer());
    const r = await call('import:upload', {
      ...(uploadId ? { uploadId } : { fileName: file.name.slice(0, 255) }),
      chunk: toBase64(bytes),
      done: end >= file.size,
    });
    uploadId = r.uploadId;
    sent = end;
    onProgress(sent, file.size);
  } while (sent < file.size);
  return uploadId;
}
