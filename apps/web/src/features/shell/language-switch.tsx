import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type TLanguage } from '../../i18n';

// Each language is named in itself, so someone who cannot read the current one can still find theirs.
const NATIVE_NAMES: Record<TLanguage, string> = { 'zh-CN': '中文', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">{t('shell.language')}</legend>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="segmented__option"
          aria-pressed={i18n.resolvedLanguage === language}
          onClick={() => void changeLanguage(language)}
        >
          {NATIVE_NAMES[language]}
        </button>
      ))}
    </fieldset>
  );
}
