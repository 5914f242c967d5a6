import { Alert, Badge, Button, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { IconArrowLeft, IconDatabaseImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { DuplicateDecisions, RegisterDecisions } from './DuplicateDecisions';
import { useReview } from './queries';
import { VillageDecisions } from './VillageDecisions';

interface Props {
  uploadId: string;
  onBack: () => void;
  onCommit: () => void;
}

function Count({ decided, total }: { decided: number; total: number }) {
  return (
    <Badge size="sm" variant="light" color={decided >= total ? 'teal' : 'orange'} ml={6}>
      {decided}/{total}
    </Badge>
  );
}

/**
 * Step 4: what the dry run could not decide alone — desa names to confirm, rows that may be one business,
 * rows that may repeat the register. A row left undecided is not imported (it waits, and stays on the review
 * sheet); the clerk may commit the rest at any time.
 */
export function DecisionsStep({ uploadId, onBack, onCommit }: Props) {
  const { t } = useTranslation();
  const review = useReview(uploadId, true);
  const [tab, setTab] = useState<string | null>(null);
  const r = review.data;
  if (!r) return <Loader />;
  // every kind of decision has its panel; a tab shows only where there is something to decide
  const kinds = [
    { key: 'villages', c: r.villageGroups, Panel: VillageDecisions },
    { key: 'file', c: r.duplicateGroups, Panel: DuplicateDecisions },
    { key: 'register', c: r.registerRows, Panel: RegisterDecisions },
  ];
  const tabs = kinds.filter((x) => x.c.total > 0);
  const open = tab ?? tabs[0]?.key ?? null;
  const undecided = tabs.reduce((n, x) => n + x.c.total - x.c.decided, 0);
  const ready = r.summary.rows - r.summary.blocked;
  return (
    <Stack gap="md">
      {tabs.length === 0 ? (
        <Alert color="teal">{t('import.decide.none')}</Alert>
      ) : (
        <>
          <Text size="sm">{t('import.decide.intro')}</Text>
          <Tabs value={open} onChange={setTab} keepMounted={false}>
            <Tabs.List>
              {tabs.map((x) => (
                <Tabs.Tab key={x.key} value={x.key} data-testid={`decide-tab-${x.key}`}>
                  {t(`import.decide.tab.${x.key}`)}
                  <Count {...x.c} />
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {kinds.map(({ key, Panel }) => (
              <Tabs.Panel key={key} value={key} pt="sm">
                <Panel uploadId={uploadId} />
              </Tabs.Panel>
            ))}
          </Tabs>
        </>
      )}
      <Alert color={undecided ? 'orange' : 'blue'} data-testid="decide-status">
        {t('import.decide.ready', { ready: formatNumber(ready) })}{' '}
        {undecided ? t('import.decide.undecided', { count: undecided }) : t('import.decide.allDecided')}
      </Alert>
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
          {t('import.decide.backToSummary')}
        </Button>
        <Button color="teal" leftSection={<IconDatabaseImport size={16} />} onClick={onCommit}>
          {t('import.decide.commit')}
        </Button>
      </Group>
    </Stack>
  );
}
