/** ¥1,234,567 in the UI's number style; empty for null. */
export function formatMoney(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    maximumFractionDigits: 0,
  }).format(value);
}

/** Thousands separators in money inputs: 8,000,000 reads better than 8000000. */
export const moneyInput = {
  formatter: (value: number | string | undefined) =>
    value === undefined || value === '' ? '' : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ','),
  parser: (text: string | undefined) => Number((text ?? '').replace(/,/g, '')),
};
