/**
 * PDF.js for the preview, loaded on first use (its own chunk). The legacy build: Electron 45's Chromium lacks
 * some of the newest JavaScript the modern build calls (Map.prototype.getOrInsertComputed), the legacy build
 * carries those polyfills. The worker is the package's own file, emitted by Vite as an asset of the app, so
 * it loads from 'self' under the strict CSP (worker-src 'self'; no blob: worker, no eval, no WebAssembly).
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export type PdfDocument = Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
export type PdfLoadingTask = ReturnType<typeof pdfjs.getDocument>;
export type PdfRenderTask = ReturnType<Awaited<ReturnType<PdfDocument['getPage']>>['render']>;

/** Opens PDF bytes the app made itself; nothing is fetched (fonts are embedded in our PDFs). */
export function openPdf(data: Uint8Array): PdfLoadingTask {
  return pdfjs.getDocument({
    data,
    // no WebAssembly image decoders (the CSP has no 'wasm-unsafe-eval'; our PDFs have no JPEG 2000/JBIG2)
    useWasm: false,
    // nothing from the network or the disk: no standard-font or cMap URL, no XFA, no scripting
    useWorkerFetch: false,
    enableXfa: false,
    stopAtErrors: false,
  });
}
