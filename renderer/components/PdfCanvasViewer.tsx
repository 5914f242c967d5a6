import { ActionIcon, Alert, Box, Button, Center, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { useElementSize, useMergedRef } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconArrowAutofitWidth,
  IconChevronLeft,
  IconChevronRight,
  IconZoomIn,
  IconZoomOut,
} from '@tabler/icons-react';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canvasPixels, clampPage, fitScale, pageForKey, stepZoom, ZOOM_STEPS } from './pdf-viewer-logic';
import type { PdfDocument, PdfRenderTask } from './pdfjs';

export interface PdfCanvasViewerProps {
  /** Gets the PDF's bytes (the same bytes that print); called again when `loadKey` changes or on retry. */
  load: () => Promise<Uint8Array>;
  /** Identifies the document: a new key loads a new document. */
  loadKey: string | number;
  /** The viewer's accessible name (e.g. "Pratinjau surat"). */
  title: string;
  /** The page to open on (a letter inside a batch file); 1 when absent. */
  page?: number | null;
  /** Test id of the viewer; also kept on the region with the saved file's path as `data-file`. */
  testId?: string;
  dataFile?: string;
  height?: string;
}

/** The page area's padding (px) around the page. */
const PAD = 8;

type Loaded = { key: string | number; doc: PdfDocument } | { key: string | number; error: true };

/**
 * Shows a PDF with PDF.js drawing each page on a canvas inside the sandboxed renderer: no PDF plugin, no
 * frame, no blob: URL. One page at a time, fit to the viewer's width (zoom steps around it), a page count,
 * and keyboard navigation on the focusable page area (PageUp/PageDown, ←/→, Home/End). The loading task and
 * the document are destroyed when the viewer closes or shows another document.
 */
