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

  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <Select
        label={t('region.picker.province')}
        placeholder={t('region.picker.searchPlaceholder')}
        searchable
        data={options(provinces.data)}
        value={provinceCode}
        onChange={(v) => pick('province', v, provinces.data)}
        nothingFoundMessage={t('region.picker.nothingFound')}
        description={provinceCode ? t('region.picker.code', { code: provinceCode }) : undefined}
        error={err(provinceCode, e?.provinceCode, e?.provinceName)}
        withAsterisk
        data-testid="setup-province"
      />
      <Select
        label={t('region.picker.regency')}
        placeholder={
          provinceCode ? t('region.picker.searchPlaceholder') : t('region.picker.pickProvinceFirst')
        }
        searchable
        disabled={!provinceCode}
        data={options(regencies.data)}
        value={regencyCode}
        onChange={(v) => pick('regency', v, regencies.data)}
        nothingFoundMessage={t('region.picker.nothingFound')}
        description={regencyCode ? t('region.picker.code', { code: regencyCode }) : undefined}
        error={err(regencyCode, e?.regencyCode, e?.regencyName)}
        withAsterisk
        data-testid="setup-regency"
      />
      <Select
        label={t('region.picker.district')}
        placeholder={regencyCode ? t('region.picker.searchPlaceholder') : t('region.picker.pickRegencyFirst')}
        searchable
        disabled={!regencyCode}
        data={options(districts.data)}
        value={districtCode}
        onChange={(v) => pick('district', v, districts.data)}
        nothingFoundMessage={t('region.picker.nothingFound')}
        description={districtCode ? t('region.picker.code', { code: districtCode }) : undefined}
        error={err(districtCode, e?.districtCode, e?.districtName)}
        withAsterisk
        data-testid="setup-district"
      />
    </SimpleGrid>
  );
}
