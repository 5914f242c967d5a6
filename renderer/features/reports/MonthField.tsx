import { MonthPickerInput } from '@mantine/dates';
import dayjs from 'dayjs';
import 'dayjs/locale/id';
import { useTranslation } from 'react-i18next';

const MONTH = /^\d{4}-\d{2}$/;

/**
 * A month field holding `yyyy-mm` ('' when empty), in place of the browser's `<input type="month">` (whose
 * look and month names follow the machine's language). Shown as "Maret 2026" with the calendar's language
 * (DateEntryProvider: Indonesian month names), keyboard-usable: Enter or Space opens the months, the arrow
 * keys move, Enter picks, Escape closes, and focus comes back to the field. Test hooks: `data-testid` on the
 * field, and each month button carries `data-month="yyyy-mm"` and its full name as its accessible name.
 */
export function MonthField({
  label,
  value,
  onChange,
  testId,
  clearable = true,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  clearable?: boolean;
}) {
  const { i18n, t } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'id';
  return (
    <MonthPickerInput
      label={label}
      placeholder={t('reports.pickMonth')}
      valueFormat="MMMM YYYY"
      value={MONTH.test(value) ? `${value}-01` : null}
      onChange={(v) => onChange(v ? v.slice(0, 7) : '')}
      clearable={clearable}
      clearButtonProps={{ 'aria-label': t('reports.clearMonth') }}
      popoverProps={{ returnFocus: true }}
      nextLabel={t('reports.nextYear')}
      previousLabel={t('reports.previousYear')}
      getMonthControlProps={(date) => ({
        'aria-label': dayjs(date).locale(locale).format('MMMM YYYY'),
        'data-month': date.slice(0, 7),
      })}
      data-testid={testId}
      miw={170}
    />
  );
}
