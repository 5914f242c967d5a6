import { call, fileUrl, isElectron } from '../../lib/ipc';

type LetterRef = { id: number; filePath: string | null; page?: number | null };

/** The saved file's URL in the browser mode (the server's /files/ route), for opening in a new tab. */
export function openUrl(letter: LetterRef): string | null {
  if (isElectron || !letter.filePath) return null;
  return `${fileUrl(letter.filePath)}${letter.page ? `#page=${letter.page}` : ''}`;
}

/**
 * A blob: URL of the saved PDF's bytes (the same bytes that print) for the in-app preview frame; the caller
 * revokes it. Browser mode: fetched from /files/ (which refuses to be framed itself); Electron: over IPC.
 */
export async function pdfUrl(letter: LetterRef): Promise<string> {
  const hash = letter.page ? `#page=${letter.page}` : '';
  const direct = openUrl({ ...letter, page: null });
  if (direct) {
    const res = await fetch(direct);
    if (!res.ok) throw new Error(`PDF ${res.status}`);
    const blob = new Blob([await res.arrayBuffer()], { type: 'application/pdf' });
    return `${URL.createObjectURL(blob)}${hash}`;
  }
  const { base64 } = await call('letter:read', { id: letter.id });
  return `${blobUrl(base64)}${hash}`;
}

export function blobUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/** Print: Electron shows the system print dialog; the browser opens the PDF in a new tab to print from. */
export async function printLetter(letter: { id: number; filePath: string | null; page?: number | null }) {
  const r = await call('letter:print', { id: letter.id });
  if (r.printed) return;
  const url = openUrl(letter) ?? (await pdfUrl(letter));
  window.open(url, '_blank', 'noopener');
}

/** Saves text as a file through the browser's download (the public key file). */
export function downloadText(fileName: string, content: string, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
