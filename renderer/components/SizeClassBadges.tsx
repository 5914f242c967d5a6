import { ActionIcon, Badge, Group, Paper, Popover, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SizeClasses } from '../../shared/domain/size-class';

const COLORS: Record<string, string> = {
  rumah_tangga: 'teal',
  mikro: 'teal',
  kecil: 'blue',
  menengah: 'grape',
  sedang: 'grape',
  besar: 'orange',
};

const KINDS = ['industry', 'business', 'bps'] as const;

/**
 * The three computed size classes of a business (issue 11 item 15). Each line names its scheme
 * ("Permenperin 64/2016: Industri Kecil", "BPS: Industri Rumah Tangga/Mikro", "PP 7/2021: Usaha Mikro"), so
 * the two "Industri Kecil" of Permenperin and BPS cannot be taken for one; the rule that decided is one click
 * away (the info button), not printed under each badge. Without the data a scheme needs the line says what is
 * missing. PP 7/2021 also shows the class by capital and by annual sales, and the office's rule when they
 * differ (item 9). `<SizeClassBadges classes={record.sizeClasses} />`.
 */
export function SizeClassBadges({ classes }: { classes: SizeClasses }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} data-testid="size-classes">
      {KINDS.map((kind) => {
        const c = classes[kind];
        const scheme = t(`sizeClass.scheme.${kind}`);
        const b = kind === 'business' ? classes.business : null;
        const byCriterion = (v: string | null) =>
          v ? t(`sizeClass.business.${v}`) : t('sizeClass.criteria.notFilled');
        return (
          <Paper key={kind} withBorder px="sm" py={6} radius="sm" data-testid={`size-class-${kind}`}>
            <Group justify="space-between" wrap="nowrap" gap="xs" align="center">
              <Group gap={6} wrap="wrap" style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} data-testid={`size-class-${kind}-scheme`}>
                  {scheme}:
                </Text>
                {c.value ? (
                  <Badge
                    size="lg"
                    variant="light"
                    tt="none"
                    color={COLORS[c.value] ?? 'gray'}
                    data-testid={`size-class-${kind}-value`}
                  >
                    {t(`sizeClass.${kind}.${c.value}`)}
                  </Badge>
                ) : (
                  <Text size="sm" c="orange.9" data-testid={`size-class-${kind}-value`}>
                    {t('sizeClass.undetermined', { missing: c.missing ? t(c.missing) : '' })}
                  </Text>
                )}
              </Group>
              <Popover width={340} position="bottom-end" withArrow shadow="md">
                <Popover.Target>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('sizeClass.showRule', { scheme })}
                    data-testid={`size-class-${kind}-info`}
                  >
                    <IconInfoCircle size={18} />
                  </ActionIcon>
                </Popover.Target>
                <Popover.Dropdown data-testid={`size-class-${kind}-rule`}>
                  <Text size="xs" c="dimmed" fw={600}>
                    {t(`sizeClass.kinds.${kind}`)} · {t('sizeClass.rule', { rule: c.rule })}
                  </Text>
                  <Text size="sm" mt={4}>
                    {t(c.reason)}
                  </Text>
                  {b?.disagree && (
                    <Text size="sm" mt={6} fw={500}>
                      {t('sizeClass.ruleUsed', { rule: t(`sizeClass.pp7Rule.${b.pp7Rule}`) })}
                    </Text>
                  )}
                </Popover.Dropdown>
              </Popover>
            </Group>
            {b && (b.byCapital !== null || b.byTurnover !== null) && (
              <Text size="xs" c="dimmed" mt={4} data-testid="size-class-business-criteria">
                {t('sizeClass.criteria.capital')}: {byCriterion(b.byCapital)} ·{' '}
                {t('sizeClass.criteria.turnover')}: {byCriterion(b.byTurnover)}
                {b.disagree && (
                  <Text span size="xs" c="blue.8" fw={600} data-testid="size-class-business-rule-used">
                    {' '}
                    — {t('sizeClass.ruleUsedShort', { rule: t(`sizeClass.pp7Rule.${b.pp7Rule}`) })}
                  </Text>
                )}
              </Text>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
