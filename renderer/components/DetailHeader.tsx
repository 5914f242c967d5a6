import { Anchor, Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * The top of a record's page: a link back to its list, the title with its badges, the lines under it
 * (`children`), and the record's actions on the right.
 */
export function DetailHeader(props: {
  back: { to: string; label: string };
  title: string;
  titleTestId?: string;
  badges: ReactNode;
  actions: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <Anchor component={Link} to={props.back.to} size="sm">
        ← {props.back.label}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2} data-testid={props.titleTestId}>
              {props.title}
            </Title>
            {props.badges}
          </Group>
          {props.children}
        </div>
        {props.actions}
      </Group>
    </>
  );
}
