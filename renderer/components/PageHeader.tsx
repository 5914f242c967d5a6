import { Button, Group, Text, Title, type ButtonProps } from '@mantine/core';
import type { TablerIcon } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A page's main action: a button on the right of its title, its icon drawn at 16 px. */
type Action = { label: string; icon: TablerIcon; onClick: () => void } & Pick<
  ButtonProps,
  'variant' | 'loading'
>;

/** A page's title, with a dimmed line under it when it has one, and the page's main action on the right. */
export function PageHeader({
  title,
  subtitle,
  action,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  action?: Action;
}) {
  const heading =
    subtitle === undefined ? (
      <Title order={2}>{title}</Title>
    ) : (
      <div>
        <Title order={2}>{title}</Title>
        <Text c="dimmed" size="sm">
          {subtitle}
        </Text>
      </div>
    );
  if (action === undefined) return heading;
  const { label, icon: ActionIcon, ...button } = action;
  return (
    <Group justify="space-between">
      {heading}
      <Button leftSection={<ActionIcon size={16} />} {...button}>
        {label}
      </Button>
    </Group>
  );
}
