import { Alert, Anchor, Button, Group, Menu, Modal, Progress, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportEnd, ExportFormat, ExportShape } from '../../../shared/schemas/export';
import { formatNumber } from '../../lib/format';
import { call, fileUrl, IpcError, onEvent } from '../../lib/ipc';
import type { ListQuery } from '../business/list-queries';

interface Running {
  jobId: string;
  fileRel: string;
  fileName: string;
  done: number;
  total: number;
  end: ExportEnd | null;
  error: string | null;
}

/** Offers a finished file: Electron's save dialog, or (browser mode) a download of exports/<name>. */
export async function offerFile(fileRel: string, fileName: string): Promise<string | null> {
  const r = await call('export:saveAs', { fileRel });
  if (r.supported) return r.savedTo;
  const a = document.createElement('a');
  a.href = fileUrl(fileRel);
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  return null;
}

/**
 * "Ekspor" on the list: the list as filtered on screen (or the whole register) to XLSX or CSV, as the register
 * or in SIINas's field order. Main writes the file in a worker; the modal shows its progress, can cancel, and
 * offers the file when it is ready.
 */
export function ExportMenu({ list }: { list: ListQuery }) {
  const { t } = useTranslation();
  const [run, setRun] = useState<Running | null>(null);

  useEffect(() => {
    if (!run || run.end) return;
    const offProgress = onEvent('export:progress', (p) => {
      if (p.jobId === run.jobId) setRun((r) => (r ? { ...r, done: p.done, total: p.total } : r));
    });
    const offEnd = onEvent('export:end', (e) => {
      if (e.jobId !== run.jobId) return;
      setRun((r) => (r ? { ...r, end: e, done: e.rows } : r));
      if (e.status === 'done' && e.fileRel && e.fileName) void offerFile(e.fileRel, e.fileName);
    });
    return () => {
      offProgress();
      offEnd();
    };
  }, [run?.jobId, run?.end]); // eslint-disable-line react-hooks/exhaustive-deps

  const start = async (format: ExportFormat, shape: ExportShape) => {
    try {
      const s = await call('export:start', { format, shape, list });
      setRun({ ...s, done: 0, total: -1, end: null, error: null });
    } catch (e) {
      setRun({
        jobId: '',
        fileRel: '',
        fileName: '',
        done: 0,
        total: -1,
        end: null,
        error: e instanceof IpcError ? e.error.message : 'errors.internal',
      });
    }
  };

  const end = run?.end;
  const pct = run && run.total > 0 ? Math.min(100, (run.done / run.total) * 100) : 0;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />}>
            {t('export.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('export.register')}</Menu.Label>
          <Menu.Item onClick={() => void start('xlsx', 'register')}>{t('export.xlsx')}</Menu.Item>
          <Menu.Item onClick={() => void start('csv', 'register')}>{t('export.csv')}</Menu.Item>
          <Menu.Label>{t('export.siinas')}</Menu.Label>
          <Menu.Item onClick={() => void start('xlsx', 'siinas')}>{t('export.siinasXlsx')}</Menu.Item>
          <Menu.Item onClick={() => void start('csv', 'siinas')}>{t('export.siinasCsv')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={run !== null}
        onClose={() => end && setRun(null)}
        title={t('export.title')}
        withCloseButton={Boolean(end || run?.error)}
      >
        {run?.error ? (
          <Stack>
            <Alert color="red">{t(run.error)}</Alert>
            <Button onClick={() => setRun(null)}>{t('common.close')}</Button>
          </Stack>
        ) : run ? (
          <Stack>
            <Text size="sm">{run.fileName}</Text>
            {!end && (
              <>
                <Progress value={pct} animated aria-label={t('export.progressLabel')} />
                <Text size="sm" c="dimmed" data-testid="export-progress">
                  {run.total >= 0
                    ? t('export.progress', { done: formatNumber(run.done), total: formatNumber(run.total) })
                    : t('export.preparing')}
                </Text>
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => void call('export:cancel', { jobId: run.jobId })}>
                    {t('export.cancel')}
                  </Button>
                </Group>
              </>
            )}
            {end?.status === 'done' && (
              <>
                <Alert color="teal" data-testid="export-done">
                  {t('export.done', { count: end.rows, formatted: formatNumber(end.rows) })}
                  {end.personalData === 'masked' ? ` ${t('export.masked')}` : ''}
                </Alert>
                <Group justify="space-between">
                  <Anchor
                    component="button"
                    onClick={() => void offerFile(end.fileRel!, end.fileName!)}
                    data-testid="export-download"
                  >
                    <IconDownload size={14} /> {t('export.downloadAgain')}
                  </Anchor>
                  <Button onClick={() => setRun(null)}>{t('common.close')}</Button>
                </Group>
              </>
            )}
            {end && end.status !== 'done' && (
              <>
                <Alert color={end.status === 'cancelled' ? 'yellow' : 'red'}>
                  {end.status === 'cancelled' ? t('export.cancelled') : t(end.message ?? 'errors.internal')}
                </Alert>
                <Button onClick={() => setRun(null)}>{t('common.close')}</Button>
              </>
            )}
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}
