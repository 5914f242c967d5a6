/**
 * Printing adapter. The plain-Node main side does not know how to show a print dialog; the Electron shell
 * registers an implementation at start (electron/shell/print-pdf.ts). Without one (browser mode, tests),
 * `letter:print` answers printed=false and the page opens the PDF in the browser, which prints it.
 */
export interface PdfPrinter {
  /** Shows the system print dialog for the PDF at this absolute path. */
  print(absPath: string): Promise<void>;
}

let printer: PdfPrinter | null = null;

export function setPdfPrinter(p: PdfPrinter | null): void {
  printer = p;
}

export function pdfPrinter(): PdfPrinter | null {
  return printer;
}
