/**
 * Spreadsheet formula injection (CSV injection): a cell starting with = + - @, a tab or a carriage return
 * is run as a formula by Excel and WPS. Every exported text cell goes through here and gets a leading
 * apostrophe, which spreadsheets show as text and do not keep as part of the value.
 */
const formulaStart = /^[=+\-@\t\r]/;

export function safeCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  return formulaStart.test(value) ? `'${value}` : value;
}
