import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, resources, type Messages } from '../../shared/i18n';
import type { Language } from '../../shared/vault';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.title = resources[language].translation.app.documentTitle;
}

export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['lt', 'en'],
    // React escapes output itself; escaping here would show &amp; and friends.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyToDocument(language);
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  applyToDocument(language);
}

export const currentLanguage = (): Language => (i18next.resolvedLanguage === 'en' ? 'en' : 'lt');
