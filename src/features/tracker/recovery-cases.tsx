import { useState } from 'react';
import type { Charter } from '../../domain/charter/charter';
import { describeDuration } from '../../domain/charter/commitment-text';
import type { RecoveryCase } from '../../domain/tracker/tracker';
import { closeRecovery, markRecoveryStep, recoveryStepDeadline } from '../../domain/tracker/commands';
import { useWorkspace, useWorkspaceState } from '../../persistence/workspace-context';
import { FieldGroup } from '../../components/fields';
import { RadioGroup } from '../../components/radio-group';
import { useI18n } from '../../lib/i18n';

type RecoveryOutcome = NonNullable<RecoveryCase['outcome']>;

/** Open recovery cases: the playbook's steps with their deadlines, then the outcome. */
export function RecoveryCases({ charter, cases }: { charter: Charter; cases: RecoveryCase[] }) {
  const workspace = useWorkspace();
  const { data } = useWorkspaceState();
  const { t, tm, formatDate } = useI18n();
  const [outcomes, setOutcomes] = useState<Record<string, RecoveryOutcome>>({});
  if (cases.length === 0) return null;
  return (
    <section aria-labelledby="recovery-title" className="form">
      <h2 id="recovery-title">{t('tracker.recovery')}</h2>
      <ul className="record-list">
        {cases.map((c) => {
          const record = data.deliveries.get(c.recordId);
          const customer = record?.customerId ? data.customers.get(record.customerId)?.name : undefined;
          const about = [customer, record?.summary].filter(Boolean).join(' — ');
          return (
            <li key={c.id}>
              <FieldGroup legend={t('tracker.caseFor', { summary: about })}>
                <ol>
                  {c.steps.map((step) => {
                    const playbook = charter.recovery.steps.find((s) => s.id === step.stepId);
                    const deadline = playbook
                      ? new Date(recoveryStepDeadline(c, playbook)).toISOString()
                      : null;
                    return (
                      <li key={step.stepId}>
                        <label className="choice">
                          <input
                            type="checkbox"
                            checked={step.doneAt !== null}
                            onChange={(e) =>
                              workspace.put(
                                'recoveryCases',
                                markRecoveryStep(c, step.stepId, e.target.checked, Date.now()),
                              )
                            }
                          />{' '}
                          {playbook?.action ?? step.stepId}
                          {playbook && deadline && (
                            <span className="note">
                              {' '}
                              (
                              {t('tracker.stepWithin', {
                                // The interface's words, not the charter's: this line is read here.
                                limit: tm(describeDuration(playbook.within)),
                                date: formatDate(deadline, 'datetime'),
                              })}
                              )
                            </span>
                          )}
                        </label>
                      </li>
                    );
                  })}
                </ol>
                <div className="group__actions">
                  <RadioGroup
                    label={t('tracker.outcome')}
                    options={[
                      ['satisfied', t('tracker.outcomes.satisfied')],
                      ['reordered', t('tracker.outcomes.reordered')],
                      ['lost', t('tracker.outcomes.lost')],
                    ]}
                    value={outcomes[c.id] ?? ''}
                    onChange={(value) => setOutcomes({ ...outcomes, [c.id]: value as RecoveryOutcome })}
                  />
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={!outcomes[c.id]}
                    onClick={() => {
                      const outcome = outcomes[c.id];
                      if (outcome) workspace.put('recoveryCases', closeRecovery(c, outcome, Date.now()));
                    }}
                  >
                    {t('tracker.closeCase')}
                  </button>
                </div>
              </FieldGroup>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
