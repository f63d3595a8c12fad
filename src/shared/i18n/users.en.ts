import type { usersLt } from './users.lt';

/** English texts of the administrator's Users screen. */
export const usersEn: typeof usersLt = {
  users: {
    nav: 'Users',
    title: 'Users',
    intro:
      'Who can unlock this vault, and with which roles. A removed user can no longer open it: the database gets a new key.',
    loading: 'Loading…',
    name: 'Name',
    roles: 'Roles',
    state: 'State',
    actions: 'Actions',
    active: 'Active',
    removed: 'Removed {{at}}',
    needsLogin: 'Must log in once (old key format)',
    you: '(you)',
    remove: 'Remove {{name}}',
    removeButton: 'Remove',
    changeRolesButton: 'Change roles',
    editRoles: 'Change roles: {{name}}',
    rolesLabel: 'Roles of {{name}}',
    saveRoles: 'Save roles',
    rolesSaved: 'Roles of {{name}} changed. They apply from their next login.',
    removedDone: 'User {{name}} removed. The database now has a new key.',
    removing: 'Changing the database key… On a large vault this takes a few seconds; do not close the app.',
    confirmTitle: 'Remove user {{name}}?',
    confirmBody:
      'The database will be rewritten under a new key, and the new key sealed to every remaining user and to the recovery sheet. The passphrase of {{name}}, and any key material they may have copied, will no longer open the vault or any new backup.',
    confirmOldBackups: 'Older backups still open with the old keys. Destroy them if that matters.',
    confirm: 'Remove and change the key',
    addTitle: 'Add a user',
    addName: 'Name',
    addRoles: 'Roles',
    addPassphrase: 'First passphrase',
    addPassphraseHint: 'Give it to the user in person; they can change it in the settings.',
    add: 'Add',
    added: 'User {{name}} added.',
  },
};
