import type { AppCore } from '../../core/app';
import { GovernanceService } from '../../core/governance/service';
import type { governanceContract } from '../../shared/ipc/governance';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';

type GovernanceChannel = keyof typeof governanceContract;
type Handler<C extends GovernanceChannel> = (
  input: ChannelParsedInput<C>,
  core: AppCore,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

const g = (core: AppCore): GovernanceService => new GovernanceService(core);
const note = (n: string | undefined) => (n ? { note: n } : {});

/** Backups and retention: spread into the handler table. */
export const governanceHandlers: { [C in GovernanceChannel]: Handler<C> } = {
  'backup.status': (_, core) => g(core).backupStatus(),
  'backup.setPolicy': (input, core) => g(core).setBackupPolicy(input),
  'backup.create': (_, core) => g(core).createBackup(),
  'backup.verify': (input, core) => g(core).verifyBackup(input.passphrase),
  'backup.chooseRestore': (_, core) => g(core).chooseRestore(),
  'backup.restore': (input, core) => g(core).restore(input),

  'retention.policy': (_, core) => g(core).policy(),
  'retention.setPolicy': (input, core) => g(core).setPolicy(input),
  'retention.holds': (_, core) => g(core).holds(),
  'retention.hold': (input, core) => g(core).hold(input.caseRef, { reason: input.reason, ...note(input.note) }),
  'retention.release': (input, core) => g(core).release(input.caseRef, { reason: input.reason, ...note(input.note) }),
  'retention.plan': (input, core) => g(core).plan(input.asOf),
  'retention.purge': (input, core) => g(core).purge(input.confirm),
  'retention.withdrawalPlan': (input, core) => g(core).withdrawalPlan(input.caseId, input.consentId),
  'retention.recordWithdrawal': (input, core) =>
    g(core).recordWithdrawal(input.caseId, input.consentId, {
      cancelDrafts: input.cancelDrafts,
      informedDisclosures: input.informedDisclosures,
      ...note(input.note),
    }),
};
