import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconArchive,
  IconArrowBackUp,
  IconArrowsJoin,
  IconBuildingFactory2,
  IconCoin,
  IconEye,
  IconEyeOff,
  IconHeartHandshake,
  IconHistory,
  IconMapPin,
  IconPencil,
  IconTool,
  IconUser,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { BusinessDetail } from '../../../shared/schemas/business';
import { formatNpwp } from '../../../shared/validators/npwp';
import { formatPhone } from '../../../shared/validators/phone';
import { SizeClassBadges } from '../../components/SizeClassBadges';
import { formatDate, formatDateTime } from '../../lib/format';
import { BusinessTimeline } from './BusinessTimeline';
import { formatFieldValue } from './fieldFormat';
import { useBusiness } from './queries';
import { useBusinessHistory } from './record-queries';
import { ArchiveModal, MergeModal, RestoreModal } from './RecordActions';
import { LetterActions } from '../letters/LetterActions';
import { PermitsCard } from '../permits/PermitsCard';
import { useAppInfo } from '../../app/queries';
import { BusinessActivities } from '../activities/BusinessActivities';
import { DetailHeader } from '../../components/DetailHeader';

/** the business's fields shown as they are, label and format from the field table */
type OwnField =
  'legalForm' | 'workersMale' | 'workersFemale' | 'investment' | 'investmentLandBuilding' | 'capital';

function Field({
  label,
  value,
  mono,
  span,
}: {
  label: string;
  value: ReactNode;
  mono?: boolean;
  span?: boolean;
}) {
  return (
    <div style={span ? { gridColumn: '1 / -1' } : undefined}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" ff={mono ? 'monospace' : undefined} style={{ whiteSpace: 'pre-wrap' }}>
        {value === '' || value === null || value === undefined ? '—' : value}
      </Text>
    </div>
  );
}

function Card(props: { icon: ReactNode; title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={props.testId}>
      <Group gap="xs" mb="sm">
        {props.icon}
        <Title order={3} size="h5">
          {props.title}
        </Title>
      </Group>
      {props.children}
    </Paper>
  );
}

