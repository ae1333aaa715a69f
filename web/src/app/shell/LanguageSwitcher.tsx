import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSaveLanguage } from '../../api/session';
import { chooseLanguage, isLanguage, type Language } from '../../i18n';

/** Switches the language at once on this device and keeps it on the profile (signed in: the shell). */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation('shell');
  const save = useSaveLanguage();
  const choose = (language: Language) => {
    chooseLanguage(language);
    save.mutate(language);
  };
  return (
    <SegmentedControl
      aria-label={t('language.label')}
      size="xs"
      value={i18n.language}
      onChange={(value) => isLanguage(value) && choose(value)}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
