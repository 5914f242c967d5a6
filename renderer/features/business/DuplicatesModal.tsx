import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../shared/schemas/business';
import { CompareTable, RecordColumnTitle } from './CompareTable';
import { COMPARE_FIELDS, formValuesOf } from './fieldFormat';
import { ModalTitle } from '../../components/ModalTitle';

/**
 * Before a new registration is saved: the draft and each possible duplicate side by side, with why each was
 * found. "Ini usaha yang sama" opens the existing record (nothing new saved); "Usaha yang berbeda" saves.
 */
export function DuplicatesModal(props: {
  opened: boolean;
  draft: Record<string, unknown>;
  candidates: DuplicateCandidate[];
  busy: boolean;
  onSame: (c: DuplicateCandidate) => void;
  onDifferent: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const columns = [
    {
      key: 'draft',
      title: (
        <Stack gap={2}>
          <Text fw={700}>{t('business.duplicates.draft')}</Text>
          <Text size="xs" c="dimmed">
            {t('nav.register')}
          </Text>
        </Stack>
      ),
      values: props.draft,
    },
    ...props.candidates.map((c) => ({
      key: String(c.business.id),
      title: (
        <RecordColumnTitle heading={t('business.duplicates.candidate')} record={c.business} gap={4}>
          <Group gap={4}>
            {c.reasons.map((r) => (
              <Badge key={r} size="sm" color="orange" variant="light">
                {t(`business.duplicates.reason.${r}`)}
              </Badge>
            ))}
          </Group>
          <Button
            size="xs"
            variant="filled"
            color="teal"
            mt={4}
            loading={props.busy}
            onClick={() => props.onSame(c)}
            data-testid={`same-${c.business.id}`}
          >
            {t('business.duplicates.same')}
          </Button>
          <Text size="xs" c="dimmed" maw={220}>
            {t('business.duplicates.sameHint')}
          </Text>
        </RecordColumnTitle>
      ),
      values: formValuesOf(c.business),
    })),
  ];
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="min(1100px, 95vw)"
      title={
        <ModalTitle icon={<IconCopy size={20} color="var(--mantine-color-orange-7)" />}>
          {t('business.duplicates.title')}
        </ModalTitle>
      }
    >
      <Stack data-testid="duplicates-modal">
        <Text size="sm">{t('business.duplicates.intro', { count: props.candidates.length })}</Text>
        <CompareTable fields={COMPARE_FIELDS} columns={columns} testId="duplicates-compare" />
        <Group justify="space-between" align="flex-start">
          <Button variant="default" onClick={props.onClose}>
            {t('business.duplicates.back')}
          </Button>
          {/* each explanation beside its own button: "same" in its column above, "different" here */}
          <Group gap="sm" wrap="nowrap" align="center">
            <Text size="xs" c="dimmed" maw={360} ta="right" data-testid="different-hint">
              {t('business.duplicates.differentHint')}
            </Text>
            <Button onClick={props.onDifferent} loading={props.busy} data-testid="different">
              {t('business.duplicates.different')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
