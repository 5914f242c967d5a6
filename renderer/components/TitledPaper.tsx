import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A bordered block of a settings-like page: a bold title over its content. */
export function TitledPaper({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Text fw={600}>{title}</Text>
        {children}
      </Stack>
    </Paper>
  );
}
