import { Alert, Card, Progress, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectAnswer } from '../../../shared/schemas/import';
import { formatNumber } from '../../lib/format';
import { call } from '../../lib/ipc';
import { errorKey } from './queries';
import { uploadFile } from './upload';

const mb = (n: number) => formatNumber(Math.round((n / (1024 * 1024)) * 10) / 10);

/** Step 1: the spreadsheet chosen with a plain file input, sent to main in chunks, then inspected. */
export function FileStep({ onInspected }: { onInspected: (r: InspectAnswer) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [sending, setSending] = useState<{ name: string; sent: number; total: number } | null>(null);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<{ key: string; params: Record<string, string | number> } | null>(null);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setSending({ name: file.name, sent: 0, total: file.size });
    try {
      const uploadId = await uploadFile(file, (sent, total) => setSending({ name: file.name, sent, total }));
      setReading(true);
      onInspected(await call('import:inspect', { uploadId }));
    } catch (e) {
      setError(errorKey(e));
    } finally {
      setSending(null);
      setReading(false);
    }
  };

  const busy = sending !== null;
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Text fw={600}>
          <IconFileSpreadsheet size={18} style={{ verticalAlign: 'text-bottom' }} /> {t('import.file.title')}
        </Text>
        <Text size="sm">{t('import.file.help')}</Text>
        <label htmlFor={id}>
          <Text size="sm" fw={500} mb={4}>
            {t('import.file.choose')}
          </Text>
        </label>
        <input
          id={id}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          data-testid="import-file"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            void choose(f);
          }}
        />
        {sending && (
          <Stack gap={4}>
            <Progress
              value={sending.total ? (sending.sent / sending.total) * 100 : 100}
              animated
              aria-label={t('import.file.sending')}
            />
            <Text size="sm" c="dimmed">
              {reading
                ? t('import.file.reading', { name: sending.name })
                : t('import.file.progress', {
                    name: sending.name,
                    sent: mb(sending.sent),
                    total: mb(sending.total),
                  })}
            </Text>
          </Stack>
        )}
        {error && (
          <Alert color="red" data-testid="import-file-error">
            {t(error.key, error.params)}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
