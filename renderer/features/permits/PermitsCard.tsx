import {
  ActionIcon,
  Badge,
  Button,
  FileButton,
  Group,
  Image,
  Modal,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArchive,
  IconFileCertificate,
  IconPaperclip,
  IconPencil,
  IconPlus,
  IconUpload,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PermitView } from '../../../shared/schemas/permit';
import type { PermitState } from '../../../shared/validators/permit';
import { formatDate } from '../../lib/format';
import { PdfCanvasViewer } from '../../components/PdfCanvasViewer';
import { fromBase64 } from '../letters/pdf';
import { call, isElectron } from '../../lib/ipc';
import { showIpcError } from '../../lib/forms';
import { PermitFormModal } from './PermitForm';
import { WarningList } from './PermitWarnings';
import { useBusinessPermits, useInvalidatePermits, usePermitTypes, useScanUpload } from './queries';
import { TableHead } from '../../components/TableHead';
import { ModalActions } from '../../components/ModalActions';

export const STATE_COLOR: Record<PermitState, string> = {
  berlaku: 'teal',
  segera_berakhir: 'orange',
  kedaluwarsa: 'red',
  dicabut: 'gray',
  tanpa_tanggal: 'blue',
};

export function PermitStateBadge({ state }: { state: PermitState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" data-testid="permit-state">
      {t(`permits.state.${state}`)}
    </Badge>
  );
}

/**
 * The permit's scan in the app: a PDF drawn by PDF.js (PdfCanvasViewer), a photo as an image. Nothing opens in
 * a new window (Electron refuses new windows; the main window has no PDF plugin).
 */
function ScanButton({ permitId, fileName }: { permitId: number; fileName: string }) {
  const { t } = useTranslation();
  const [scan, setScan] = useState<{ mime: string; base64: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      setScan(await call('permit:scanRead', { id: permitId }));
    } catch (e) {
      showIpcError(e, t);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Tooltip label={t('permits.scan.open', { name: fileName })}>
        <ActionIcon
          variant="subtle"
          loading={busy}
          onClick={() => void open()}
          aria-label={t('permits.scan.openShort')}
        >
          <IconPaperclip size={16} />
        </ActionIcon>
      </Tooltip>
      {scan && (
        <Modal opened onClose={() => setScan(null)} size="xl" title={fileName}>
          {scan.mime === 'application/pdf' ? (
            <PdfCanvasViewer
              load={() => Promise.resolve(fromBase64(scan.base64))}
              loadKey={`${permitId}:${scan.base64.length}`}
              title={t('permits.scan.openShort')}
              testId="scan-preview"
            />
          ) : (
            <Image
              src={`data:${scan.mime};base64,${scan.base64}`}
              alt={fileName}
              fit="contain"
              mah="72vh"
              data-testid="scan-preview-image"
            />
          )}
        </Modal>
      )}
    </>
  );
}

