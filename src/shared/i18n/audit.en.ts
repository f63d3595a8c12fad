import type { auditLt } from './audit.lt';

/** English texts of the audit log screen, its receipt and the rollback warning. */
export const auditEn: typeof auditLt = {
  auditLog: {
    nav: 'Audit log',
    banner:
      'Warning: this vault’s audit log does not continue from the point this computer recorded on {{at}} (entry {{seq}}). The vault may have been replaced by an older copy, or its history rewritten. Tell your administrator; this finding is recorded in the audit log.',
    title: 'Audit log',
    intro:
      'Every view, change and export is an entry in a chain in which each entry is sealed with the code of the one before. The check walks the whole chain and compares it with the head recorded outside the vault.',
    verify: 'Check the chain',
    verifying: 'Checking…',
    intact: 'The chain is intact: {{count}} entries.',
    broken: 'The chain breaks at entry {{seq}}: {{reason}}.',
    reason: {
      mac: 'the entry’s code does not match (the entry was changed)',
      gap: 'an entry is missing',
      truncated: 'the last entries were cut off',
    },
    facts: 'Check results',
    entries: 'Entries',
    head: 'Head (last entry)',
    anchor: 'Head recorded outside the vault',
    anchorNone: 'None recorded yet.',
    anchorExtends: 'The chain extends it (entry {{seq}}, {{at}}).',
    anchorRollback: 'The chain does not extend it (entry {{seq}}, {{at}}): {{why}}.',
    why: {
      missing: 'that entry is not there – an older copy, or entries cut off',
      mac: 'another entry stands in its place – the chain was rewritten',
      chain: 'the chain breaks before it',
    },
    rollbacks: 'Older-copy warnings',
    rollbacksNone: 'None.',
    rollbacksSome: 'Found at unlock {{count}} time(s); the last on {{at}}.',
    thisSession: 'At this unlock the chain did not extend the head recorded on {{at}} (entry {{seq}}).',
    receiptTitle: 'Receipt',
    receiptIntro:
      'A receipt is the chain head at this moment. Print it and keep it apart, or hand it to a supervising body: later it proves the chain went on from here (sauga audit verify --head SEQ:MAC).',
    showReceipt: 'Show the receipt',
    print: 'Print the receipt',
    receiptHeading: 'Sauga audit chain receipt',
    org: 'Organisation',
    vault: 'Vault id',
    seq: 'Entry',
    mac: 'MAC',
    at: 'Taken',
    check: 'Check: sauga audit verify --head {{seq}}:MAC',
    loading: 'Loading…',
  },
};
