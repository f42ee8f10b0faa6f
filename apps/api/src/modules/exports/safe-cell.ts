/**
 * Spreadsheet formula injection (CSV injection): a CSV cell starting with = + - @, a tab or a carriage
 * return is run as a formula by Excel and WPS when the file is opened. Every text cell of a CSV we write
 * (segment exports, import error reports) goes through here and gets a leading apostrophe, which Excel
 * shows as text; in a CSV the apostrophe stays in the file, so a program reading it sees it too.
 *
 * That includes E.164 phones (`+8613800138000`): opened unescaped, Excel reads them as a formula or a
 * number and drops the `+`, so the apostrophe is the lesser harm. XLSX cells need none of this: exceljs
 * writes them as typed string cells, which a spreadsheet never evaluates, so XLSX exports do not use it
 * (an apostrophe there would become part of the value).
 */
const formulaStart = /^[=+\-@\t\r]/;

export function safeCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  return formulaStart.test(value) ? `'${value}` : value;
}
