import { Anchor, Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetResult } from '../../../shared/schemas/activity';
import { call, fileUrl, isElectron } from '../../lib/ipc';
import { showIpcError } from '../../lib/forms';
import { PdfCanvasViewer } from '../../components/PdfCanvasViewer';
import { fromBase64 } from '../letters/pdf';

/**
 * Prints the day's daftar hadir (with `day`) or the participant recap (without): A4 or F4, rendered in main
 * and shown in a preview to print from.
 */
export function SheetButton({ activityId, day }: { activityId: number; day?: string }) {
  const { t } = useTranslation();
  const [paper, setPaper] = useState<'A4' | 'F4'>('A4');
  const [busy, setBusy] = useState(false);
  const [sheet, setSheet] = useState<SheetResult | null>(null);
  const run = async () => {
    setBusy(true);
    try {
      setSheet(
        day
          ? await call('activity:sheet', { activityId, day, paper })
          : await call('activity:recap', { activityId, paper }),
      );
    } catch (e) {
      showIpcError(e, t);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap="xs" align="flex-end">
      <SegmentedControl
        aria-label={t('activities.detail.paper')}
        value={paper}
        onChange={(v) => setPaper(v)}
        data={['A4', 'F4']}
      />
      <Button
        variant="default"
        leftSection={<IconPrinter size={16} />}
        onClick={() => void run()}
        loading={busy}
        data-testid={day ? 'sheet-print' : 'recap-print'}
      >
        {day ? t('activities.attendance.print') : t('activities.detail.recap')}
      </Button>
      {sheet && <PdfModal sheet={sheet} onClose={() => setSheet(null)} />}
    </Group>
  );
}

function PdfModal({ sheet, onClose }: { sheet: SheetResult; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} size="xl" title={t('activities.pdf.title')}>
      <Stack>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {sheet.filePath.split('/').at(-1)} · {t('activities.pdf.pages', { count: sheet.pages })}
          </Text>
          {!isElectron && (
            <Anchor href={fileUrl(sheet.filePath)} target="_blank" rel="noopener">
              {t('activities.pdf.open')}
            </Anchor>
          )}
        </Group>
        <PdfCanvasViewer
          load={() => Promise.resolve(fromBase64(sheet.base64))}
          loadKey={sheet.filePath}
          title={t('activities.pdf.title')}
          testId="sheet-preview"
          dataFile={sheet.filePath}
          height="68vh"
        />
      </Stack>
    </Modal>
  );
}
