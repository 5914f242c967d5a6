import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A large dialog's title: its icon, then the words (the merge and duplicates dialogs). */
export function ModalTitle({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap="xs">
      {icon}
      <Text fw={700} size="lg">
        {children}
      </Text>
    </Group>
  );
}
