import { useId } from 'react';
import { Label, Meter } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN_LENGTH, type PassphraseStrength } from '../../../shared/vault';

export interface StrengthMeterProps {
  strength: PassphraseStrength | undefined;
  checking: boolean;
}

const scoreKey = (score: number) =>
  `passphrase.strength.score${Math.min(4, Math.max(0, score)) as 0 | 1 | 2 | 3 | 4}` as const;

/**
 * The verdict comes from core (the same rule that refuses a weak passphrase) and is shown as
 * a meter, a word for the score, and the reasons in text: never colour alone.
 */
export function StrengthMeter({ strength, checking }: StrengthMeterProps) {
  const { t } = useTranslation();
  const verdictId = useId();
  const score = strength?.score ?? 0;
  const valueLabel = strength ? t(scoreKey(score)) : checking ? t('passphrase.strength.checking') : '—';
  return (
    <div className="strength">
      <Meter
        className="strength-meter"
        value={score}
        minValue={0}
        maxValue={4}
        valueLabel={valueLabel}
        aria-describedby={verdictId}
      >
        <div className="strength-head">
          <Label className="strength-label">{t('passphrase.strength.label')}</Label>
          <span className="strength-value">{valueLabel}</span>
        </div>
        <div className="strength-track">
          <div
            className="strength-fill"
            data-score={strength ? score : 'none'}
            data-acceptable={strength ? String(strength.acceptable) : undefined}
          />
        </div>
      </Meter>
      <div id={verdictId} className="strength-verdict" aria-live="polite">
        {!strength ? (
          <p className="muted">{checking ? t('passphrase.strength.checking') : t('passphrase.strength.empty')}</p>
        ) : strength.acceptable ? (
          <p className="strength-ok">
            <span aria-hidden="true">✓ </span>
            {t('passphrase.strength.acceptable')}
          </p>
        ) : (
          <>
            <p className="strength-bad">
              <span aria-hidden="true">✗ </span>
              {t('passphrase.strength.notAcceptable')}
            </p>
            <ul className="strength-problems">
              {strength.problems.map((problem) => (
                <li key={problem}>{t(`passphrase.problems.${problem}`, { min: PASSPHRASE_MIN_LENGTH })}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
