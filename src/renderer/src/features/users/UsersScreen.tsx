import { useCallback, useEffect, useState } from 'react';
import type { ErrorCode } from '../../../../shared/errors';
import type { UserView } from '../../../../shared/ipc/users';
import { Role } from '../../../../shared/roles';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Alert, Button, ConfirmDialog, Form, MultiChoiceField, ScreenTitle, TextField } from '../../components';
import { useTx } from '../cases/form/tx';
import { formatTimestamp } from '../cases/format';

type Busy = 'load' | 'remove' | 'roles' | 'add' | null;

/**
 * The administrator's list of people who may unlock the vault: add, change roles, remove.
 * Removing rekeys the whole database (core/vault/vault.ts removeUser), so it asks first,
 * says what it will do, and shows that it is working while it runs.
 */
export function UsersScreen({ currentUser }: { currentUser: string }) {
  const tx = useTx();
  const [users, setUsers] = useState<UserView[] | null>(null);
  const [busy, setBusy] = useState<Busy>('load');
  const [error, setError] = useState<ErrorCode | null>(null);
  const [notice, setNotice] = useState<string>('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ name: string; roles: Role[] } | null>(null);
  const [newName, setNewName] = useState('');
  const [newRoles, setNewRoles] = useState<Role[]>(['caseworker']);
  const [newPassphrase, setNewPassphrase] = useState('');

  const roleOptions = Role.options.map((r) => ({ id: r, label: tx(`roles.${r}`) }));

  const load = useCallback(async () => {
    setBusy('load');
    try {
      const r = await sauga().users.list({});
      if (r.ok) setUsers(r.value);
      else setError(r.error.code);
    } finally {
      setBusy(null);
    }
  }, []);

  useEffect(() => {
    // Loading on mount is the point of this effect; load sets state only after the call answers.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  async function remove(name: string): Promise<void> {
    setConfirming(null);
    if (busy) return;
    setBusy('remove');
    setError(null);
    setNotice('');
    try {
      const r = await sauga().users.remove({ userName: name });
      if (!r.ok) return setError(r.error.code);
      setNotice(tx('users.removedDone', { name }));
    } finally {
      setBusy(null);
    }
    await load();
  }

  async function saveRoles(): Promise<void> {
    if (!editing || busy) return;
    setBusy('roles');
    setError(null);
    setNotice('');
    try {
      const r = await sauga().users.changeRole({ userName: editing.name, roles: editing.roles });
      if (!r.ok) return setError(r.error.code);
      setNotice(tx('users.rolesSaved', { name: editing.name }));
      setEditing(null);
    } finally {
      setBusy(null);
    }
    await load();
  }

  async function add(): Promise<void> {
    if (busy) return;
    setBusy('add');
    setError(null);
    setNotice('');
    try {
      const r = await sauga().vault.addUser({ userName: newName, roles: newRoles, passphrase: newPassphrase });
      if (!r.ok) return setError(r.error.code);
      setNotice(tx('users.added', { name: newName }));
      setNewName('');
      setNewPassphrase('');
    } finally {
      setBusy(null);
    }
    await load();
  }

  return (
    <section className="card card-full users-screen" aria-labelledby="users-title">
      <ScreenTitle id="users-title">{tx('users.title')}</ScreenTitle>
      <p className="lead">{tx('users.intro')}</p>
      <p role="status" aria-live="polite" className={busy === 'remove' ? '' : 'visually-hidden'}>
        {busy === 'remove' ? tx('users.removing') : ''}
      </p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <ErrorAlert code={error} />
      {users === null ? (
        <p className="muted">{tx('users.loading')}</p>
      ) : (
        <table className="table users-table">
          <caption className="visually-hidden">{tx('users.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{tx('users.name')}</th>
              <th scope="col">{tx('users.roles')}</th>
              <th scope="col">{tx('users.state')}</th>
              <th scope="col">{tx('users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.name}>
                <th scope="row">
                  {u.name} {u.name === currentUser ? <span className="muted">{tx('users.you')}</span> : null}
                </th>
                <td>{u.roles.map((r) => tx(`roles.${r}`)).join(', ')}</td>
                <td>
                  {u.removedAt
                    ? tx('users.removed', { at: formatTimestamp(u.removedAt) })
                    : u.needsLogin
                      ? tx('users.needsLogin')
                      : tx('users.active')}
                </td>
                <td>
                  {u.removedAt || u.name === currentUser ? null : (
                    <div className="actions">
                      <Button
                        variant="secondary"
                        aria-label={tx('users.editRoles', { name: u.name })}
                        onPress={() => setEditing({ name: u.name, roles: [...u.roles] })}
                      >
                        {tx('users.changeRolesButton')}
                      </Button>
                      <Button
                        variant="danger"
                        isBusy={busy === 'remove'}
                        aria-label={tx('users.remove', { name: u.name })}
                        onPress={() => setConfirming(u.name)}
                      >
                        {tx('users.removeButton')}
                      </Button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing ? (
        <Form
          className="users-roles"
          onSubmit={() => void saveRoles()}
          busyMessage={busy === 'roles' ? tx('users.loading') : undefined}
        >
          <MultiChoiceField
            label={tx('users.rolesLabel', { name: editing.name })}
            options={roleOptions}
            value={editing.roles}
            onChange={(v) => setEditing({ name: editing.name, roles: v as Role[] })}
          />
          <div className="actions">
            <Button type="submit" variant="primary" isBusy={busy === 'roles'}>
              {tx('users.saveRoles')}
            </Button>
            <Button variant="quiet" onPress={() => setEditing(null)}>
              {tx('common.cancel')}
            </Button>
          </div>
        </Form>
      ) : null}
      <h2 className="block-title">{tx('users.addTitle')}</h2>
      <Form onSubmit={() => void add()} busyMessage={busy === 'add' ? tx('users.loading') : undefined}>
        <TextField label={tx('users.addName')} value={newName} onChange={setNewName} isRequired maxLength={64} secret />
        <MultiChoiceField
          label={tx('users.addRoles')}
          options={roleOptions}
          value={newRoles}
          onChange={(v) => setNewRoles(v as Role[])}
        />
        <TextField
          type="password"
          label={tx('users.addPassphrase')}
          description={tx('users.addPassphraseHint')}
          value={newPassphrase}
          onChange={setNewPassphrase}
          isRequired
          secret
          maxLength={1024}
          autoComplete="new-password"
        />
        <Button type="submit" variant="primary" isBusy={busy === 'add'}>
          {tx('users.add')}
        </Button>
      </Form>
      <ConfirmDialog
        isOpen={confirming !== null}
        title={tx('users.confirmTitle', { name: confirming ?? '' })}
        confirmLabel={tx('users.confirm')}
        cancelLabel={tx('common.cancel')}
        tone="danger"
        onConfirm={() => confirming && void remove(confirming)}
        onCancel={() => setConfirming(null)}
      >
        <p>{tx('users.confirmBody', { name: confirming ?? '' })}</p>
        <p>{tx('users.confirmOldBackups')}</p>
      </ConfirmDialog>
    </section>
  );
}