function ArchiveModal({ permit, onClose }: { permit: PermitView; onClose: () => void }) {
  const { t } = useTranslation();
  const invalidate = useInvalidatePermits();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened onClose={onClose} title={t('permits.archive.title', { type: permit.typeShortName })}>
      <Stack>
        <Text size="sm">{t('permits.archive.explain')}</Text>
        <TextInput
          label={t('permits.fields.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          withAsterisk
          data-testid="permit-archive-reason"
        />
        <ModalActions onCancel={onClose}>
          <Button
            color="red"
            loading={busy}
            disabled={!reason.trim()}
            onClick={async () => {
              setBusy(true);
              try {
                await call('permit:archive', { id: permit.id, reason });
                await invalidate();
                onClose();
              } catch (e) {
                showIpcError(e, t);
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('permits.archive.confirm')}
          </Button>
        </ModalActions>
      </Stack>
    </Modal>
  );
}

/** The business page's permits: state, warnings, scan, add/edit/archive (issue 8 item 5). */
export function PermitsCard(props: { businessId: number; regencyCode: string | null; readOnly: boolean }) {
  const { t } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const permits = useBusinessPermits(props.businessId, showArchived);
  const types = usePermitTypes();
  const upload = useScanUpload();
  const [editing, setEditing] = useState<PermitView | 'new' | null>(null);
  const [archiving, setArchiving] = useState<PermitView | null>(null);
  const doUpload = (permitId: number, file?: File | null) =>
    upload.mutate(
      { permitId, file: file ?? undefined },
      {
        onSuccess: (p) => p && notifications.show({ color: 'teal', message: t('permits.scan.saved') }),
        onError: (e) => showIpcError(e, t),
      },
    );
  const rows = permits.data ?? [];
  return (
    <Paper withBorder p="md" radius="md" data-testid="card-permits">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <IconFileCertificate size={20} color="var(--mantine-color-blue-7)" />
          <Title order={3} size="h5">
            {t('permits.card.title')}
          </Title>
          <Badge variant="light" color="gray">
            {rows.filter((p) => !p.archivedAt).length}
          </Badge>
        </Group>
        <Group gap="sm">
          <Switch
            size="xs"
            label={t('permits.card.showArchived')}
            checked={showArchived}
            onChange={(e) => setShowArchived(e.currentTarget.checked)}
          />
          {!props.readOnly && (
            <Button
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setEditing('new')}
              disabled={!types.data}
              data-testid="permit-add"
            >
              {t('permits.card.add')}
            </Button>
          )}
        </Group>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="permits-empty">
          {t('permits.card.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing={6} data-testid="permits-table">
            <TableHead
              columns={[
                t('permits.fields.type'),
                t('permits.fields.number'),
                t('permits.fields.issuer'),
                t('permits.fields.issueDate'),
                t('permits.fields.validUntil'),
                t('permits.fields.state'),
                null,
              ]}
            />
            <Table.Tbody>
              {rows.map((p) => (
                <PermitRow
                  key={p.id}
                  p={p}
                  readOnly={props.readOnly}
                  onEdit={() => setEditing(p)}
                  onArchive={() => setArchiving(p)}
                  onUpload={(f) => doUpload(p.id, f)}
                  uploading={upload.isPending && upload.variables?.permitId === p.id}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && types.data && (
        <PermitFormModal
          businessId={props.businessId}
          regencyCode={props.regencyCode}
          types={types.data}
          permit={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {archiving && <ArchiveModal permit={archiving} onClose={() => setArchiving(null)} />}
    </Paper>
  );
}

function PermitRow(props: {
  p: PermitView;
  readOnly: boolean;
  onEdit: () => void;
  onArchive: () => void;
  onUpload: (f?: File | null) => void;
  uploading: boolean;
}) {
  const { t } = useTranslation();
  const { p } = props;
  const live = !p.archivedAt && !props.readOnly;
  return (
    <>
      <Table.Tr data-testid="permit-row" style={p.archivedAt ? { opacity: 0.55 } : undefined}>
        <Table.Td>
          <Tooltip label={p.typeName}>
            <Text size="sm" fw={600}>
              {p.typeShortName}
            </Text>
          </Tooltip>
        </Table.Td>
        <Table.Td>
          <Text size="sm" ff="monospace" data-testid="permit-number-cell">
            {p.number ?? '—'}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" lineClamp={2}>
            {p.issuer ?? '—'}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{p.issueDate ? formatDate(p.issueDate) : '—'}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">
            {p.whileOperating
              ? t('permits.whileOperatingShort')
              : p.validUntil
                ? formatDate(p.validUntil)
                : '—'}
          </Text>
        </Table.Td>
        <Table.Td>
          <Group gap={4}>
            <PermitStateBadge state={p.state} />
            {p.archivedAt && (
              <Badge color="gray" variant="filled" size="sm">
                {t('permits.archived')}
              </Badge>
            )}
          </Group>
        </Table.Td>
        <Table.Td>
          <Group gap={4} wrap="nowrap" justify="flex-end">
            {p.scan && <ScanButton permitId={p.id} fileName={p.scan.fileName} />}
            {live &&
              (isElectron ? (
                <Tooltip label={t('permits.scan.upload')}>
                  <ActionIcon variant="subtle" loading={props.uploading} onClick={() => props.onUpload()}>
                    <IconUpload size={16} />
                  </ActionIcon>
                </Tooltip>
              ) : (
                <FileButton onChange={props.onUpload} accept="application/pdf,image/jpeg,image/png">
                  {(fb) => (
                    <Tooltip label={t('permits.scan.upload')}>
                      <ActionIcon
                        variant="subtle"
                        loading={props.uploading}
                        {...fb}
                        aria-label={t('permits.scan.upload')}
                        data-testid="permit-scan-upload"
                      >
                        <IconUpload size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </FileButton>
              ))}
            {live && (
              <ActionIcon
                variant="subtle"
                onClick={props.onEdit}
                aria-label={t('permits.card.edit')}
                data-testid="permit-edit"
              >
                <IconPencil size={16} />
              </ActionIcon>
            )}
            {live && (
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={props.onArchive}
                aria-label={t('permits.card.archive')}
              >
                <IconArchive size={16} />
              </ActionIcon>
            )}
          </Group>
        </Table.Td>
      </Table.Tr>
      {(p.warnings.length > 0 || p.notes || p.revokedReason) && (
        <Table.Tr>
          <Table.Td colSpan={7} pt={0}>
            <Stack gap={4}>
              {p.revokedReason && (
                <Text size="xs" c="dimmed">
                  {t('permits.revokedOn', { date: formatDate(p.revokedAt), reason: p.revokedReason })}
                </Text>
              )}
              {p.notes && (
                <Text size="xs" c="dimmed">
                  {p.notes}
                </Text>
              )}
              <WarningList warnings={p.warnings} compact />
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
