import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import 'dayjs/locale/id';
import { useRef, useState, type ReactNode } from 'react';
import { ActionIcon } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { parseTypedDate } from '../lib/typed-date';
import { fieldError } from '../lib/forms';

/**
 * Dates are entered the Indonesian way everywhere (issue 11 item 16): dd/mm/yyyy, Indonesian month names
 * in the calendar, weeks from Monday. The browser's own date input follows the machine's language
 * (mm/dd/yyyy on an English Windows); this one does not. The value stays the ISO `yyyy-mm-dd` the schemas
 * and the main side expect.
 */
export const DATE_ENTRY_FORMAT = 'DD/MM/YYYY';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar's language and first weekday for every date field below it (set once, in the app). */
export function DateEntryProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'id', firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
  );
}

type InputProps = Omit<DateInputProps, 'value' | 'onChange' | 'defaultValue'>;

/**
 * A date field holding `yyyy-mm-dd` ('' when empty), shown and typed as dd/mm/yyyy. Typing never opens the
 * calendar (it would cover the button below, and a click meant for "Simpan" would pick a day); the calendar
 * opens from its icon, or with Alt+↓, and closes on a pick, Escape, a click outside or leaving the field.
 */
export function IdDateInput({
  value,
  onChange,
  onBlur,
  onKeyDown,
  disabled,
  ...rest
}: InputProps & { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const wasOpen = useRef(false);
  return (
    <DateInput
      valueFormat={DATE_ENTRY_FORMAT}
      placeholder="hh/bb/tttt"
      dateParser={parseTypedDate}
      allowDeselect
      {...rest}
      disabled={disabled}
      value={ISO.test(value) ? value : null}
      onChange={(v) => {
        onChange(v ?? '');
        setOpened(false);
      }}
      onBlur={(e) => {
        setOpened(false);
        onBlur?.(e);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && opened) {
          setOpened(false);
          e.stopPropagation(); // closes the calendar, not the dialog around it
        }
        if (e.key === 'ArrowDown' && e.altKey) setOpened(true);
        onKeyDown?.(e);
      }}
      popoverProps={{ opened, onDismiss: () => setOpened(false) }}
      rightSection={
        <ActionIcon
          variant="subtle"
          color="gray"
          disabled={disabled}
          aria-label={t('common.openCalendar')}
          tabIndex={-1}
          onMouseDown={(e) => {
            e.preventDefault();
            wasOpen.current = opened; // the popover's outside-click may close it before this click
          }}
          onClick={() => setOpened(!wasOpen.current)}
        >
          <IconCalendar size={16} />
        </ActionIcon>
      }
    />
  );
}

type Props<T extends FieldValues> = {
  control: Control<T>;
  name: FieldPath<T>;
} & Omit<InputProps, 'name'>;

/** The same for a react-hook-form field; its error, unless given, is the field's own (translated). */
export function DateField<T extends FieldValues>({ control, name, error, ...rest }: Props<T>) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <IdDateInput
          {...rest}
          error={error ?? fieldError(t, fieldState.error)}
          name={field.name}
          ref={field.ref}
          value={typeof field.value === 'string' ? field.value : ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
        />
      )}
    />
  );
}