export function PdfCanvasViewer({
  load,
  loadKey,
  title,
  page: startPage,
  testId = 'pdf-viewer',
  dataFile,
  height = '72vh',
}: PdfCanvasViewerProps) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1);
  const { ref: boxRef, width } = useElementSize<HTMLDivElement>();
  const scrollRef = useRef<HTMLDivElement>(null);
  const regionRef = useMergedRef(boxRef, scrollRef);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  const current = loaded?.key === loadKey ? loaded : null;
  const doc = current && 'doc' in current ? current.doc : null;
  const failed = current !== null && 'error' in current;
  const count = doc?.numPages ?? 0;

  const getBytes = useEffectEvent(() => load());
  const onOpened = useEffectEvent((d: PdfDocument) => {
    setPage(clampPage(startPage, d.numPages));
    setZoom(1);
  });

  useEffect(() => {
    let closed = false;
    let task: { destroy(): Promise<void> } | null = null;
    void (async () => {
      try {
        const [{ openPdf }, bytes] = await Promise.all([import('./pdfjs'), getBytes()]);
        if (closed) return;
        const loading = openPdf(bytes);
        task = loading;
        const d = await loading.promise;
        if (closed) return;
        onOpened(d);
        setLoaded({ key: loadKey, doc: d });
      } catch (e) {
        if (closed) return;
        console.warn('PDF preview failed', e);
        setLoaded({ key: loadKey, error: true });
      }
    })();
    return () => {
      closed = true;
      // destroying the loading task destroys its document and ends the worker's work on it
      void task?.destroy();
    };
  }, [loadKey, attempt]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!doc || !canvas || page > doc.numPages) return;
    // data-drawn (read by the e2e tests) names the page once it is fully drawn; cleared while drawing
    delete canvas.dataset.drawn;
    let render: PdfRenderTask | null = null;
    let stopped = false;
    void (async () => {
      try {
        const p = await doc.getPage(page);
        if (stopped) return;
        const base = p.getViewport({ scale: 1 });
        // the room inside the padding and beside the scrollbar (clientWidth); `width` only re-runs this on resize
        const box = scrollRef.current;
        const room = box ? box.clientWidth - 2 * PAD : width;
        const viewport = p.getViewport({ scale: fitScale(room, base.width, zoom) });
        const px = canvasPixels(viewport.width, viewport.height, window.devicePixelRatio);
        canvas.width = px.width;
        canvas.height = px.height;
        canvas.style.width = `${Math.floor(viewport.width)}px`;
        canvas.style.height = `${Math.floor(viewport.height)}px`;
        render = p.render({
          canvas,
          viewport,
          transform: px.ratio !== 1 ? [px.ratio, 0, 0, px.ratio, 0, 0] : undefined,
        });
        await render.promise;
        if (!stopped) canvas.dataset.drawn = String(page);
      } catch (e) {
        if (stopped || (e instanceof Error && e.name === 'RenderingCancelledException')) return;
        console.warn('PDF page failed to draw', e);
        setLoaded({ key: loadKey, error: true });
      }
    })();
    return () => {
      stopped = true;
      render?.cancel();
    };
  }, [doc, page, zoom, width, loadKey]);

  const go = (n: number) => {
    setPage(n);
    scrollRef.current?.scrollTo({ top: 0 });
  };

  if (failed) {
    return (
      <Alert
        color="red"
        icon={<IconAlertTriangle size={18} />}
        title={t('pdfViewer.errorTitle')}
        data-testid={`${testId}-error`}
      >
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('pdfViewer.errorBody')}</Text>
          <Button size="xs" variant="light" color="red" onClick={() => setAttempt((a) => a + 1)}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  }

  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs">
        <Group gap={4}>
          <Tooltip label={t('pdfViewer.prev')}>
            <ActionIcon
              variant="default"
              aria-label={t('pdfViewer.prev')}
              disabled={!doc || page <= 1}
              onClick={() => go(page - 1)}
              data-testid={`${testId}-prev`}
            >
              <IconChevronLeft size={16} />
            </ActionIcon>
          </Tooltip>
          <Text size="sm" aria-live="polite" data-testid={`${testId}-pages`} miw={120} ta="center">
            {doc ? t('pdfViewer.pageOf', { page, count }) : t('pdfViewer.loading')}
          </Text>
          <Tooltip label={t('pdfViewer.next')}>
            <ActionIcon
              variant="default"
              aria-label={t('pdfViewer.next')}
              disabled={!doc || page >= count}
              onClick={() => go(page + 1)}
              data-testid={`${testId}-next`}
            >
              <IconChevronRight size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Group gap={4}>
          <Tooltip label={t('pdfViewer.zoomOut')}>
            <ActionIcon
              variant="default"
              aria-label={t('pdfViewer.zoomOut')}
              disabled={!doc || zoom <= ZOOM_STEPS[0]}
              onClick={() => setZoom((z) => stepZoom(z, -1))}
            >
              <IconZoomOut size={16} />
            </ActionIcon>
          </Tooltip>
          <Button
            variant="default"
            size="compact-sm"
            leftSection={<IconArrowAutofitWidth size={14} />}
            disabled={!doc || zoom === 1}
            onClick={() => setZoom(1)}
            aria-label={t('pdfViewer.fitWidth')}
          >
            {zoom === 1 ? t('pdfViewer.fitWidth') : `${Math.round(zoom * 100)}%`}
          </Button>
          <Tooltip label={t('pdfViewer.zoomIn')}>
            <ActionIcon
              variant="default"
              aria-label={t('pdfViewer.zoomIn')}
              disabled={!doc || zoom >= ZOOM_STEPS.at(-1)!}
              onClick={() => setZoom((z) => stepZoom(z, 1))}
            >
              <IconZoomIn size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Box
        ref={regionRef}
        role="region"
        aria-label={title}
        aria-roledescription={t('pdfViewer.roleDescription')}
        aria-keyshortcuts="PageUp PageDown ArrowLeft ArrowRight Home End"
        tabIndex={0}
        data-testid={testId}
        data-file={dataFile}
        data-pages={count || undefined}
        data-page={doc ? page : undefined}
        onKeyDown={(e) => {
          const to = pageForKey(e.key, page, count);
          if (to === null) return;
          e.preventDefault();
          if (to !== page) go(to);
        }}
        style={{
          height,
          overflow: 'auto',
          scrollbarGutter: 'stable',
          background: 'var(--mantine-color-gray-2)',
          border: '1px solid var(--mantine-color-gray-3)',
          borderRadius: 'var(--mantine-radius-sm)',
          padding: PAD,
        }}
      >
        {!doc && (
          <Center h="100%" data-testid={`${testId}-loading`}>
            <Group gap="xs">
              <Loader size="sm" />
              <Text size="sm" c="dimmed">
                {t('pdfViewer.loading')}
              </Text>
            </Group>
          </Center>
        )}
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={doc ? t('pdfViewer.pageOf', { page, count }) : undefined}
          data-testid={`${testId}-canvas`}
          style={{
            display: doc ? 'block' : 'none',
            margin: '0 auto',
            background: 'white',
            boxShadow: '0 1px 4px rgba(0,0,0,.25)',
          }}
        />
      </Box>
    </Stack>
  );
}
