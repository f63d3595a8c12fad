import type { ActiveRulesView } from '../../../../shared/duties/views';
import { Alert } from '../../components';
import { useTx } from '../cases/form/tx';
import { bi } from './text';

/** Says when the tasks come from an example, or from no rules at all, so nobody takes them as the protocol. */
export function RuleSetNotice({ rules }: { rules: ActiveRulesView | null }) {
  const tx = useTx();
  if (!rules) return null;
  if (!rules.info) return <Alert tone="info">{tx('duties.noRuleSet')}</Alert>;
  if (!rules.info.example) return null;
  return (
    <Alert tone="warning">
      <span className="duty-example-badge">{tx('duties.exampleBadge')}</span>{' '}
      {tx('duties.exampleNotice', { title: bi(rules.info.title), version: rules.info.version })}
    </Alert>
  );
}
