import {
  AppShell,
  Avatar,
  Badge,
  Box,
  Button,
  Center,
  Group,
  Loader,
  NavLink as MantineNavLink,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { IconKey, IconLogout } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { call } from '../lib/ipc';
import { navFor } from './nav';
import { appKeys, useAppInfo } from './queries';

export function Shell() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const qc = useQueryClient();
  const logout = useMutation({
    mutationFn: () => call('auth:logout'),
    onSettled: () => qc.invalidateQueries({ queryKey: appKeys.info }),
  });
  const office = info.data?.office;
  const user = info.data?.user;
  return (
    <AppShell navbar={{ width: { base: 216, xl: 248 }, breakpoint: 0 }} padding="lg">
      <AppShell.Navbar p="sm" aria-label={t('app.name')}>
        <AppShell.Section>
          <Box px="xs" py="sm">
            <Text fw={700} size="lg" c="teal.8">
              {t('app.name')}
            </Text>
            {office && (
              <Text size="sm" c="dimmed" data-testid="office-name">
                {`Kecamatan ${office.districtName}`}
                <br />
                {office.regencyName}
              </Text>
            )}
          </Box>
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea} mt="xs">
          <Stack gap={2}>
            {navFor(user?.role).map((item) => (
              <MantineNavLink
                key={item.to}
                component={NavLink}
                to={item.to}
                end={item.end}
                label={t(item.label)}
                leftSection={<item.icon size={18} stroke={1.6} />}
                // react-router's NavLink sets aria-current; Mantine reads `active` from its class
                styles={{ root: { borderRadius: 6 } }}
                className="nav-link"
              />
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          {user && (
            <Group gap="xs" px="xs" py="sm" wrap="nowrap" data-testid="signed-in-user">
              <Avatar color="teal" radius="xl" size="sm">
                {user.fullName.slice(0, 1).toUpperCase()}
              </Avatar>
              <Box style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" fw={600} truncate>
                  {user.fullName}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {user.username}
                </Text>
              </Box>
              <Badge
                size="sm"
                variant="light"
                color={user.role === 'admin' ? 'grape' : user.role === 'operator' ? 'teal' : 'gray'}
                data-testid="signed-in-role"
                title={t(`roles.${user.role}Hint`)}
              >
                {t(`roles.${user.role}`)}
              </Badge>
            </Group>
          )}
          <Button
            component={Link}
            to="/kata-sandi"
            variant="subtle"
            color="gray"
            fullWidth
            justify="flex-start"
            leftSection={<IconKey size={16} />}
          >
            {t('nav.changePassword')}
          </Button>
          <Button
            variant="subtle"
            color="gray"
            fullWidth
            justify="flex-start"
            leftSection={<IconLogout size={16} />}
            onClick={() => logout.mutate()}
          >
            {t('nav.logout')}
          </Button>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        {/* pages other than the home page and the list are loaded on their first visit (router.tsx) */}
        <Suspense
          fallback={
            <Center py="xl">
              <Loader aria-label="…" />
            </Center>
          }
        >
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
