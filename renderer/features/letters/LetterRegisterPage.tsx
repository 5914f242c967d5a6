import { Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconFiles } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IdDateInput } from '../../components/DateField';
import { LetterTable } from './LetterTable';
import { BatchModal } from './BatchModal';
import { useLetters } from './queries';

/** Every letter issued, voided ones included (their numbers are never reused). */
export function LetterRegisterPage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<'all' | 'issued' | 'voided'>('all');
  const [batch, setBatch] = useState(false);
  const q = useLetters({ from: from || null, to: to || null, query, status, limit: 200, offset: 0 });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('letters.register.title')}</Title>
        <Button leftSection={<IconFiles size={18} />} onClick={() => setBatch(true)}>
          {t('letters.batch.title')}
        </Button>
      </Group>
      <Paper withBorder p="md">
        <Group align="flex-end">
          <IdDateInput label={t('letters.register.from')} value={from} onChange={setFrom} w={150} />
          <IdDateInput label={t('letters.register.to')} value={to} onChange={setTo} w={150} />
          <TextInput
            style={{ flex: 1, minWidth: 220 }}
            label={t('letters.register.search')}
            placeholder={t('letters.register.searchHint')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
          <SegmentedControl
            aria-label={t('letters.fields.status')}
            value={status}
            onChange={(v) => setStatus(v)}
            data={[
              { value: 'all', label: t('letters.status.all') },
              { value: 'issued', label: t('letters.status.issued') },
              { value: 'voided', label: t('letters.status.voided') },
            ]}
          />
        </Group>
      </Paper>
      <Paper withBorder p="md">
        {q.data && (
          <Text size="sm" c="dimmed" mb="xs" data-testid="letter-total">
            {t('letters.register.total', { count: q.data.total })}
          </Text>
        )}
        {q.data && <LetterTable items={q.data.items} />}
      </Paper>
      <BatchModal opened={batch} onClose={() => setBatch(false)} />
    </Stack>
  );
}
