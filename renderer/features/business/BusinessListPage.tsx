import { Badge, Button, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../lib/format';
import { useBusinessList } from './queries';

export function BusinessListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 150);
  const list = useBusinessList(debounced);
  return (
    <>
      <Group justify="space-between" className="page-title">
        <Title order={2}>{t('business.list.title')}</Title>
        <Button component={Link} to="/usaha/baru" leftSection={<IconPlus size={16} />}>
          {t('nav.register')}
        </Button>
      </Group>
      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder={t('business.list.searchPlaceholder')}
        aria-label={t('common.search')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        mb="md"
        autoFocus
      />
      <Paper withBorder>
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="business-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('business.fields.registrationNumber')}</Table.Th>
              <Table.Th>{t('business.fields.name')}</Table.Th>
              <Table.Th>{t('business.fields.ownerName')}</Table.Th>
              <Table.Th>{t('business.fields.nik')}</Table.Th>
              <Table.Th>{t('business.fields.village')}</Table.Th>
              <Table.Th>{t('business.fields.registrationDate')}</Table.Th>
              <Table.Th>{t('business.fields.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((b) => (
              <Table.Tr
                key={b.id}
                style={{ cursor: 'pointer' }}
                onClick={() => void navigate(`/usaha/${b.id}`)}
              >
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {b.registrationNumber}
                  </Text>
                </Table.Td>
                <Table.Td fw={600}>{b.name}</Table.Td>
                <Table.Td>{b.ownerName}</Table.Td>
                <Table.Td ff="monospace">{b.ownerNikMasked}</Table.Td>
                <Table.Td>{b.villageName}</Table.Td>
                <Table.Td>{formatDate(b.registrationDate)}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`business.status.${b.status}`)}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.data && list.data.items.length === 0 && (
          <Text c="dimmed" ta="center" py="xl">
            {debounced ? t('business.list.noMatch') : t('business.list.empty')}
          </Text>
        )}
      </Paper>
      {list.data && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('business.list.count', { count: list.data.total })}
        </Text>
      )}
    </>
  );
}
