import { Select, SimpleGrid } from '@mantine/core';
import type { FieldErrors, UseFormSetValue, UseFormWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { setupSchema } from '../../../shared/schemas/office';
import type { Region } from '../../../shared/schemas/refdata';
import { fieldError } from '../../lib/forms';
import { useRegionChildren } from '../refdata/queries';

type In = z.input<typeof setupSchema>;

const options = (rows: Region[] | undefined) =>
  (rows ?? []).map((r) => ({ value: r.code, label: r.displayName }));

/**
 * Province → kabupaten/kota → kecamatan, each a searchable list from the Kemendagri data. Picking one fills
 * both the code and the name of the office profile and clears the levels below it.
 */
export function OfficeRegionFields({
  watch,
  setValue,
  errors,
}: {
  watch: UseFormWatch<In>;
  setValue: UseFormSetValue<In>;
  errors: FieldErrors<In>;
}) {
  const { t } = useTranslation();
  const provinceCode = watch('office.provinceCode') || null;
  const regencyCode = watch('office.regencyCode') || null;
  const districtCode = watch('office.districtCode') || null;
  const provinces = useRegionChildren(null);
  const regencies = useRegionChildren(provinceCode, provinceCode !== null);
  const districts = useRegionChildren(regencyCode, regencyCode !== null);
  const e = errors.office;
  const opts = { shouldValidate: false, shouldDirty: true } as const;

  const pick = (
    level: 'province' | 'regency' | 'district',
    code: string | null,
    rows: Region[] | undefined,
  ) => {
    const r = rows?.find((x) => x.code === code) ?? null;
    setValue(`office.${level}Code`, r?.code ?? '', opts);
    setValue(`office.${level}Name`, r?.displayName ?? '', opts);
    const below =
      level === 'province'
        ? (['regency', 'district'] as const)
        : level === 'regency'
          ? (['district'] as const)
          : [];
    for (const b of below) {
      setValue(`office.${b}Code`, '', opts);
      setValue(`office.${b}Name`, '', opts);
    }
  };
  // An empty pick says "pick it from the list" rather than the code-format message of the schema.
  const err = (
    code: string | null,
    a: { message?: unknown } | undefined,
    b: { message?: unknown } | undefined,
  ) => ((a || b) && !code ? t('region.picker.required') : (fieldError(t, a) ?? fieldError(t, b)));

  // each level: its pick, its list, and (when the level above is still empty) what to pick first
  const levels = [
    { level: 'province', code: provinceCode, rows: provinces.data, blocked: null },
    {
      level: 'regency',
      code: regencyCode,
      rows: regencies.data,
      blocked: provinceCode ? null : 'region.picker.pickProvinceFirst',
    },
    {
      level: 'district',
      code: districtCode,
      rows: districts.data,
      blocked: regencyCode ? null : 'region.picker.pickRegencyFirst',
    },
  ] as const;

  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      {levels.map(({ level, code, rows, blocked }) => (
        <Select
          key={level}
          label={t(`region.picker.${level}`)}
          placeholder={t(blocked ?? 'region.picker.searchPlaceholder')}
          searchable
          disabled={blocked !== null}
          data={options(rows)}
          value={code}
          onChange={(v) => pick(level, v, rows)}
          nothingFoundMessage={t('region.picker.nothingFound')}
          description={code ? t('region.picker.code', { code }) : undefined}
          error={err(code, e?.[`${level}Code`], e?.[`${level}Name`])}
          withAsterisk
          data-testid={`setup-${level}`}
        />
      ))}
    </SimpleGrid>
  );
}
