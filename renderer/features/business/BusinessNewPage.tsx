import { Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type {
  BusinessCreateData,
  BusinessCreateInput,
  DuplicateCandidate,
} from '../../../shared/schemas/business';
import { showIpcError } from '../../lib/forms';
import { call } from '../../lib/ipc';
import { BusinessForm, EMPTY_FORM } from './BusinessForm';
import { DuplicatesModal } from './DuplicatesModal';
import { businessKeys } from './queries';

/**
 * "A different business" of a person already registered (same NIK): the new business is linked to that
 * person instead of a second person record; what the clerk typed about the owner wins, the rest is kept.
 */
function sameOwner(data: BusinessCreateData, candidates: DuplicateCandidate[]): BusinessCreateInput {
  const byNik = data.existingOwnerId ? undefined : candidates.find((c) => c.reasons.includes('nik'));
  if (!byNik) return data;
  const o = byNik.business.owner;
  const keep = <T,>(typed: T | null, known: T | null): T | null =>
    typed === null || typed === '' ? known : typed;
  return {
    ...(data as BusinessCreateInput),
    existingOwnerId: o.id,
    ownerSex: keep(data.ownerSex, o.sex),
    ownerBirthDate: keep(data.ownerBirthDate, o.birthDate),
    ownerBirthPlace: keep(data.ownerBirthPlace, o.birthPlace),
    ownerPhone: keep(data.ownerPhone, o.phone),
    ownerStreet: keep(data.ownerStreet, o.street),
    ownerRt: keep(data.ownerRt, o.rt),
    ownerRw: keep(data.ownerRw, o.rw),
    ownerVillageCode: data.ownerVillageName ? data.ownerVillageCode : o.villageCode,
    ownerVillageName: keep(data.ownerVillageName, o.villageName),
  };
}

/**
 * Register a business. Before saving, the draft is checked for possible duplicates (same NIK, same phone, a
 * similar name in the same desa); the clerk compares them side by side and decides.
 */
export function BusinessNewPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [pending, setPending] = useState<{
    data: BusinessCreateData;
    candidates: DuplicateCandidate[];
  } | null>(null);

  const save = useMutation({
    mutationFn: (data: BusinessCreateInput) => call('business:create', data),
    onSuccess: async (b) => {
      setPending(null);
      await qc.invalidateQueries({ queryKey: businessKeys.all });
      notifications.show({
        color: 'teal',
        message: t('business.form.saved', { number: b.registrationNumber }),
      });
      void navigate(`/usaha/${b.id}`);
    },
  });
  const check = useMutation({
    mutationFn: (d: BusinessCreateData) =>
      call('business:checkDuplicates', {
        name: d.name,
        villageCode: d.villageCode,
        villageName: d.villageName,
        ownerNik: d.ownerNik,
        ownerPhone: d.ownerPhone,
      }),
  });
  const same = useMutation({
    mutationFn: (v: { c: DuplicateCandidate; data: BusinessCreateData }) =>
      call('business:sameAs', {
        candidateId: v.c.business.id,
        reasons: v.c.reasons,
        draft: v.data as unknown as Record<string, unknown>,
      }),
    onSuccess: async ({ businessId }) => {
      setPending(null);
      await qc.invalidateQueries({ queryKey: businessKeys.all });
      notifications.show({ color: 'teal', message: t('business.duplicates.sameDone') });
      void navigate(`/usaha/${businessId}/ubah`);
    },
    onError: (err) => showIpcError(err, t),
  });

  return (
    <>
      <Title order={2} className="page-title">
        {t('business.form.title')}
      </Title>
      <BusinessForm
        mode="create"
        initial={EMPTY_FORM}
        submitLabel={t('business.form.submit')}
        submitting={check.isPending || save.isPending}
        onCancel={() => void navigate('/usaha')}
        onSubmit={async (raw, form) => {
          const data = raw as BusinessCreateData;
          try {
            const found = await check.mutateAsync(data);
            // A second business of an owner picked from the register is expected to share the NIK and phone.
            const candidates = found.filter(
              (c) =>
                !(
                  data.existingOwnerId &&
                  c.business.ownerId === data.existingOwnerId &&
                  !c.reasons.includes('name')
                ),
            );
            if (candidates.length > 0) {
              setPending({ data, candidates });
              return;
            }
            await save.mutateAsync(data);
          } catch (err) {
            showIpcError(err, t, form.setError);
          }
        }}
      />
      {pending && (
        <DuplicatesModal
          opened
          draft={pending.data}
          candidates={pending.candidates}
          busy={save.isPending || same.isPending}
          onClose={() => setPending(null)}
          onSame={(c) => same.mutate({ c, data: pending.data })}
          onDifferent={() =>
            save.mutate(
              {
                ...sameOwner(pending.data, pending.candidates),
                duplicateDecisions: pending.candidates.map((c) => ({
                  candidateId: c.business.id,
                  reasons: c.reasons,
                })),
              },
              { onError: (err) => showIpcError(err, t) },
            )
          }
        />
      )}
    </>
  );
}
