import {
  Alert,
  Button,
  FileButton,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconDownload, IconShieldCheck, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyResult } from '../../../shared/schemas/letter';
import { formatDate, formatDateTime } from '../../lib/format';
import { call } from '../../lib/ipc';
import { showIpcError } from '../../lib/forms';
import { downloadText } from './pdf';
import { letterKeys, useOfficeKeys } from './queries';
import { TableHead } from '../../components/TableHead';
import { TitledPaper } from '../../components/TitledPaper';

const GOOD = new Set(['valid', 'validOtherOffice']);

function ResultCard({ r }: { r: VerifyResult }) {
  const { t } = useTranslation();
  const color = GOOD.has(r.status)
    ? 'teal'
    : r.status === 'voided' || r.status === 'notInRegister'
      ? 'orange'
      : 'red';
  const rec = r.record;
  return (
    <Alert
      color={color}
      title={t(`letters.verify.status.${r.status}`)}
      data-testid="verify-result"
      data-status={r.status}
    >
      <Stack gap={4}>
        <Text size="sm">{t(`letters.verify.explain.${r.status}`, { office: r.officeName ?? '' })}</Text>
        {rec && (
          <SimpleGrid cols={2} spacing={4} mt="xs">
            {(
              [
                ['number', rec.number, true],
                ['business', rec.businessName, false],
                ['registrationNumber', rec.registrationNumber, true],
                ['date', formatDate(rec.date), false],
                ['officeCode', rec.officeCode, true],
              ] as const
            ).map(([field, value, code]) => (
              <Fragment key={field}>
                <Text size="sm" c="dimmed">
                  {t(`letters.fields.${field}`)}
                </Text>
                <Text size="sm" ff={code ? 'monospace' : undefined}>
                  {value}
                </Text>
              </Fragment>
            ))}
          </SimpleGrid>
        )}
        {r.letter && (
          <Text size="sm" mt="xs">
            {t('letters.verify.register', {
              number: r.letter.number,
              business: r.letter.businessName,
              date: formatDateTime(r.letter.issuedAt),
            })}
            {r.letter.voidReason ? ` ${t('letters.verify.voidReason', { reason: r.letter.voidReason })}` : ''}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/** "Periksa surat": a QR's text, or the number and the verification code typed from the paper. */
export function VerifyPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const keys = useOfficeKeys();
  const [text, setText] = useState('');
  const [number, setNumber] = useState('');
  const [code, setCode] = useState('');
  const [result, setResult] = useState<VerifyResult | null>(null);
  const verify = useMutation({
    mutationFn: (input: { text?: string; number?: string; code?: string }) => call('letter:verify', input),
    onSuccess: setResult,
    onError: (e) => showIpcError(e, t),
  });
  const exportKey = useMutation({
    mutationFn: () => call('letter:keyExport'),
    onSuccess: (f) => downloadText(f.fileName, f.content),
    onError: (e) => showIpcError(e, t),
  });
  const importKey = useMutation({
    mutationFn: async (file: File) => call('letter:keyImport', { content: await file.text() }),
    onSuccess: async (k) => {
      await qc.invalidateQueries({ queryKey: letterKeys.keys });
      notifications.show({ color: 'teal', message: t('letters.keys.imported', { office: k.officeName }) });
    },
    onError: (e) => showIpcError(e, t),
  });
  return (
    <Stack maw={900}>
      <Title order={2}>{t('letters.verify.title')}</Title>
      <Paper withBorder p="lg">
        <Stack>
          <Textarea
            label={t('letters.verify.qrLabel')}
            description={t('letters.verify.qrHint')}
            autosize
            minRows={3}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          <Group>
            <Button
              leftSection={<IconShieldCheck size={18} />}
              disabled={!text.trim()}
              loading={verify.isPending}
              onClick={() => verify.mutate({ text })}
            >
              {t('letters.verify.check')}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {t('letters.verify.orTyped')}
          </Text>
          <Group align="flex-end">
            <TextInput
              style={{ flex: 1 }}
              label={t('letters.fields.number')}
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
            />
            <TextInput
              w={160}
              label={t('letters.verify.code')}
              placeholder="XXXX-XXXX"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
            />
            <Button
              variant="light"
              disabled={!number.trim() || !code.trim()}
              onClick={() => verify.mutate({ number, code })}
            >
              {t('letters.verify.checkTyped')}
            </Button>
          </Group>
          {result && <ResultCard r={result} />}
        </Stack>
      </Paper>
      <TitledPaper title={t('letters.keys.title')}>
        <Text size="sm" c="dimmed">
          {t('letters.keys.explain')}
        </Text>
        <Group>
          <Button
            variant="light"
            leftSection={<IconDownload size={16} />}
            onClick={() => exportKey.mutate()}
            loading={exportKey.isPending}
          >
            {t('letters.keys.export')}
          </Button>
          <FileButton onChange={(f) => f && importKey.mutate(f)} accept="application/json,.json">
            {(props) => (
              <Button variant="default" leftSection={<IconUpload size={16} />} {...props}>
                {t('letters.keys.import')}
              </Button>
            )}
          </FileButton>
        </Group>
        {keys.data && keys.data.length > 0 && (
          <Table>
            <TableHead
              columns={[
                t('letters.keys.office'),
                t('letters.fields.officeCode'),
                t('letters.keys.fingerprint'),
              ]}
            />
            <Table.Tbody>
              {keys.data.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>{k.officeName}</Table.Td>
                  <Table.Td ff="monospace">{k.officeCode}</Table.Td>
                  <Table.Td ff="monospace">{k.fingerprint}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </TitledPaper>
    </Stack>
  );
}
