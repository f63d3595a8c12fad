import { z } from 'zod';
import { Role } from '../roles';
import {
  IdleLockMinutes,
  Language,
  OrgName,
  Passphrase,
  PassphraseStrength,
  RecoveryWords,
  UserName,
  VaultStatus,
} from '../vault';

/**
 * Who may call a channel: anyone (no vault unlocked needed), any unlocked user, or an
 * unlocked user holding one of the roles. Checked by the handler table, never by the UI.
 */
export type Access = { kind: 'public' } | { kind: 'unlocked' } | { kind: 'roles'; roles: readonly Role[] };

const publicAccess: Access = { kind: 'public' };
const unlocked: Access = { kind: 'unlocked' };
const roles = (...r: Role[]): Access => ({ kind: 'roles', roles: r });

export interface ChannelSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

const spec = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access): ChannelSpec<I, O> => ({
  input,
  output,
  access,
});

const Empty = z.strictObject({});
const Ok = z.strictObject({ ok: z.literal(true) });

export const contract = {
  'app.info': spec(Empty, z.strictObject({ version: z.string(), language: Language }), publicAccess),
  'app.setLanguage': spec(z.strictObject({ language: Language }), Ok, publicAccess),
  'vault.status': spec(Empty, VaultStatus, publicAccess),
  'vault.passphraseStrength': spec(
    z.strictObject({ passphrase: Passphrase, context: z.array(z.string().max(200)).max(4) }),
    PassphraseStrength,
    publicAccess,
  ),
  'vault.beginCreate': spec(
    z.strictObject({ orgName: OrgName, userName: UserName, passphrase: Passphrase }),
    z.strictObject({ words: RecoveryWords, confirmPositions: z.array(z.number().int().min(0).max(23)).length(3) }),
    publicAccess,
  ),
  'vault.cancelCreate': spec(Empty, Ok, publicAccess),
  'vault.forgetMissing': spec(Empty, VaultStatus, publicAccess),
  'vault.finishCreate': spec(
    z.strictObject({ confirmWords: z.array(z.string().trim().toLowerCase().max(16)).length(3) }),
    VaultStatus,
    publicAccess,
  ),
  'vault.unlock': spec(z.strictObject({ userName: UserName, passphrase: Passphrase }), VaultStatus, publicAccess),
  'vault.unlockWithRecovery': spec(
    z.strictObject({ words: RecoveryWords, userName: UserName, newPassphrase: Passphrase }),
    VaultStatus,
    publicAccess,
  ),
  'vault.lock': spec(Empty, VaultStatus, publicAccess),
  'vault.activity': spec(Empty, Ok, unlocked),
  'vault.changePassphrase': spec(
    z.strictObject({ currentPassphrase: Passphrase, newPassphrase: Passphrase }),
    Ok,
    unlocked,
  ),
  'vault.addUser': spec(
    z.strictObject({
      userName: UserName,
      roles: z.array(Role).min(1).max(3),
      passphrase: Passphrase,
    }),
    Ok,
    roles('administrator'),
  ),
  'settings.setIdleLock': spec(z.strictObject({ minutes: IdleLockMinutes }), Ok, roles('administrator')),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const channels = Object.keys(contract) as Channel[];
