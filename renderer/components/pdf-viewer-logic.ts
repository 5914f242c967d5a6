/**
 * The PDF viewer's arithmetic, apart from React and PDF.js so it is unit-tested in Node
 * (test/unit/app/pdf-viewer-logic.test.ts).
 */

/** The zoom steps (1 = the page fills the viewer's width). */
export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;

/** The next page for a key pressed in the viewer, or null when the key is not the viewer's. */
export function pageForKey(key: string, page: number, count: number): number | null {
  if (count < 1) return null;
  const to = (n: number) => Math.min(count, Math.max(1, n));
  switch (key) {
    case 'PageDown':
    case 'ArrowRight':
      return to(page + 1);
    case 'PageUp':
    case 'ArrowLeft':
      return to(page - 1);
    case 'Home':
      return 1;
    case 'End':
      return count;
    default:
      return null;
  }
}

/** The first page to show: the one asked for (a letter inside a batch file), kept inside the document. */
export function clampPage(page: number | null | undefined, count: number): number {
  if (!page || !Number.isFinite(page)) return 1;
  return Math.min(Math.max(1, Math.trunc(page)), Math.max(1, count));
}

/** The next zoom step up (+1) or down (-1) from `zoom`. */
export function stepZoom(zoom: number, dir: 1 | -1): number {
  if (dir > 0) return ZOOM_STEPS.find((z) => z > zoom + 1e-9) ?? ZOOM_STEPS.at(-1)!;
  return [...ZOOM_STEPS].reverse().find((z) => z < zoom - 1e-9) ?? ZOOM_STEPS[0];
}

/**
 * The PDF.js scale for a page `pageWidth` points wide in a viewer `boxWidth` CSS pixels wide, at `zoom`
 * (1 = fit to width). A box not laid out yet (0) counts as an A4 page at 96 dpi, so nothing divides by zero.
 */
export function fitScale(boxWidth: number, pageWidth: number, zoom: number): number {
  const box = boxWidth > 0 ? boxWidth : 794;
  return pageWidth > 0 ? (box / pageWidth) * zoom : zoom;
}

/**
 * The canvas's size in device pixels for a viewport in CSS pixels: sharp on high-density screens, and never
 * above Chromium's canvas area limit (a big zoom on a big page would otherwise draw nothing).
 */
export function canvasPixels(
  cssWidth: number,
  cssHeight: number,
  dpr: number,
  maxArea = 16_777_216,
): { width: number; height: number; ratio: number } {
  let ratio = dpr > 0 ? dpr : 1;
  const area = cssWidth * cssHeight * ratio * ratio;
  if (area > maxArea) ratio = Math.sqrt(maxArea / (cssWidth * cssHeight));
  return {
    width: Math.max(1, Math.floor(cssWidth * ratio)),
    height: Math.max(1, Math.floor(cssHeight * ratio)),
    ratio,
  };
}
