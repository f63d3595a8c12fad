/** Holds a vault open, as a running app does, until it is killed. */
import { unlockVault } from '../../src/core/vault/vault';

async function main(): Promise<void> {
  const session = await unlockVault(
    process.env.SAUGA_FAULT_VAULT ?? '',
    process.env.SAUGA_FAULT_USER ?? '',
    process.env.SAUGA_FAULT_PASSPHRASE ?? '',
  );
  process.stdout.write('ready\n');
  setInterval(() => session.getMeta('vault_id'), 1000);
}

main().catch((e: unknown) => {
  process.stdout.write(`error ${(e as { code?: string }).code ?? 'UNKNOWN'}\n`);
  process.exitCode = 3;
});