/** The non-empty parts, joined by sep. */
const joined = (sep: string, ...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(sep);

const address = (street: string | null, rt: string | null, rw: string | null) =>
  joined(', ', street, rt || rw ? `RT ${rt ?? '—'}/RW ${rw ?? '—'}` : null);

const iconColor = 'var(--mantine-color-blue-7)';

export function BusinessDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const q = useBusiness(id);
  const history = useBusinessHistory(id);
  const info = useAppInfo();
  const [showNik, setShowNik] = useState(false);
  const [archiveOpen, archive] = useDisclosure(false);
  const [restoreOpen, restore] = useDisclosure(false);
  const [mergeOpen, merge] = useDisclosure(false);
  if (q.isPending) return <Text>{t('common.loading')}</Text>;
  if (q.isError) return <Text c="red">{t('errors.notFound')}</Text>;
  const b: BusinessDetail = q.data;
  const f = (field: string, v: unknown) => formatFieldValue(t, field, v);
  /** one of the business's own fields, under its label, formatted as the field table says */
  const own = (key: OwnField) => <Field label={t(`business.fields.${key}`)} value={f(key, b[key])} />;
  const archived = b.archivedAt !== null;
  const merged = b.mergedIntoId !== null;
  const mergedInto = merged ? history.data?.find((e) => e.kind === 'mergedInto') : undefined;

  return (
    <Stack gap="md">
      <DetailHeader
        back={{ to: '/usaha', label: t('nav.businesses') }}
        title={b.name}
        badges={
          <>
            <Badge
              size="lg"
              variant="light"
              color={b.status === 'aktif' ? 'teal' : 'gray'}
              data-testid="status-badge"
            >
              {t(`business.status.${b.status}`)}
            </Badge>
            {archived && (
              <Badge size="lg" color="gray" variant="filled" data-testid="archived-badge">
                {t('business.detail.archivedTag')}
              </Badge>
            )}
          </>
        }
        actions={
          <Group gap="xs" data-testid="record-actions">
            {!merged && (
              <Button component={Link} to={`/usaha/${b.id}/ubah`} leftSection={<IconPencil size={16} />}>
                {t('business.detail.edit')}
              </Button>
            )}
            {/* ── LETTERS: the letters helper inserts <LetterActions businessId={b.id} /> on the next line ── */}
            <LetterActions businessId={b.id} />
            {/* ── end LETTERS ── */}
            {!archived && (
              <Button variant="default" leftSection={<IconArrowsJoin size={16} />} onClick={merge.open}>
                {t('business.detail.merge')}
              </Button>
            )}
            {!archived && (
              <Button
                variant="default"
                color="red"
                leftSection={<IconArchive size={16} />}
                onClick={archive.open}
              >
                {t('business.detail.archive')}
              </Button>
            )}
            {archived && !merged && (
              <Button color="teal" leftSection={<IconArrowBackUp size={16} />} onClick={restore.open}>
                {t('business.detail.restore')}
              </Button>
            )}
          </Group>
        }
      >
        <Text ff="monospace" c="dimmed" data-testid="registration-number">
          {b.registrationNumber}
        </Text>
        <Text size="sm" c="dimmed">
          {t('business.fields.registrationDate')}: {formatDate(b.registrationDate)} ·{' '}
          {t('business.fields.updatedAt')}: {formatDateTime(b.updatedAt)}
        </Text>
      </DetailHeader>

      {archived && !merged && (
        <Alert color="gray" icon={<IconArchive size={18} />} data-testid="archived-banner">
          {t('business.detail.archivedBanner', { date: formatDate(b.archivedAt) })}
        </Alert>
      )}
      {merged && (
        <Alert color="orange" icon={<IconArrowsJoin size={18} />}>
          <Group justify="space-between">
            <Text size="sm">
              {t('business.detail.mergedBanner', {
                number: String(mergedInto?.params.number ?? `#${b.mergedIntoId}`),
              })}
            </Text>
            <Anchor component={Link} to={`/usaha/${b.mergedIntoId}`} size="sm">
              {t('business.detail.openMerged')}
            </Anchor>
          </Group>
        </Alert>
      )}

      <PermitsCard
        businessId={b.id}
        regencyCode={b.villageCode?.slice(0, 5) ?? info.data?.office?.regencyCode ?? null}
        readOnly={merged}
      />

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Card
              icon={<IconUser size={20} color={iconColor} />}
              title={t('business.detail.sections.owner')}
              testId="card-owner"
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
                <Field label={t('business.fields.ownerName')} value={b.owner.name} />
                <Field
                  label={t('business.fields.nik')}
                  mono
                  value={
                    b.owner.nik ? (
                      <Group gap={6} component="span">
                        <span data-testid="owner-nik">{showNik ? b.owner.nik : b.owner.nikMasked}</span>
                        <UnstyledButton
                          onClick={() => setShowNik((s) => !s)}
                          aria-label={showNik ? t('business.detail.hideNik') : t('business.detail.showNik')}
                        >
                          {showNik ? <IconEyeOff size={14} /> : <IconEye size={14} />}
                        </UnstyledButton>
                      </Group>
                    ) : (
                      ''
                    )
                  }
                />
                <Field label={t('business.fields.ownerSex')} value={f('ownerSex', b.owner.sex)} />
                <Field
                  label={t('business.fields.ownerBirthDate')}
                  value={joined(', ', b.owner.birthPlace, formatDate(b.owner.birthDate))}
                />
                <Field label={t('business.fields.ownerPhone')} value={formatPhone(b.owner.phone)} mono />
                <Field
                  label={t('business.form.sections.ownerAddress')}
                  value={joined(', ', address(b.owner.street, b.owner.rt, b.owner.rw), b.owner.villageName)}
                />
              </SimpleGrid>
            </Card>

            <Card
              icon={<IconBuildingFactory2 size={20} color={iconColor} />}
              title={t('business.detail.sections.business')}
              testId="card-business"
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
                <Field label={t('business.fields.products')} value={b.products} />
                <Field label={t('business.fields.brand')} value={b.brand} />
                <Field
                  span
                  label={t('business.fields.kbli')}
                  value={
                    b.kbliCode ? (
                      <span data-testid="kbli">
                        <Text span ff="monospace" fw={600} size="sm">
                          {b.kbliCode}
                        </Text>{' '}
                        {b.kbliTitle ?? ''}{' '}
                        <Badge size="xs" variant="light" color="gray">
                          {t('kbli.version', { version: b.kbliVersion })}
                        </Badge>
                      </span>
                    ) : (
                      ''
                    )
                  }
                />
                <Field label={t('business.fields.sentra')} value={b.sentra} />
                {own('legalForm')}
                <Field
                  label={t('business.fields.yearStarted')}
                  value={b.yearStarted ? String(b.yearStarted) : ''}
                />
                <Field
                  label={t('business.fields.npwp')}
                  mono={!b.npwpSameAsNik}
                  value={b.npwpSameAsNik ? t('business.form.npwpSameAsNik') : formatNpwp(b.npwp)}
                />
                {b.statusReason && (
                  <Field span label={t('business.fields.statusReason')} value={b.statusReason} />
                )}
              </SimpleGrid>
            </Card>

            <Card
              icon={<IconMapPin size={20} color={iconColor} />}
              title={t('business.detail.sections.address')}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Field label={t('business.fields.street')} value={address(b.street, b.rt, b.rw)} />
                <Field label={t('business.fields.village')} value={b.villageName} />
              </SimpleGrid>
            </Card>

            <Card
              icon={<IconCoin size={20} color={iconColor} />}
              title={t('business.detail.sections.workforce')}
            >
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="sm">
                {own('workersMale')}
                {own('workersFemale')}
                <Field
                  label={t('business.fields.workersTotal')}
                  value={f(
                    'workersTotal',
                    b.workersMale === null && b.workersFemale === null
                      ? null
                      : (b.workersMale ?? 0) + (b.workersFemale ?? 0),
                  )}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm" mt="sm">
                {own('investment')}
                {own('investmentLandBuilding')}
                {own('capital')}
                <Field
                  label={t('business.fields.annualTurnover')}
                  value={joined(
                    ' ',
                    f('annualTurnover', b.annualTurnover),
                    b.turnoverYear ? `(${b.turnoverYear})` : '',
                  )}
                />
              </SimpleGrid>
            </Card>

            <Card
              icon={<IconTool size={20} color={iconColor} />}
              title={t('business.detail.sections.production')}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
                <Field
                  label={t('business.fields.productionCapacity')}
                  value={joined(' ', f('productionCapacity', b.productionCapacity), b.capacityUnit)}
                />
                <Field label={t('business.fields.rawMaterials')} value={b.rawMaterials} />
                <Field label={t('business.fields.energyUse')} value={b.energyUse} />
                <Field label={t('business.fields.waterUse')} value={b.waterUse} />
              </SimpleGrid>
            </Card>

            <Card
              icon={<IconHeartHandshake size={20} color={iconColor} />}
              title={t('business.detail.sections.needs')}
            >
              <Stack gap="sm">
                {(
                  [
                    { field: 'constraints', option: 'constraint', values: b.constraints, color: 'orange' },
                    { field: 'needs', option: 'need', values: b.needs, color: 'teal' },
                  ] as const
                ).map(({ field, option, values, color }) => (
                  <div key={field}>
                    <Text size="xs" c="dimmed" fw={600} mb={4}>
                      {t(`business.fields.${field}`)}
                    </Text>
                    <Group gap={6}>
                      {values.length === 0 && <Text size="sm">—</Text>}
                      {values.map((c) => (
                        <Badge key={c} variant="outline" color={color}>
                          {t(`business.${option}.${c}`)}
                        </Badge>
                      ))}
                    </Group>
                  </div>
                ))}
                {b.notes && <Field label={t('business.fields.notes')} value={b.notes} />}
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Paper withBorder p="md" radius="md" data-testid="card-size-classes">
              <Title order={3} size="h5" mb="sm">
                {t('business.detail.sections.sizeClasses')}
              </Title>
              <SizeClassBadges classes={b.sizeClasses} />
            </Paper>
            <Paper withBorder p="md" radius="md" data-testid="card-other-businesses">
              <Title order={3} size="h5" mb="sm">
                {t('business.detail.sections.otherBusinesses')}
              </Title>
              {b.ownerOtherBusinesses.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('business.detail.noOtherBusinesses')}
                </Text>
              ) : (
                <Stack gap={6}>
                  {b.ownerOtherBusinesses.map((o) => (
                    <Group key={o.id} gap="xs" wrap="nowrap">
                      <Anchor component={Link} to={`/usaha/${o.id}`} size="sm">
                        {o.name}
                      </Anchor>
                      <Text size="xs" ff="monospace" c="dimmed">
                        {o.registrationNumber}
                      </Text>
                      {o.archived && (
                        <Badge size="xs" color="gray" style={{ flexShrink: 0 }}>
                          {t('business.detail.archivedTag')}
                        </Badge>
                      )}
                    </Group>
                  ))}
                </Stack>
              )}
            </Paper>
            {/* ── ACTIVITIES: the activity timeline ── */}
            <BusinessActivities businessId={b.id} />
            {/* ── end ACTIVITIES ── */}
            <Paper withBorder p="md" radius="md" data-testid="card-history">
              <Group gap="xs" mb="md">
                <IconHistory size={20} color={iconColor} />
                <Title order={3} size="h5">
                  {t('business.detail.sections.history')}
                </Title>
              </Group>
              {history.data && <BusinessTimeline events={history.data} />}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>

      {archiveOpen && <ArchiveModal business={b} opened onClose={archive.close} />}
      {restoreOpen && <RestoreModal business={b} opened onClose={restore.close} />}
      {mergeOpen && <MergeModal business={b} opened onClose={merge.close} />}
    </Stack>
  );
}
