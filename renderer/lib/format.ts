/** Indonesian formats: 12 Maret 2026, Rp1.500.000. */
const dateFmt = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric' });
const dateTimeFmt = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const shortDateFmt = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric' });
const shortDateTimeFmt = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const moneyFmt = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});
const numberFmt = new Intl.NumberFormat('id-ID');

/** Accepts yyyy-mm-dd (a calendar date, no time zone shift) or a full ISO timestamp. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateFmt.format(d);
}

/** 12 Mar 2026: for narrow table columns. */
export function formatDateShort(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(value);
  return Number.isNaN(d.getTime()) ? value : shortDateFmt.format(d);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateTimeFmt.format(d);
}

/** 2 Des 2026 11.13: for table columns, where the long form wraps over several lines. */
export function formatDateTimeShort(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : shortDateTimeFmt.format(d).replace(' pukul ', ' ');
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
