import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Date formatters bound to the UI language, so switching language also switches date styles. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'zh-CN';
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    // Birth dates are calendar dates without a zone; formatting them in UTC keeps the day from shifting.
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    return {
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      date: (isoDate: string) => date.format(new Date(`${isoDate}T00:00:00Z`)),
    };
  }, [locale]);
}
