import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { changeLanguage, currentLanguage } from '../i18n';
import { Language } from '../../../shared/vault';

/** Each language is named in itself, so anyone can find their own. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = currentLanguage();
  async function select(next: Language): Promise<void> {
    if (next === language) return;
    await changeLanguage(next);
    // The preference is a convenience: failing to save it must not undo the switch.
    await api?.app.setLanguage({ language: next });
  }
  return (
    <ToggleButtonGroup
      className="language-switch"
      aria-label={t('language.label')}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[language]}
      onSelectionChange={(keys) => {
        const parsed = Language.safeParse([...keys][0]);
        if (parsed.success) void select(parsed.data);
      }}
    >
      {Language.options.map((code) => (
        <ToggleButton key={code} id={code} lang={code} className="language-option">
          {t(`language.${code}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
