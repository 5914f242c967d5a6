import { call, fileUrl, isElectron } from '../../lib/ipc';

type LetterRef = { id: number; filePath: string | null; page?: number | null };

/** The saved file's URL in the browser mode (the server's /files/ route), for opening in a new tab. */
export function openUrl(letter: LetterRef): string | null {
  if (isElectron || !letter.filePath) return null;
  return `${fileUrl(letter.filePath)}${letter.page ? `#page=${letter.page}` : ''}`;
}

/**
 * The saved PDF's bytes (the same bytes that print) for the in-app preview (PdfCanvasViewer draws them with
 * PDF.js). Browser mode: fetched from /files/; Electron: over IPC (`letter:read`).
 */
export async function pdfBytes(letter: LetterRef): Promise<Uint8Array> {
  const direct = openUrl({ ...letter, page: null });
  if (direct) {
    const res = await fetch(direct);
    if (!res.ok) throw new Error(`PDF ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  }
  const { base64 } = await call('letter:read', { id: letter.id });
  return fromBase64(base64);
}

export function fromBase64(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** Print: Electron shows the system print dialog; the browser opens the PDF in a new tab to print from. */
export async function printLetter(letter: { id: number; filePath: string | null; page?: number | null }) {
  const r = await call('letter:print', { id: letter.id });
  if (r.printed) return;
  // printed=false only where no printer adapter exists, i.e. the browser mode, where the file has a URL
  const direct = openUrl(letter);
  if (direct) window.open(direct, '_blank', 'noopener');
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
