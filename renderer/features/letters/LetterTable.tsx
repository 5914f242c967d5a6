import { ActionIcon, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconBan, IconCopy, IconEye, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LetterListItem } from '../../../shared/schemas/letter';
import { formatDateTime, formatDateTimeShort } from '../../lib/format';
import { showIpcError } from '../../lib/forms';
import { printLetter } from './pdf';
import { PdfPreviewModal } from './PdfPreviewModal';
import { useLetterMutations } from './queries';
import { useCanWrite } from '../../app/queries';
import { VoidModal } from './VoidModal';
import { EmptyText } from '../../components/EmptyText';

/** The register's rows, with view, print, reprint (SALINAN) and void. */
export function LetterTable({
  items,
  showBusiness = true,
}: {
  items: LetterListItem[];
  showBusiness?: boolean;
}) {
  const { t } = useTranslation();
  const { reprint } = useLetterMutations();
  // a letter shows the owner's full NIK: viewing, printing and reprinting it are for operators (issue 10)
  const canWrite = useCanWrite();
  const [preview, setPreview] = useState<LetterListItem | null>(null);
  const [voiding, setVoiding] = useState<LetterListItem | null>(null);
  if (items.length === 0) return <EmptyText>{t('letters.register.empty')}</EmptyText>;
  return (
    <>
      {/* narrow windows scroll the table inside its card, never the whole page */}
      <Table.ScrollContainer minWidth={showBusiness ? 900 : 760} type="native">
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="letter-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('letters.fields.number')}</Table.Th>
              {showBusiness && <Table.Th miw={160}>{t('letters.fields.business')}</Table.Th>}
              <Table.Th>{t('letters.fields.purpose')}</Table.Th>
              <Table.Th>{t('letters.fields.issuedAt')}</Table.Th>
              <Table.Th miw={130}>{t('letters.fields.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((l) => (
              <Table.Tr key={l.id} data-testid="letter-row" data-number={l.number}>
                <Table.Td>
                  <Text ff="monospace" size="xs" style={{ whiteSpace: 'nowrap' }}>
                    {l.number}
                  </Text>
                  {l.kind === 'salinan' && (
                    <Badge size="xs" variant="outline" color="gray">
                      {t('letters.kind.salinan')}
                    </Badge>
                  )}
                </Table.Td>
                {showBusiness && (
                  <Table.Td>
                    <Text component={Link} to={`/usaha/${l.businessId}`} size="sm" c="teal.8">
                      {l.businessName}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {l.registrationNumber}
                    </Text>
                  </Table.Td>
                )}
                <Table.Td>
                  {/* "pelatihan/pameran/bantuan" is one long word: let it break */}
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {l.purpose}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }} title={formatDateTime(l.issuedAt)}>
                    {formatDateTimeShort(l.issuedAt)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {l.issuedBy}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {l.status === 'voided' ? (
                    <Tooltip label={l.voidReason ?? ''} multiline w={260}>
                      <Badge color="red" variant="light" size="sm">
                        {t('letters.status.voided')}
                      </Badge>
                    </Tooltip>
                  ) : (
                    <Badge color="teal" variant="light" size="sm">
                      {t('letters.status.issued')}
                    </Badge>
                  )}
                  {l.status === 'voided' && (
                    <Text size="xs" c="dimmed" data-testid="void-reason">
                      {l.voidReason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end" display={canWrite ? undefined : 'none'}>
                    {[
                      {
                        label: t('letters.view'),
                        icon: IconEye,
                        disabled: !l.filePath,
                        onClick: () => setPreview(l),
                      },
                      {
                        label: t('letters.print'),
                        icon: IconPrinter,
                        disabled: !l.filePath,
                        onClick: () => printLetter(l).catch((e: unknown) => showIpcError(e, t)),
                      },
                      {
                        label: t('letters.reprint'),
                        icon: IconCopy,
                        disabled: l.status === 'voided' || reprint.isPending,
                        onClick: () => reprint.mutate(l.id, { onSuccess: (copy) => setPreview(copy) }),
                      },
                      {
                        label: t('letters.void.action'),
                        icon: IconBan,
                        color: 'red',
                        disabled: l.status === 'voided',
                        onClick: () => setVoiding(l),
                      },
                    ].map(({ label, icon: Icon, color, disabled, onClick }) => (
                      <Tooltip key={label} label={label}>
                        <ActionIcon
                          variant="subtle"
                          color={color}
                          aria-label={label}
                          disabled={disabled}
                          onClick={onClick}
                        >
                          <Icon size={18} />
                        </ActionIcon>
                      </Tooltip>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <PdfPreviewModal letter={preview} onClose={() => setPreview(null)} />
      <VoidModal letter={voiding} onClose={() => setVoiding(null)} />
    </>
  );
}
