import type { Channel } from '../shared/ipc/contract';

/**
 * The contract's channel names, checked against it by the compiler (`satisfies` fails on a
 * missing or an extra name). Listed here rather than imported because contract.ts pulls in
 * zod, and a sandboxed preload can require nothing but 'electron'.
 */
export const PRELOAD_CHANNELS = {
  'app.info': true,
  'app.setLanguage': true,
  'vault.status': true,
  'vault.passphraseStrength': true,
  'vault.beginCreate': true,
  'vault.cancelCreate': true,
  'vault.forgetMissing': true,
  'vault.finishCreate': true,
  'vault.unlock': true,
  'vault.unlockWithRecovery': true,
  'vault.lock': true,
  'vault.activity': true,
  'vault.changePassphrase': true,
  'vault.addUser': true,
  'settings.setIdleLock': true,
  'cases.list': true,
  'cases.create': true,
  'cases.get': true,
  'cases.updateSection': true,
  'cases.addItem': true,
  'cases.updateItem': true,
  'cases.removeItem': true,
  'cases.history': true,
  'cases.viewLog': true,
  'cases.workers': true,
  'cases.assignments': true,
  'cases.assign': true,
  'cases.unassign': true,
  'cases.reassign': true,
  'cases.setStatus': true,
  'cases.requestClosure': true,
  'cases.close': true,
  'cases.checkDuplicates': true,
  'cases.addAttachment': true,
  'cases.readAttachment': true,
  'cases.exportAttachment': true,
  'cases.removeAttachment': true,
  'stats.preview': true,
  'stats.export': true,
  'stats.history': true,
  'stats.signingKey': true,
} as const satisfies Record<Channel, true>;

export const preloadChannelNames: readonly Channel[] = Object.keys(PRELOAD_CHANNELS) as Channel[];
