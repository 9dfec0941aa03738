import { useMemo, useState } from 'react';
import type { ComponentType } from 'react';
import type { Charter } from '../../domain/charter/charter';
import { charterProblems, stepCompletion } from '../../domain/charter/review';
import { STEP_IDS } from '../../domain/charter/steps';
import type { StepId } from '../../domain/charter/steps';
import { deflateRaw } from '../../persistence/compression';
import { useWorkspace, useWorkspaceState } from '../../persistence/workspace-context';
import { useI18n } from '../../lib/i18n';
import { PdfFrame } from '../../components/pdf-frame';
import { usePdfLink, usePdfPreview } from '../../pdf/use-pdf';
import { AfterSalesStep } from './steps/after-sales-step';
import { AlternativesStep } from './steps/alternatives-step';
import { BufferStep } from './steps/buffer-step';
import { CommitmentsStep } from './steps/commitments-step';
import { MomentsStep } from './steps/moments-step';
import { PhasesStep } from './steps/phases-step';
import { ReadinessStep } from './steps/readiness-step';
import { RecoveryStep } from './steps/recovery-step';
import { ReviewStep } from './steps/review-step';
import './editor.css';
import { ServiceLevelStep } from './steps/service-level-step';
import type { StepProps } from './step-props';

const STEPS: Record<StepId, ComponentType<StepProps>> = {
  'service-level': ServiceLevelStep,
  commitments: CommitmentsStep,
  readiness: ReadinessStep,
  phases: PhasesStep,
  buffer: BufferStep,
  moments: MomentsStep,
  recovery: RecoveryStep,
  alternatives: AlternativesStep,
  'after-sales': AfterSalesStep,
  review: ReviewStep,
};

export const stepHref = (charterId: string, step: StepId) => `#/charters/${charterId}/edit/${step}`;

/** The guided editor: one step per rule, then the after-sales plan, then review & publish. */
export function CharterEditor({ charterId, step }: { charterId: string; step: StepId }) {
  const { data } = useWorkspaceState();
  const { t, locale } = useI18n();
  const charter = data.charters.get(charterId);
  const problems = useMemo(() => (charter ? charterProblems(charter) : []), [charter]);
  const completion = useMemo(() => (charter ? stepCompletion(charter) : null), [charter]);
  const [showPreview, setShowPreview] = useState(false);

  if (!charter || !completion) {
    return (
      <section className="page" aria-labelledby="editor-missing">
        <h1 id="editor-missing">{t('editor.notFound')}</h1>
        <p>
          <a href="#/charters">{t('editor.back')}</a>
        </p>
      </section>
    );
  }
  const index = STEP_IDS.indexOf(step);
  const done = STEP_IDS.filter((id) => completion[id]).length;
  const Step = STEPS[step];
  const stepProblems = problems.filter((p) => p.step === step);
  const previous = STEP_IDS[index - 1];
  const next = STEP_IDS[index + 1];

  return (
    <div className="editor">
      <p className="editor__back">
        <a href="#/charters">← {t('editor.back')}</a>
      </p>
      <header className="editor__header">
        <h1>{charter.title.trim() || t('charters.untitled')}</h1>
        <p className="card__meta">
          <span className={`badge badge--${charter.status}`}>
            {t(charter.status === 'published' ? 'charters.published' : 'charters.draft', {
              version: charter.version,
            })}
          </span>{' '}
          <a href={`#/charters/${charter.id}/preview`}>{t('preview.open')}</a>{' '}
          <a href={`#/charters/${charter.id}/share`}>{t('share.title')}</a>{' '}
          <button
            type="button"
            className="button"
            aria-pressed={showPreview}
            onClick={() => setShowPreview((v) => !v)}
          >
            {t('preview.sideBySide')}
          </button>
        </p>
      </header>
      <div className={showPreview ? 'editor__layout editor__layout--preview' : 'editor__layout'}>
        <nav aria-label={t('editor.stepsNav')} className="stepper">
          <p id="progress-label" className="stepper__progress">
            {t('editor.progress', { done, total: STEP_IDS.length })}
          </p>
          <progress aria-labelledby="progress-label" value={done} max={STEP_IDS.length} />
          <ol>
            {STEP_IDS.map((id, i) => (
              <li key={id} className={completion[id] ? 'stepper__item stepper__item--done' : 'stepper__item'}>
                <a href={stepHref(charter.id, id)} aria-current={id === step ? 'step' : undefined}>
                  <span aria-hidden="true" className="stepper__mark">
                    {completion[id] ? '✓' : i + 1}
                  </span>
                  <span>{t(`steps.${id}.title`)}</span>
                  <span className="visually-hidden">
                    {' '}
                    ({completion[id] ? t('editor.stepDone') : t('editor.stepTodo')})
                  </span>
                </a>
              </li>
            ))}
          </ol>
        </nav>
        <section className="step" aria-labelledby="step-title">
          <h2 id="step-title">
            {t('editor.stepOf', { n: index + 1, total: STEP_IDS.length })} · {t(`steps.${step}.title`)}
          </h2>
          <p className="step__rule">{t(`steps.${step}.rule`)}</p>
          <p>{t(`steps.${step}.intro`)}</p>
          <p className="step__example">
            <strong>{t('editor.example')}</strong> {t(`steps.${step}.example`)}
          </p>
          <Step key={`${charter.id}/${step}`} charter={charter} problems={problems} />
          {step !== 'review' && stepProblems.length > 0 && (
            <section aria-labelledby="step-problems" className="problems">
              <h3 id="step-problems">{t('editor.stepProblems')}</h3>
              <ul>
                {stepProblems.map((p, i) => (
                  <li key={i} className={`problem problem--${p.severity}`}>
                    <span className="problem__severity">
                      {t(p.severity === 'error' ? 'editor.mustFix' : 'editor.consider')}
                    </span>{' '}
                    {p.message[locale]}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <nav className="step__nav" aria-label={t('editor.stepNav')}>
            {previous ? (
              <a className="button" href={stepHref(charter.id, previous)}>
                ← {t(`steps.${previous}.title`)}
              </a>
            ) : (
              <span />
            )}
            {next && (
              <a className="button button--primary" href={stepHref(charter.id, next)}>
                {t(`steps.${next}.title`)} →
              </a>
            )}
          </nav>
        </section>
        {showPreview && <LivePreview charter={charter} />}
      </div>
    </div>
  );
}

function LivePreview({ charter }: { charter: Charter }) {
  const { t } = useI18n();
  const { settings } = useWorkspace();
  const { link, pending } = usePdfLink(charter, settings.publicBaseUrl, deflateRaw);
  const preview = usePdfPreview(charter, { link, hold: pending });
  return (
    <aside className="editor__preview" aria-label={t('preview.title')}>
      <PdfFrame
        url={preview.url}
        title={t('preview.frameTitle', { title: charter.title.trim() || t('charters.untitled') })}
        updating={preview.updating}
        updatingLabel={t('preview.updating')}
        error={preview.error ? t('preview.failed', { reason: preview.error }) : null}
        emptyLabel={t('preview.empty')}
      />
    </aside>
  );
}
