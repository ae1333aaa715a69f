import { useTranslation } from 'react-i18next';

/** Numbers in the page's language: 1.234 and 2,1 in Indonesian, 1,234 and 2.1 in English. */
export function useNumbers() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'id-ID';
  return {
    whole: (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n),
    one: (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(n),
    percent: (n: number) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(
        n,
      ),
    language: i18n.language === 'en' ? ('en' as const) : ('id' as const),
  };
}
