import { LOCALE_STORAGE_KEY } from '../config';
import { useT } from '../i18n';
import { uiStore, useUiStore } from '../stores/uiStore';

export function LanguageSwitch() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const toggle = () => {
    const next = locale === 'nl' ? 'en' : 'nl';
    uiStore.getState().setLocale(next);
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Not remembered across reloads; the switch still works now.
    }
  };
  return (
    <button
      type="button"
      className="button ghost small"
      onClick={toggle}
      aria-label={t.languageSwitchLabel}
      data-testid="language-switch"
      // The button names the other language in that language ("English", "Nederlands").
      lang={locale === 'nl' ? 'en' : 'nl'}
    >
      {t.languageSwitch}
    </button>
  );
}
