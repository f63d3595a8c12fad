import { useTranslation } from 'react-i18next';
import { Alert, Button, ScreenTitle } from '../../components';
import { WizardSteps } from './WizardSteps';

export interface RecoveryWordsStepProps {
  orgName: string;
  words: readonly string[];
  onContinue: () => void;
  onCancel: () => void;
}

/** The only time the recovery words are ever shown. */
export function RecoveryWordsStep({ orgName, words, onContinue, onCancel }: RecoveryWordsStepProps) {
  const { t } = useTranslation();
  return (
    <section className="card card-wizard" aria-labelledby="words-title">
      <WizardSteps current="words" />
      <ScreenTitle id="words-title">{t('create.words.title')}</ScreenTitle>
      <Alert tone="warning">{t('create.words.warning')}</Alert>
      <p className="lead">{t('create.words.advice')}</p>
      <p className="print-only print-heading">{t('create.words.printHeading', { org: orgName })}</p>
      <ol className="word-grid" aria-label={t('create.words.listLabel')}>
        {words.map((word, i) => (
          <li key={i} className="word-cell">
            <span className="word-index">{i + 1}.</span>
            <span className="word-text">{word}</span>
          </li>
        ))}
      </ol>
      <div className="actions">
        <Button variant="primary" onPress={onContinue}>
          {t('create.words.continue')}
        </Button>
        <Button variant="secondary" onPress={() => window.print()}>
          {t('create.words.print')}
        </Button>
        <Button variant="quiet" className="actions-end" onPress={onCancel}>
          {t('create.cancel')}
        </Button>
      </div>
    </section>
  );
}
