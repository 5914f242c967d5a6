import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterListItem } from '../../../shared/schemas/letter';
import { showIpcError } from '../../lib/forms';
import { pdfUrl, printLetter } from './pdf';

/** Shows the saved PDF itself (the bytes that print) and prints it. */
export function PdfPreviewModal({ letter, onClose }: { letter: LetterListItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<{ id: number; url: string } | null>(null);
  const url = letter && loaded?.id === letter.id ? loaded.url : null;
  useEffect(() => {
    let revoke: string | null = null;
    if (!letter) return;
    pdfUrl(letter)
      .then((u) => {
        revoke = u.split('#')[0]!;
        setLoaded({ id: letter.id, url: u });
      })
      .catch((e: unknown) => showIpcError(e, t));
    return () => {
      if (revoke) URL.revokeObjectURL(revoke);
    };
  }, [letter, t]);
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
          {url && (
            <iframe
              title={t('letters.previewTitle')}
              src={url}
              data-testid="letter-preview-frame"
              data-file={letter.filePath ?? ''}
              style={{ width: '100%', height: '72vh', border: '1px solid var(--mantine-color-gray-3)' }}
            />
          )}
        </Stack>
      )}
    </Modal>
  );
}
