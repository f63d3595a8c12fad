/**
 * A child process that removes a user (which rekeys the database) and says how far it got:
 *
 *   ready            unlocked as the administrator, about to remove
 *   removed <ms>     removeUser returned: the rekey is complete and acknowledged
 *
 * The rekey fault test kills it with SIGKILL at random moments. Settings come from the
 * environment, never from argv, so no passphrase shows in `ps`.
 */
import { removeUser, unlockVault } from '../../src/core/vault/vault';

const env = process.env;

async function main(): Promise<void> {
  const session = await unlockVault(
    env.SAUGA_FAULT_VAULT ?? '',
    env.SAUGA_FAULT_USER ?? '',
    env.SAUGA_FAULT_PASSPHRASE ?? '',
  );
  process.stdout.write('ready\n');
  const started = performance.now();
  removeUser(session, env.SAUGA_FAULT_REMOVE ?? '');
  process.stdout.write(`removed ${Math.round(performance.now() - started)}\n`);
  session.lock();
}

main().catch((e: unknown) => {
  process.stdout.write(`error ${(e as { code?: string }).code ?? 'unknown'}\n`);
  process.exitCode = 1;
});
