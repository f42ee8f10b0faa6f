import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** The UI language as a BCP 47 locale, for the Intl formatters. */
export function useUiLocale(): string {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage ?? 'zh-CN';
}

/** Date formatters bound to the UI language, so switching language also switches date styles. */
export function useFormatters() {
  const locale = useUiLocale();
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    // Birth dates are calendar dates without a zone; formatting them in UTC keeps the day from shifting.
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
    return {
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      date: (isoDate: string) => date.format(new Date(`${isoDate}T00:00:00Z`)),
      number: (value: number) => value.toLocaleString(locale),
      // Amounts travel as decimal strings; two decimals fit a double exactly enough for display.
      money: (amount: string, currency: string) =>
        new Intl.NumberFormat(locale, { style: 'currency', currency }).format(Number(amount)),
      fileSize: (bytes: number) => {
        const exponent = Math.min(
          units.length - 1,
          Math.floor(Math.log(Math.max(bytes, 1)) / Math.log(1024)),
        );
        return new Intl.NumberFormat(locale, {
          style: 'unit',
          unit: units[exponent],
          unitDisplay: 'short',
          maximumFractionDigits: exponent === 0 ? 0 : 1,
        }).format(bytes / 1024 ** exponent);
      },
    };
  }, [locale]);
}
