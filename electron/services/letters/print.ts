/**
 * Printing adapter. The plain-Node main side does not know how to show a print dialog; the Electron shell
 * passes an implementation to bootApp in `platform.printer` (electron/shell/print-pdf.ts). Without one
 * (browser mode, tests), `letter:print` answers printed=false and the page opens the PDF in the browser.
 */
export interface PdfPrinter {
  /** Shows the system print dialog for the PDF at this absolute path. */
  print(absPath: string): Promise<void>;
}
