import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * One namespace file per feature and language (i18n/id/calendar.json, i18n/en/calendar.json...):
 * a feature adds its files and they are picked up here, nobody edits a shared file.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./*/*.json', { eager: true });

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

const resources: Resource = {};
for (const [path, file] of Object.entries(files)) {
  const match = /^\.\/(\w+)\/([\w-]+)\.json$/.exec(path);
  if (!match) continue;
  const [, language, namespace] = match;
  resources[language] = { ...resources[language], [namespace]: file.default };
}

const CHOSEN_KEY = 'gaung.language';

/**
 * The language chosen on this device, if any. While signed in it is the profile's too: switching
 * saves it on the profile (PATCH /me), and signing in drops the device's earlier choice, so the
 * profile's language wins on every device.
 */
export function chosenLanguage(): Language | undefined {
  const stored = localStorage.getItem(CHOSEN_KEY);
  return isLanguage(stored) ? stored : undefined;
}

export function chooseLanguage(language: Language): void {
  localStorage.setItem(CHOSEN_KEY, language);
  void applyLanguage(language);
}

/** At sign-in: the profile's language wins over what this device chose before. */
export function forgetChosenLanguage(): void {
  localStorage.removeItem(CHOSEN_KEY);
}

/** Shows the app in `language` (profile language when nothing was chosen here; Indonesian when unset). */
export async function applyLanguage(language: Language): Promise<void> {
  document.documentElement.lang = language;
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

void i18next.use(initReactI18next).init({
  resources,
  lng: chosenLanguage() ?? 'id',
  fallbackLng: 'id',
  supportedLngs: [...LANGUAGES],
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

export { i18next };
