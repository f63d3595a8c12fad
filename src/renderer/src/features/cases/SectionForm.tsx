import { useMemo, useState, type ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SectionSchemas, type CaseId, type SectionName, type SectionUpdate } from '../../../../shared/cases/schemas';
import { ErrorCode } from '../../../../shared/errors';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useDirtyFlag } from '../../app/guard';
import { Alert, Button, Form } from '../../components';
import { FieldGrid, type FieldContext } from './form/FieldView';
import { schemaResolver } from './form/resolver';
import { SECTION_FIELDS, toForm, type FormValues } from './form/spec';
import { useTx } from './form/tx';

export interface SectionFormProps {
  caseId: CaseId;
  section: SectionName;
  data: Record<string, unknown> | null;
  version: number;
  disabled: boolean;
  onSaved: (section: SectionName, data: Record<string, unknown>, version: number) => void;
  onReload: () => void;
  context?: FieldContext;
  intro?: ReactNode;
}

/**
 * One section of the record as one form, validated with the section's shared schema and saved
 * whole with the version it was loaded at: a stale save is refused by core, and the input
 * stays in the form.
 */
export function SectionForm({
  caseId,
  section,
  data,
  version,
  disabled,
  onSaved,
  onReload,
  context,
  intro,
}: SectionFormProps) {
  const { t } = useTranslation();
  const tx = useTx();
  const specs = SECTION_FIELDS[section];
  const resolver = useMemo(() => schemaResolver(SectionSchemas[section], specs), [section, specs]);
  const methods = useForm<FormValues>({ defaultValues: toForm(specs, data), resolver });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | 'invalid' | null>(null);
  const { isDirty } = methods.formState;
  useDirtyFlag(`section:${section}`, isDirty);
  const titleId = `section-${section}-title`;

  const submit = methods.handleSubmit(
    async (parsed) => {
      if (busy) return;
      setError(null);
      setOutcome(null);
      setBusy(true);
      const update = { section, data: parsed, expectedVersion: version } as unknown as SectionUpdate;
      const result = await sauga().cases.updateSection({ caseId, update });
      setBusy(false);
      if (!result.ok) return setError(result.error.code);
      setOutcome(result.value.version === version ? 'unchanged' : 'saved');
      methods.reset(toForm(specs, parsed));
      onSaved(section, parsed, result.value.version);
    },
    () => setOutcome('invalid'),
  );

  return (
    <FormProvider {...methods}>
      <Form
        onSubmit={() => void submit()}
        busyMessage={busy ? t('form.saving') : undefined}
        aria-labelledby={titleId}
        className="section-form"
      >
        <h2 id={titleId} className="section-title">
          {tx(`sections.${section}`)}
        </h2>
        {intro}
        <FieldGrid specs={specs} group={section} context={{ ...context, disabled }} />
        {outcome === 'invalid' ? <Alert tone="error">{t('form.invalid')}</Alert> : null}
        <ErrorAlert code={error} />
        {error === ErrorCode.StaleVersion ? (
          <div className="stale">
            <p className="muted">{t('form.reloadHint')}</p>
            <Button variant="secondary" onPress={onReload}>
              {t('form.reload')}
            </Button>
          </div>
        ) : null}
        {outcome === 'saved' && !isDirty ? <Alert tone="success">{t('form.saved')}</Alert> : null}
        {outcome === 'unchanged' && !isDirty ? <Alert tone="info">{t('form.noChanges')}</Alert> : null}
        {disabled ? null : (
          <div className="actions form-footer">
            <Button type="submit" variant="primary" isBusy={busy}>
              {busy ? t('form.saving') : t('form.save')}
            </Button>
            {isDirty ? (
              <>
                <Button variant="quiet" onPress={() => methods.reset()}>
                  {t('form.reset')}
                </Button>
                <span className="dirty-note">{t('form.unsaved')}</span>
              </>
            ) : null}
          </div>
        )}
      </Form>
    </FormProvider>
  );
}
