import { Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
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
 * The three computed size classes of a business, each with the regulation that decided it and the reason
 * (in a tooltip on the badge and as a line under it): `<SizeClassBadges classes={record.sizeClasses} />`.
 */
export function SizeClassBadges({ classes }: { classes: SizeClasses }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="size-classes">
      {KINDS.map((kind) => {
        const c = classes[kind];
        const label = c.value ? t(`sizeClass.${kind}.${c.value}`) : t('sizeClass.unknown');
        const reason = t(c.reason);
        return (
          <Paper key={kind} withBorder p="xs" radius="sm" data-testid={`size-class-${kind}`}>
            {/* a long class name moves under the title instead of squeezing it into a narrow column */}
            <Group justify="space-between" wrap="wrap" align="flex-start" gap="xs">
              <Stack gap={2} style={{ flex: '1 1 9rem', minWidth: '9rem' }}>
                <Text size="sm" fw={600}>
                  {t(`sizeClass.kinds.${kind}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('sizeClass.rule', { rule: c.rule })}
                </Text>
              </Stack>
              <Tooltip label={reason} multiline w={320} withArrow>
                <Badge
                  size="lg"
                  variant={c.value ? 'light' : 'outline'}
                  color={c.value ? (COLORS[c.value] ?? 'gray') : 'gray'}
                  style={{ flexShrink: 0 }}
                  data-testid={`size-class-${kind}-value`}
                >
                  {label}
                </Badge>
              </Tooltip>
            </Group>
            <Text size="xs" mt={4} c={c.value ? undefined : 'orange.8'}>
              {reason}
            </Text>
          </Paper>
        );
      })}
    </Stack>
  );
}
