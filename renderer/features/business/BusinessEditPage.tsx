import { Anchor, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { BusinessUpdateInput } from '../../../shared/schemas/business';
import { showIpcError } from '../../lib/forms';
import { call } from '../../lib/ipc';
import { BusinessForm } from './BusinessForm';
import { formValuesOf } from './fieldFormat';
import { businessKeys, useBusiness } from './queries';

/** Edit a registered record: every field, with a reason; the save is refused if someone changed it meanwhile. */
export function BusinessEditPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const q = useBusiness(id);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const save = useMutation({ mutationFn: (data: BusinessUpdateInput) => call('business:update', data) });
  if (q.isPending) return <Text>{t('common.loading')}</Text>;
  if (q.isError) return <Text c="red">{t('errors.notFound')}</Text>;
  const b = q.data;
  return (
    <Stack gap="xs">
      <Anchor component={Link} to={`/usaha/${b.id}`} size="sm">
        ← {b.name}
      </Anchor>
      <Title order={2} className="page-title">
        {t('business.form.editTitle')}
      </Title>
      <Text ff="monospace" c="dimmed" mt={-12} mb="sm">
        {b.registrationNumber}
      </Text>
      <BusinessForm
        key={`${b.id}:${b.version}`}
        mode="edit"
        initial={formValuesOf(b)}
        initialStatus={b.status}
        initialKbliTitle={b.kbliTitle}
        submitLabel={t('business.form.saveChanges')}
        submitting={save.isPending}
        onCancel={() => void navigate(`/usaha/${b.id}`)}
        onSubmit={(data, form) =>
          save.mutate(data as BusinessUpdateInput, {
            onSuccess: async (u) => {
              await qc.invalidateQueries({ queryKey: businessKeys.all });
              notifications.show({
                color: 'teal',
                message:
                  u.version === b.version ? t('business.form.noChanges') : t('business.form.savedChanges'),
              });
              void navigate(`/usaha/${b.id}`);
            },
            onError: (err) => showIpcError(err, t, form.setError),
          })
        }
      />
    </Stack>
  );
}
