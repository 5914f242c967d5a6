import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** What a list or table shows in its place when it has nothing to show. */
export function EmptyText({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" size="sm">
      {children}
    </Text>
  );
}
