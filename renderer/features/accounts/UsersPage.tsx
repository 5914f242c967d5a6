import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  USER_ROLES,
  userCreateSchema,
  userResetPasswordSchema,
  userUpdateSchema,
  type UserCreateInput,
  type UserResetPasswordInput,
  type UserSummary,
  type UserUpdateInput,
} from '../../../shared/schemas/accounts';
import { useAppInfo } from '../../app/queries';
import { formatDateTimeShort } from '../../lib/format';
import { fieldError, showIpcError } from '../../lib/forms';
import { call } from '../../lib/ipc';
import { accountKeys, useUsers } from './queries';

function RoleSelect({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('accounts.users.role')}
      data={USER_ROLES.map((r) => ({ value: r, label: `${t(`roles.${r}`)} — ${t(`roles.${r}Hint`)}` }))}
      value={value}
      onChange={(v) => onChange(v ?? '')}
      allowDeselect={false}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm<UserCreateInput>({
    resolver: zodResolver(userCreateSchema),
    defaultValues: { username: '', fullName: '', role: 'operator', password: '', passwordConfirm: '' },
  });
  const e = form.formState.errors;
  const save = useMutation({
    mutationFn: (d: UserCreateInput) => call('user:create', d),
    onSuccess: async (u) => {
      await qc.invalidateQueries({ queryKey: accountKeys.users });
      notifications.show({ color: 'teal', message: t('accounts.users.created', { name: u.fullName }) });
      form.reset();
      onClose();
    },
    onError: (err) => showIpcError(err, t, form.setError),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('accounts.users.add')} size="lg">
      <form onSubmit={form.handleSubmit((d) => save.mutate(d))} noValidate>
        <Stack>
          <TextInput
            label={t('accounts.users.name')}
            {...form.register('fullName')}
            error={fieldError(t, e.fullName)}
          />
          <TextInput
            label={t('accounts.users.username')}
            autoComplete="off"
            {...form.register('username')}
            error={fieldError(t, e.username)}
          />
          <Controller
            control={form.control}
            name="role"
            render={({ field }) => (
              <RoleSelect value={field.value} onChange={field.onChange} error={fieldError(t, e.role)} />
            )}
          />
          <PasswordInput
            label={t('accounts.users.password')}
            autoComplete="new-password"
            {...form.register('password')}
            error={fieldError(t, e.password)}
          />
          <PasswordInput
            label={t('accounts.users.passwordConfirm')}
            autoComplete="new-password"
            {...form.register('passwordConfirm')}
            error={fieldError(t, e.passwordConfirm)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('accounts.users.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('accounts.users.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function EditUserModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm<UserUpdateInput>({
    resolver: zodResolver(userUpdateSchema),
    defaultValues: { id: user.id, fullName: user.fullName, role: user.role },
  });
  const e = form.formState.errors;
  const save = useMutation({
    mutationFn: (d: UserUpdateInput) => call('user:update', d),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: accountKeys.users });
      notifications.show({ color: 'teal', message: t('accounts.users.saved') });
      onClose();
    },
    onError: (err) => showIpcError(err, t, form.setError),
  });
  return (
    <Modal opened onClose={onClose} title={`${t('accounts.users.editTitle')}: ${user.username}`} size="lg">
      <form onSubmit={form.handleSubmit((d) => save.mutate(d))} noValidate>
        <Stack>
          <TextInput
            label={t('accounts.users.name')}
            {...form.register('fullName')}
            error={fieldError(t, e.fullName)}
          />
          <Controller
            control={form.control}
            name="role"
            render={({ field }) => (
              <RoleSelect value={field.value} onChange={field.onChange} error={fieldError(t, e.role)} />
            )}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('accounts.users.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('accounts.users.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm<UserResetPasswordInput>({
    resolver: zodResolver(userResetPasswordSchema),
    defaultValues: { id: user.id, password: '', passwordConfirm: '' },
  });
  const e = form.formState.errors;
  const save = useMutation({
    mutationFn: (d: UserResetPasswordInput) => call('user:resetPassword', d),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: accountKeys.users });
      notifications.show({ color: 'teal', message: t('accounts.users.resetDone', { name: user.fullName }) });
      onClose();
    },
    onError: (err) => showIpcError(err, t, form.setError),
  });
  return (
    <Modal opened onClose={onClose} title={t('accounts.users.resetTitle', { name: user.fullName })}>
      <form onSubmit={form.handleSubmit((d) => save.mutate(d))} noValidate>
        <Stack>
          <PasswordInput
            label={t('accounts.users.password')}
            autoComplete="new-password"
            {...form.register('password')}
            error={fieldError(t, e.password)}
          />
          <PasswordInput
            label={t('accounts.users.passwordConfirm')}
            autoComplete="new-password"
            {...form.register('passwordConfirm')}
            error={fieldError(t, e.passwordConfirm)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('accounts.users.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('accounts.users.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Users (admin): add, edit name and role, reset a password, unlock, disable and enable. */
export function UsersPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useAppInfo().data?.user;
  const users = useUsers();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<UserSummary | null>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const done = (key: string) => async (u: UserSummary) => {
    await qc.invalidateQueries({ queryKey: accountKeys.users });
    notifications.show({ color: 'teal', message: t(key, { name: u.fullName }) });
  };
  const unlock = useMutation({
    mutationFn: (id: number) => call('user:unlock', { id }),
    onSuccess: done('accounts.users.unlocked'),
    onError: (err) => showIpcError(err, t),
  });
  const setDisabled = useMutation({
    mutationFn: (v: { id: number; disabled: boolean }) => call('user:setDisabled', v),
    onSuccess: (u) => done(u.disabled ? 'accounts.users.disabledDone' : 'accounts.users.enabledDone')(u),
    onError: (err) => showIpcError(err, t),
  });
  const now = new Date().toISOString();
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{t('accounts.users.title')}</Title>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setAdding(true)}>
          {t('accounts.users.add')}
        </Button>
      </Group>
      <Text c="dimmed" size="sm">
        {t('accounts.users.intro')}
      </Text>
      <Paper withBorder>
        <Table striped highlightOnHover verticalSpacing="sm" data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accounts.users.name')}</Table.Th>
              <Table.Th>{t('accounts.users.username')}</Table.Th>
              <Table.Th>{t('accounts.users.role')}</Table.Th>
              <Table.Th>{t('accounts.users.status')}</Table.Th>
              <Table.Th>{t('accounts.users.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data ?? []).map((u) => {
              const locked = u.lockedUntil !== null && u.lockedUntil > now;
              const self = me?.id === u.id;
              return (
                <Table.Tr key={u.id} data-testid={`user-row-${u.username}`}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {u.fullName}{' '}
                      {self && (
                        <Text span c="dimmed" size="xs">
                          {t('accounts.users.you')}
                        </Text>
                      )}
                    </Text>
                  </Table.Td>
                  <Table.Td>{u.username}</Table.Td>
                  <Table.Td>
                    <Badge
                      style={{ minWidth: 'max-content' }}
                      variant="light"
                      color={u.role === 'admin' ? 'grape' : u.role === 'operator' ? 'teal' : 'gray'}
                    >
                      {t(`roles.${u.role}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {u.disabled ? (
                        <Badge color="gray">{t('accounts.users.disabled')}</Badge>
                      ) : locked ? (
                        <Text size="xs" c="red.8" fw={700}>
                          {t('accounts.users.locked', { time: formatDateTimeShort(u.lockedUntil) })}
                        </Text>
                      ) : (
                        <Badge color="teal" variant="outline">
                          {t('accounts.users.active')}
                        </Badge>
                      )}
                      {u.failedAttempts > 0 && (
                        <Text size="xs" c="red.8">
                          {t('accounts.users.failures', { count: u.failedAttempts })}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="wrap">
                      <Button size="compact-sm" variant="default" onClick={() => setEditing(u)}>
                        {t('accounts.users.edit')}
                      </Button>
                      {!self && (
                        <Button size="compact-sm" variant="default" onClick={() => setResetting(u)}>
                          {t('accounts.users.reset')}
                        </Button>
                      )}
                      {(locked || u.failedAttempts > 0) && (
                        <Button size="compact-sm" color="orange" onClick={() => unlock.mutate(u.id)}>
                          {t('accounts.users.unlock')}
                        </Button>
                      )}
                      {!self && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          color={u.disabled ? 'teal' : 'red'}
                          onClick={() => setDisabled.mutate({ id: u.id, disabled: !u.disabled })}
                        >
                          {u.disabled ? t('accounts.users.enable') : t('accounts.users.disable')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
      <CreateUserModal opened={adding} onClose={() => setAdding(false)} />
      {editing && <EditUserModal user={editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </Stack>
  );
}
