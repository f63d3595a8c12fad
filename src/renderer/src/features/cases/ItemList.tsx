import { useMemo, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  ItemSchemas,
  type CaseId,
  type CaseItems,
  type ItemId,
  type ItemInput,
  type ItemKind,
} from '../../../../shared/cases/schemas';
import { ErrorCode } from '../../../../shared/errors';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useDirtyFlag } from '../../app/guard';
import { Alert, Button, ConfirmDialog, Form, type SelectOption } from '../../components';
import { FieldGrid, type FieldContext } from './form/FieldView';
import { schemaResolver } from './form/resolver';
import { ITEM_FIELDS, toForm, type FieldSpec, type FormValues } from './form/spec';
import { useTx } from './form/tx';
import { formatTimestamp, today } from './format';
import { displayValue } from './values';
import { WithdrawalImpactNotice } from '../summaries/SummariesPanel';

type AnyItem = CaseItems[ItemKind][number];
const META = new Set(['id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy']);
/** Dates an entry is usually recorded on the day of: pre-filled with today. */
const TODAY_FIELDS = new Set(['date', 'givenOn']);

function dataOf(item: AnyItem): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !META.has(k)));
}

export interface ItemListProps {
  caseId: CaseId;
  kind: ItemKind;
  items: readonly AnyItem[];
  version: number;
  disabled: boolean;
  /** After any change: the new case version (the screen reloads the case). */
  onChanged: (version: number) => void;
  onReload: () => void;
  consents?: readonly SelectOption[];
}

type Editing = { mode: 'add' } | { mode: 'edit'; item: AnyItem } | { mode: 'withdraw'; item: AnyItem } | null;

