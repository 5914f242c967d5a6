/**
 * "Save as…" for a finished export or report: the Electron shell passes its native save dialog to bootApp in
 * `platform.pickSavePath` (electron/shell/save-dialog.ts); the browser mode has none, and the page downloads
 * the file from /files/exports/ instead. Main only ever copies a file it made (found by name under exports/)
 * to the path the OS dialog answered.
 */
export type SavePicker = (suggestedName: string) => Promise<string | null>;
