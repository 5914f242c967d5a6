/** Indonesian formats: 12 Maret 2026, Rp1.500.000. */
const longDate = { day: 'numeric', month: 'long', year: 'numeric' } as const;
const shortDate = { day: 'numeric', month: 'short', year: 'numeric' } as const;
const time = { hour: '2-digit', minute: '2-digit' } as const;
const dateFmt = new Intl.DateTimeFormat('id-ID', longDate);
const dateTimeFmt = new Intl.DateTimeFormat('id-ID', { ...longDate, ...time });
const shortDateFmt = new Intl.DateTimeFormat('id-ID', shortDate);
const shortDateTimeFmt = new Intl.DateTimeFormat('id-ID', { ...shortDate, ...time });
const moneyFmt = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});
const numberFmt = new Intl.NumberFormat('id-ID');

/**
 * `value` formatted by `fmt`; '' for none, the value itself when it is no date. A yyyy-mm-dd is a calendar date
 * (no time zone shift) where `calendar` allows it; anything else a full ISO timestamp.
 */
function formatWith(
  fmt: { format: (d: Date) => string },
  value: string | null | undefined,
  calendar: boolean,
): string {
  if (!value) return '';
  const m = calendar ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(value);
  return Number.isNaN(d.getTime()) ? value : fmt.format(d);
}

/** Accepts yyyy-mm-dd (a calendar date, no time zone shift) or a full ISO timestamp. */
export function formatDate(value: string | null | undefined): string {
  return formatWith(dateFmt, value, true);
}

/** 12 Mar 2026: for narrow table columns. */
export function formatDateShort(value: string | null | undefined): string {
  return formatWith(shortDateFmt, value, true);
}

export function formatDateTime(value: string | null | undefined): string {
  return formatWith(dateTimeFmt, value, false);
}

/** 2 Des 2026 11.13: for table columns, where the long form wraps over several lines. */
export function formatDateTimeShort(value: string | null | undefined): string {
  return formatWith({ format: (d) => shortDateTimeFmt.format(d).replace(' pukul ', ' ') }, value, false);
}

/** Rp1.500.000 (Intl puts a no-break space after Rp; Indonesian style writes it closed up). */
export function formatMoney(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return moneyFmt.format(value).replace(/\s/g, '');
}

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return numberFmt.format(value);
}