/** A repeated part of the record (services, referrals, consents, ...): a list with add, edit, remove. */
export function ItemList({ caseId, kind, items, version, disabled, onChanged, onReload, consents }: ItemListProps) {
  const tx = useTx();
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<AnyItem | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const titleId = `items-${kind}-title`;

  async function remove(item: AnyItem): Promise<void> {
    setRemoving(null);
    setError(null);
    const result = await sauga().cases.removeItem({
      caseId,
      kind,
      itemId: item.id as ItemId,
      expectedVersion: version,
    });
    if (!result.ok) return setError(result.error.code);
    onChanged(result.value.version);
  }

  return (
    <section className="items" aria-labelledby={titleId}>
      <div className="items-head">
        <h2 id={titleId} className="section-title">
          {tx(`items.${kind}.title`)}
        </h2>
        {disabled || editing?.mode === 'add' ? null : (
          <Button variant="secondary" onPress={() => setEditing({ mode: 'add' })}>
            {tx(`items.${kind}.add`)}
          </Button>
        )}
      </div>
      {editing?.mode === 'add' ? (
        <ItemForm
          caseId={caseId}
          kind={kind}
          item={null}
          version={version}
          context={{ consents: consents ?? [] }}
          onDone={(v) => {
            setEditing(null);
            if (v !== undefined) onChanged(v);
          }}
          onReload={onReload}
        />
      ) : null}
      <ErrorAlert code={error} />
      {items.length === 0 ? <p className="muted">{t('form.none')}</p> : null}
      <ul className="item-cards">
        {items.map((item) => (
          <li key={item.id} className="item-card">
            {editing?.mode === 'withdraw' && editing.item.id === item.id ? (
              <WithdrawalImpactNotice caseId={caseId} consentId={item.id} />
            ) : null}
            {editing && editing.mode !== 'add' && editing.item.id === item.id ? (
              <ItemForm
                caseId={caseId}
                kind={kind}
                item={item}
                withdraw={editing.mode === 'withdraw'}
                version={version}
                context={{ consents: consents ?? [] }}
                onDone={(v) => {
                  setEditing(null);
                  if (v !== undefined) onChanged(v);
                }}
                onReload={onReload}
              />
            ) : (
              <ItemCard kind={kind} item={item} />
            )}
            {disabled || editing ? null : (
              <div className="actions item-actions">
                <Button variant="secondary" onPress={() => setEditing({ mode: 'edit', item })}>
                  {t('form.edit')}
                </Button>
                {kind === 'consents' && !(item as { withdrawnOn?: string | null }).withdrawnOn ? (
                  <Button variant="secondary" onPress={() => setEditing({ mode: 'withdraw', item })}>
                    {t('items.withdraw')}
                  </Button>
                ) : null}
                <Button variant="quiet" onPress={() => setRemoving(item)}>
                  {t('form.remove')}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        isOpen={removing !== null}
        title={tx(`items.${kind}.one`)}
        confirmLabel={t('form.remove')}
        cancelLabel={t('form.cancel')}
        tone="danger"
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) void remove(removing);
        }}
      >
        <p>{t('form.confirmRemove')}</p>
      </ConfirmDialog>
    </section>
  );
}

/** The filled-in fields of an entry, as a definition list; the first field is its title. */
function ItemCard({ kind, item }: { kind: ItemKind; item: AnyItem }) {
  const tx = useTx();
  const { t } = useTranslation();
  const specs = ITEM_FIELDS[kind];
  const data = dataOf(item);
  const [head, ...rest] = specs;
  const withdrawn = kind === 'consents' ? (data.withdrawnOn as string | undefined) : undefined;
  return (
    <article className="item-body" aria-label={tx(`items.${kind}.one`)}>
      <h3 className="item-title">
        {head ? displayValue(tx, head, data[head.name]) : null}
        {kind === 'consents' ? (
          <span className="status-chip" data-status={withdrawn ? 'CLOSED' : 'OPEN'}>
            {withdrawn ? t('items.withdrawn', { date: withdrawn }) : t('items.active')}
          </span>
        ) : null}
      </h3>
      <dl className="item-facts">
        {rest
          .filter((s) => data[s.name] !== undefined && data[s.name] !== null && data[s.name] !== '')
          .map((s) => (
            <div key={s.name} className={s.kind === 'textarea' ? 'item-fact item-fact-wide' : 'item-fact'}>
              <dt>{tx(`fields.${kind}.${s.name}`)}</dt>
              <dd>{displayValue(tx, s, data[s.name])}</dd>
            </div>
          ))}
      </dl>
      <p className="item-meta muted">
        {t('items.addedBy', { name: item.createdBy, at: formatTimestamp(item.createdAt) })}
      </p>
    </article>
  );
}

function ItemForm({
  caseId,
  kind,
  item,
  withdraw = false,
  version,
  context,
  onDone,
  onReload,
}: {
  caseId: CaseId;
  kind: ItemKind;
  item: AnyItem | null;
  withdraw?: boolean;
  version: number;
  context: FieldContext;
  onDone: (version?: number) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const tx = useTx();
  const specs = ITEM_FIELDS[kind];
  const shown: readonly FieldSpec[] = withdraw
    ? specs.filter((s) => s.name === 'withdrawnOn' || s.name === 'withdrawalNote')
    : specs;
  const resolver = useMemo(() => schemaResolver(ItemSchemas[kind], specs), [kind, specs]);
  const defaults = item
    ? toForm(specs, dataOf(item))
    : toForm(specs, Object.fromEntries(specs.filter((s) => TODAY_FIELDS.has(s.name)).map((s) => [s.name, today()])));
  if (withdraw && !defaults.withdrawnOn) defaults.withdrawnOn = today();
  const methods = useForm<FormValues>({ defaultValues: defaults, resolver });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [invalid, setInvalid] = useState(false);
  useDirtyFlag(`item:${kind}:${item?.id ?? 'new'}`, methods.formState.isDirty);
  const title = withdraw ? t('items.withdrawTitle') : item ? tx(`items.${kind}.one`) : tx(`items.${kind}.add`);
  const titleId = `item-form-${kind}-${item?.id ?? 'new'}`;

  const submit = methods.handleSubmit(
    async (parsed) => {
      if (busy) return;
      if (withdraw && !parsed.withdrawnOn) {
        methods.setError('withdrawnOn', { type: 'required', message: 'validation.required' });
        return;
      }
      setInvalid(false);
      setError(null);
      setBusy(true);
      const input = { kind, data: parsed } as unknown as ItemInput;
      const result = item
        ? await sauga().cases.updateItem({ caseId, itemId: item.id as ItemId, item: input, expectedVersion: version })
        : await sauga().cases.addItem({ caseId, item: input });
      setBusy(false);
      if (!result.ok) return setError(result.error.code);
      methods.reset(methods.getValues());
      onDone(result.value.version);
    },
    () => setInvalid(true),
  );

  return (
    <FormProvider {...methods}>
      <Form
        onSubmit={() => void submit()}
        busyMessage={busy ? t('form.saving') : undefined}
        aria-labelledby={titleId}
        className="item-form"
      >
        <h3 id={titleId} className="block-title">
          {title}
        </h3>
        <FieldGrid specs={shown} group={kind} context={context} />
        {invalid ? <Alert tone="error">{t('form.invalid')}</Alert> : null}
        <ErrorAlert code={error} />
        {error === ErrorCode.StaleVersion ? (
          <div className="stale">
            <p className="muted">{t('form.reloadHint')}</p>
            <Button variant="secondary" onPress={onReload}>
              {t('form.reload')}
            </Button>
          </div>
        ) : null}
        <div className="actions">
          <Button type="submit" variant="primary" isBusy={busy}>
            {busy ? t('form.saving') : withdraw ? t('items.withdraw') : t('form.save')}
          </Button>
          <Button variant="secondary" onPress={() => onDone()}>
            {t('form.cancel')}
          </Button>
        </div>
      </Form>
    </FormProvider>
  );
}
