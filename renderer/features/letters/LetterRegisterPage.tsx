import { Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconFiles } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IdDateInput } from '../../components/DateField';
import { LetterTable } from './LetterTable';
import { BatchModal } from './BatchModal';
import { useLetters } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { FilterSearch } from '../../components/FilterSearch';

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
      <PageHeader
        title={t('letters.register.title')}
        action={{ label: t('letters.batch.title'), icon: IconFiles, onClick: () => setBatch(true) }}
      />
      <Paper withBorder p="md">
        <Group align="flex-end">
          <IdDateInput label={t('letters.register.from')} value={from} onChange={setFrom} w={150} />
          <IdDateInput label={t('letters.register.to')} value={to} onChange={setTo} w={150} />
          <FilterSearch
            label={t('letters.register.search')}
            placeholder={t('letters.register.searchHint')}
            value={query}
            onChange={setQuery}
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
