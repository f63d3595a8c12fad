import { useTranslation } from 'react-i18next';

export type WizardStep = 'details' | 'words' | 'confirm';
const ORDER: readonly WizardStep[] = ['details', 'words', 'confirm'];

/** Where the user is in vault creation, in words as well as by highlight. */
export function WizardSteps({ current }: { current: WizardStep }) {
  const { t } = useTranslation();
  const at = ORDER.indexOf(current);
  return (
    <ol className="steps" aria-label={t('create.steps.label')}>
      {ORDER.map((step, i) => (
        <li
          key={step}
          className="step"
          data-state={i < at ? 'done' : i === at ? 'current' : 'todo'}
          aria-current={i === at ? 'step' : undefined}
        >
          <span className="step-number" aria-hidden="true">
            {i < at ? '✓' : i + 1}
          </span>
          <span className="step-name">{t(`create.steps.${step}`)}</span>
          {i < at ? <span className="visually-hidden"> ({t('create.steps.done')})</span> : null}
          {i === at ? <span className="visually-hidden"> ({t('create.steps.current')})</span> : null}
        </li>
      ))}
    </ol>
  );
}
