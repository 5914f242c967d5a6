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
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import {
  useController,
  useForm,
  type Control,
  type FieldValues,
  type Path,
  type UseFormReturn,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  USER_ROLES,
  userCreateSchema,
  userResetPasswordSchema,
  userUpdateSchema,
  type UserCreateInput,
  type UserResetPasswordInput,
  type UserSummary,
  type UserRole,
  type UserUpdateInput,
} from '../../../shared/schemas/accounts';
import { useAppInfo } from '../../app/queries';
import { formatDateTimeShort } from '../../lib/format';
import { fieldError, showIpcError, useFieldProps } from '../../lib/forms';
import { call } from '../../lib/ipc';
import { accountKeys, useUsers } from './queries';
import { TableHead } from '../../components/TableHead';
import { PageHeader } from '../../components/PageHeader';
import { ModalActions } from '../../components/ModalActions';

/** The role of a user form (create and edit both have one). */
function RoleField<T extends { role: UserRole }>({ control }: { control: Control<T> }) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name: 'role' as Path<T> });
  return (
    <Select
      label={t('accounts.users.role')}
      data={USER_ROLES.map((r) => ({ value: r, label: `${t(`roles.${r}`)} — ${t(`roles.${r}Hint`)}` }))}
      value={field.value}
      onChange={(v) => field.onChange(v ?? '')}
      allowDeselect={false}
      error={fieldError(t, fieldState.error)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** A new password and its confirmation (a new user, a reset). */
function NewPasswordFields<T extends { password: string; passwordConfirm: string }>({
  form,
}: {
  form: UseFormReturn<T>;
}) {
  const { t } = useTranslation();
  const field = useFieldProps(form);
  return (
    <>
      <PasswordInput
        label={t('accounts.users.password')}
        autoComplete="new-password"
        {...field('password' as Path<T>)}
      />
      <PasswordInput
        label={t('accounts.users.passwordConfirm')}
        autoComplete="new-password"
        {...field('passwordConfirm' as Path<T>)}
      />
    </>
  );
}

/**
 * A user dialog: its fields, then cancel and save. Saving calls `save`; on success the user list reloads and
 * `saved` says so; a refusal puts main's field errors on the form.
 */
function UserDialog<T extends FieldValues, R>(props: {
  form: UseFormReturn<T>;
  save: (d: T) => Promise<R>;
  saved: (r: R) => void;
  title: string;
  size?: string;
  opened?: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { form } = props;
  const save = useMutation({
    mutationFn: props.save,
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: accountKeys.users });
      props.saved(r);
    },
    onError: (err) => showIpcError(err, t, form.setError),
  });
  return (
    <Modal opened={props.opened ?? true} onClose={props.onClose} title={props.title} size={props.size}>
      <form onSubmit={form.handleSubmit((d) => save.mutate(d))} noValidate>
        <Stack>
          {props.children}
          <ModalActions onCancel={props.onClose} cancelLabel={t('accounts.users.cancel')}>
            <Button type="submit" loading={save.isPending}>
              {t('accounts.users.save')}
            </Button>
          </ModalActions>
        </Stack>
      </form>
    </Modal>
  );
}

function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<UserCreateInput>({
    resolver: zodResolver(userCreateSchema),
    defaultValues: { username: '', fullName: '', role: 'operator', password: '', passwordConfirm: '' },
  });
  const field = useFieldProps(form);
  return (
    <UserDialog
      form={form}
      save={(d) => call('user:create', d)}
      saved={(u) => {
        notifications.show({ color: 'teal', message: t('accounts.users.created', { name: u.fullName }) });
        form.reset();
        onClose();
      }}
      opened={opened}
      onClose={onClose}
      title={t('accounts.users.add')}
      size="lg"
    >
      <TextInput label={t('accounts.users.name')} {...field('fullName')} />
      <TextInput label={t('accounts.users.username')} autoComplete="off" {...field('username')} />
      <RoleField control={form.control} />
      <NewPasswordFields form={form} />
    </UserDialog>
  );
}

function EditUserModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<UserUpdateInput>({
    resolver: zodResolver(userUpdateSchema),
    defaultValues: { id: user.id, fullName: user.fullName, role: user.role },
  });
  const field = useFieldProps(form);
  return (
    <UserDialog
      form={form}
      save={(d) => call('user:update', d)}
      saved={() => {
        notifications.show({ color: 'teal', message: t('accounts.users.saved') });
        onClose();
      }}
      onClose={onClose}
      title={`${t('accounts.users.editTitle')}: ${user.username}`}
      size="lg"
    >
      <TextInput label={t('accounts.users.name')} {...field('fullName')} />
      <RoleField control={form.control} />
    </UserDialog>
  );
}

function ResetPasswordModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<UserResetPasswordInput>({
    resolver: zodResolver(userResetPasswordSchema),
    defaultValues: { id: user.id, password: '', passwordConfirm: '' },
  });
  return (
    <UserDialog
      form={form}
      save={(d) => call('user:resetPassword', d)}
      saved={() => {
        notifications.show({
          color: 'teal',
          message: t('accounts.users.resetDone', { name: user.fullName }),
        });
        onClose();
      }}
      onClose={onClose}
      title={t('accounts.users.resetTitle', { name: user.fullName })}
    >
      <NewPasswordFields form={form} />
    </UserDialog>
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
      <PageHeader
        title={t('accounts.users.title')}
        action={{ label: t('accounts.users.add'), icon: IconUserPlus, onClick: () => setAdding(true) }}
      />
      <Text c="dimmed" size="sm">
        {t('accounts.users.intro')}
      </Text>
      <Paper withBorder>
        <Table striped highlightOnHover verticalSpacing="sm" data-testid="users-table">
          <TableHead
            columns={[
              t('accounts.users.name'),
              t('accounts.users.username'),
              t('accounts.users.role'),
              t('accounts.users.status'),
              t('accounts.users.actions'),
            ]}
          />
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
