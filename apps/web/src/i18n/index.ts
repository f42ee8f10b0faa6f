import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type TLanguage = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'cims.language';
const DEFAULT_LANGUAGE: TLanguage = 'zh-CN';

function isLanguage(value: unknown): value is TLanguage {
  return LANGUAGES.includes(value as TLanguage);
}

// Storage can throw (Safari private mode, disabled cookies); the language choice is a convenience,
// so failures fall back to the default instead of breaking start-up.
function readStoredLanguage(): TLanguage {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function rememberLanguage(language: string): void {
  document.documentElement.lang = language;
  document.title = i18n.t('app.title');
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Nothing to do: the choice still holds for this tab.
  }
}

i18n.on('languageChanged', rememberLanguage);

// Resources are bundled, so initialisation completes synchronously and the first render is translated.
void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    en: { translation: en },
  },
  lng: readStoredLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

document.documentElement.lang = i18n.language;
document.title = i18n.t('app.title');

export function changeLanguage(language: TLanguage): Promise<unknown> {
  return i18n.changeLanguage(language);
}

export default i18n;
