/** The PDF viewer's page keys, zoom steps and canvas sizes (renderer/components/pdf-viewer-logic.ts). */
import { describe, expect, it } from 'vitest';
import {
  canvasPixels,
  clampPage,
  fitScale,
  pageForKey,
  stepZoom,
} from '../../../renderer/components/pdf-viewer-logic';

describe('PDF viewer logic', () => {
  it('page keys move within the document; other keys are not the viewer’s', () => {
    expect(pageForKey('PageDown', 1, 3)).toBe(2);
    expect(pageForKey('ArrowRight', 3, 3)).toBe(3);
    expect(pageForKey('PageUp', 1, 3)).toBe(1);
    expect(pageForKey('ArrowLeft', 2, 3)).toBe(1);
    expect(pageForKey('Home', 3, 3)).toBe(1);
    expect(pageForKey('End', 1, 20)).toBe(20);
    expect(pageForKey('Tab', 1, 3)).toBeNull();
    expect(pageForKey('a', 1, 3)).toBeNull();
    expect(pageForKey('End', 1, 0)).toBeNull();
  });

  it('the first page stays inside the document', () => {
    expect(clampPage(null, 5)).toBe(1);
    expect(clampPage(3, 5)).toBe(3);
    expect(clampPage(9, 5)).toBe(5);
    expect(clampPage(0, 5)).toBe(1);
    expect(clampPage(Number.NaN, 5)).toBe(1);
  });

  it('zoom steps around fit-to-width and stops at the ends', () => {
    expect(stepZoom(1, 1)).toBe(1.25);
    expect(stepZoom(1, -1)).toBe(0.75);
    expect(stepZoom(3, 1)).toBe(3);
    expect(stepZoom(0.5, -1)).toBe(0.5);
  });

  it('fit to width fills the box; an unmeasured box counts as an A4 page', () => {
    expect(fitScale(595, 595, 1)).toBeCloseTo(1);
    expect(fitScale(1190, 595, 1)).toBeCloseTo(2);
    expect(fitScale(1190, 595, 1.5)).toBeCloseTo(3);
    expect(fitScale(0, 595, 1)).toBeGreaterThan(1);
    expect(Number.isFinite(fitScale(0, 0, 1))).toBe(true);
  });

  it('the canvas is sharp on dense screens but never above the area limit', () => {
    expect(canvasPixels(800, 1000, 2)).toEqual({ width: 1600, height: 2000, ratio: 2 });
    const huge = canvasPixels(4000, 6000, 2);
    expect(huge.width * huge.height).toBeLessThanOrEqual(16_777_216);
    expect(huge.width).toBeGreaterThan(0);
    expect(canvasPixels(10, 10, 0).ratio).toBe(1);
  });
});
