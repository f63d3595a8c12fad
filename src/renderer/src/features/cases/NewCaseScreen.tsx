import { useEffect, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NewCase, type CaseId, type DuplicateWarning, type Worker } from '../../../../shared/cases/schemas';
import type { ErrorCode } from '../../../../shared/errors';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useDirtyFlag } from '../../app/guard';
import { Alert, Button, ChoiceField, Form, ScreenTitle } from '../../components';
import { FieldGrid } from './form/FieldView';
import { schemaResolver } from './form/resolver';
import { SECTION_FIELDS, toForm, toPayload, type FieldSpec, type FormValues } from './form/spec';
import { today } from './format';

const pick = (specs: readonly FieldSpec[], names: readonly string[]) =>
  names.map((n) => specs.find((s) => s.name === n)).filter((s): s is FieldSpec => s !== undefined);

const IDENTITY = pick(SECTION_FIELDS.identity, ['givenNames', 'familyNames', 'dateOfBirth', 'estimatedAge', 'sex']);
const STATUS = pick(SECTION_FIELDS.status, ['victimStatus', 'firstIdentifier', 'firstContactOn']);
const OPENED = pick(SECTION_FIELDS.management, ['openedOn']);

function toNewCase(values: FormValues): Record<string, unknown> {
  return {
    ...toPayload(OPENED, values),
    identity: toPayload(IDENTITY, (values.identity ?? {}) as FormValues),
    status: toPayload(STATUS, (values.status ?? {}) as FormValues),
    ownerId: typeof values.ownerId === 'string' && values.ownerId ? values.ownerId : null,
  };
}

const resolver = schemaResolver(NewCase, toNewCase);

export interface NewCaseScreenProps {
  isSupervisor: boolean;
  onCreated: (id: CaseId) => void;
}

/**
 * Opening a case with what is known on the first day. Before saving, core is asked whether a
 * similar person already has a case: a caseworker learns how many, a supervisor which.
 */
export function NewCaseScreen({ isSupervisor, onCreated }: NewCaseScreenProps) {
  const { t } = useTranslation();
  const methods = useForm<FormValues>({
    defaultValues: {
      ...toForm(OPENED, { openedOn: today() }),
      identity: toForm(IDENTITY, {}),
      status: toForm(STATUS, {}),
      ownerId: '',
    },
    resolver,
  });
  const [busy, setBusy] = useState<'checking' | 'creating' | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [duplicate, setDuplicate] = useState<{ warning: DuplicateWarning; data: NewCase } | null>(null);
  const [workers, setWorkers] = useState<Worker[]>([]);
  const ownerId = useWatch({ control: methods.control, name: 'ownerId' }) as unknown;
  useDirtyFlag('new-case', methods.formState.isDirty && busy !== 'creating');

  useEffect(() => {
    if (!isSupervisor) return;
    void sauga()
      .cases.workers({})
      .then((r) => {
        if (r.ok) setWorkers(r.value.filter((w) => w.roles.includes('caseworker')));
      });
  }, [isSupervisor]);

  async function create(data: NewCase): Promise<void> {
    setBusy('creating');
    setError(null);
    const result = await sauga().cases.create(data);
    if (!result.ok) {
      setBusy(null);
      return setError(result.error.code);
    }
    methods.reset(methods.getValues());
    onCreated(result.value.id);
  }

  const submit = methods.handleSubmit(async (parsed) => {
    if (busy) return;
    const data = parsed as unknown as NewCase;
    setError(null);
    setDuplicate(null);
    const identity = data.identity ?? {};
    if (identity.givenNames || identity.familyNames) {
      setBusy('checking');
      const check = await sauga().cases.checkDuplicates({
        givenNames: identity.givenNames ?? null,
        familyNames: identity.familyNames ?? null,
        dateOfBirth: identity.dateOfBirth ?? null,
        estimatedAge: identity.estimatedAge ?? null,
        estimatedAgeOn: data.openedOn,
      });
      setBusy(null);
      if (!check.ok) return setError(check.error.code);
      if (check.value.possibleDuplicate) return setDuplicate({ warning: check.value, data });
    }
    await create(data);
  });

  const message = busy === 'checking' ? t('newCase.checking') : busy === 'creating' ? t('newCase.working') : undefined;
  return (
    <section className="card card-wide" aria-labelledby="new-case-title">
      <ScreenTitle id="new-case-title">{t('newCase.title')}</ScreenTitle>
      <p className="lead">{t('newCase.intro')}</p>
      <FormProvider {...methods}>
        <Form onSubmit={() => void submit()} busyMessage={message} aria-labelledby="new-case-title">
          <fieldset className="fieldset">
            <legend className="fieldset-legend">{t('newCase.person')}</legend>
            <FieldGrid specs={IDENTITY} group="identity" prefix="identity." />
          </fieldset>
          <fieldset className="fieldset">
            <legend className="fieldset-legend">{t('newCase.caseData')}</legend>
            <FieldGrid specs={OPENED} group="management" />
            <FieldGrid specs={STATUS} group="status" prefix="status." />
            {isSupervisor ? (
              <div className="form-grid">
                <ChoiceField
                  label={t('newCase.owner')}
                  options={workers.map((w) => ({ id: w.id, label: w.name }))}
                  noneLabel={t('newCase.ownerSelf')}
                  value={String(ownerId ?? '')}
                  onChange={(v) => methods.setValue('ownerId', v, { shouldDirty: true })}
                />
              </div>
            ) : null}
          </fieldset>
          {duplicate ? (
            <div className="duplicate">
              <Alert tone="warning">
                <strong>{t('newCase.duplicateTitle')}. </strong>
                {t('newCase.duplicateCount', { count: duplicate.warning.count })}
                {duplicate.warning.codes?.length ? (
                  <> {t('newCase.duplicateCodes', { codes: duplicate.warning.codes.join(', ') })}</>
                ) : null}
              </Alert>
              <div className="actions">
                <Button variant="secondary" onPress={() => setDuplicate(null)}>
                  {t('newCase.back')}
                </Button>
                <Button variant="primary" isBusy={busy !== null} onPress={() => void create(duplicate.data)}>
                  {t('newCase.createAnyway')}
                </Button>
              </div>
            </div>
          ) : null}
          <ErrorAlert code={error} />
          {duplicate ? null : (
            <div className="actions">
              <Button type="submit" variant="primary" isBusy={busy !== null}>
                {message ?? t('newCase.submit')}
              </Button>
            </div>
          )}
        </Form>
      </FormProvider>
    </section>
  );
}
