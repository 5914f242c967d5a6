import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LetterListItem } from '../../../shared/schemas/letter';
import { PdfCanvasViewer } from '../../components/PdfCanvasViewer';
import { showIpcError } from '../../lib/forms';
import { pdfBytes, printLetter } from './pdf';

/** Shows the saved PDF itself (the bytes that print, drawn by PDF.js) and prints it. */
export function PdfPreviewModal({ letter, onClose }: { letter: LetterListItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={letter !== null} onClose={onClose} size="xl" title={letter ? letter.number : ''}>
      {letter && (
        <Stack>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {letter.kind === 'salinan' ? t('letters.kind.salinan') : t('letters.kind.original')} ·{' '}
              {letter.businessName}
            </Text>
            <Button
              leftSection={<IconPrinter size={16} />}
              onClick={() => printLetter(letter).catch((e: unknown) => showIpcError(e, t))}
              data-testid="preview-print"
            >
              {t('letters.print')}
            </Button>
          </Group>
          <PdfCanvasViewer
            load={() => pdfBytes(letter)}
            loadKey={`${letter.id}:${letter.filePath ?? ''}`}
            page={letter.page}
            title={t('letters.previewTitle')}
            testId="letter-preview"
            dataFile={letter.filePath ?? ''}
            height="68vh"
          />
        </Stack>
      )}
    </Modal>
  );
}
