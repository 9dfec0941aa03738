import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ComponentType } from 'react';
import type { Charter } from '../../domain/charter/charter';
import { charterProblems, stepCompletion } from '../../domain/charter/review';
import { STEP_IDS } from '../../domain/charter/steps';
import type { StepId } from '../../domain/charter/steps';
import { deflateRaw } from '../../persistence/compression';
import { useWorkspace, useWorkspaceState } from '../../persistence/workspace-context';
import { translateMessage, useI18n } from '../../lib/i18n';
import { setUnsavedFieldCount } from '../../lib/unsaved-fields';
import { ActionBar } from '../../components/action-bar';
import { PdfFrame } from '../../components/pdf-frame';
import { usePdfLink, usePdfPreview } from '../../pdf/use-pdf';
import { pdfFilename } from '../../pdf/pdf-client';
import { AfterSalesStep } from './steps/after-sales-step';
import { AlternativesStep } from './steps/alternatives-step';
import { BufferStep } from './steps/buffer-step';
import { CommitmentsStep } from './steps/commitments-step';
import { MomentsStep } from './steps/moments-step';
import { PhasesStep } from './steps/phases-step';
import { ReadinessStep } from './steps/readiness-step';
import { RecoveryStep } from './steps/recovery-step';
import { ReviewStep } from './steps/review-step';
import { ServiceLevelStep } from './steps/service-level-step';
import type { StepProps } from './step-props';
import { FormHealthContext, HEALTHY, readUnsavedNotice, writeUnsavedNotice } from './form-health';
import type { FormHealth, UnsavedNotice } from './form-health';
import { WIDE, useMedia } from './use-media';
import './editor.css';
import { hrefOf } from '../../lib/routes';

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

export const stepHref = (charterId: string, step: StepId) => hrefOf({ name: 'editor', charterId, step });

/**
 * The guided editor: one step per rule, then the after-sales plan, then review & publish. On phones the
 * step list folds into a one-line progress indicator, the previous / next links sit in a bar at the
 * bottom, and the PDF is a tab of its own; from 1024 px the list is a sidebar and the PDF can sit beside
 * the form.
 */
export function CharterEditor({ charterId, step }: { charterId: string; step: StepId }) {
  const { data } = useWorkspaceState();
  const { t, locale } = useI18n();
  const wide = useMedia(WIDE);
  const charter = data.charters.get(charterId);
  const problems = useMemo(() => (charter ? charterProblems(charter) : []), [charter]);
  const completion = useMemo(() => (charter ? stepCompletion(charter) : null), [charter]);
  const [showPreview, setShowPreview] = useState(false);
  const [tab, setTab] = useState<'edit' | 'preview'>('edit');
  const [stepsOpen, setStepsOpen] = useState(false);
  const [health, setHealth] = useState<FormHealth>(HEALTHY);
  // (The app mounts the editor afresh for every step, so this state starts over on each.)
  const [notice, setNotice] = useState<UnsavedNotice | null>(() => {
    const remembered = readUnsavedNotice(charterId);
    return remembered?.step === step ? remembered : null;
  });

  // A step's form reports what it could not store; a change that stores everything clears the notice
  // left by an earlier visit (it is only about values the user has since replaced).
  const report = useCallback(
    (next: FormHealth) => {
      setHealth(next);
      setUnsavedFieldCount(next.unsaved.length);
      const remembered = next.unsaved.length > 0 ? { step, count: next.unsaved.length } : null;
      writeUnsavedNotice(charterId, remembered);
      if (!remembered) setNotice(null);
    },
    [charterId, step],
  );
  // Leaving the step leaves its unstorable values behind: the app bar is about what is on screen.
  useEffect(() => () => setUnsavedFieldCount(0), []);
  // A step opens at its top with its heading focused ("Next" from the foot of a long step used to open
  // the next one scrolled down). The editor mounts afresh for every step; the frame waits for the app's
  // own focus move to the page.
  const stepHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      // Never taken from a field the user has already reached.
      const active = document.activeElement;
      if (active && active !== document.body && active.tagName !== 'MAIN') return;
      window.scrollTo({ top: 0 });
      stepHeading.current?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, []);

  if (!charter || !completion) {
    return (
      <section className="page" aria-labelledby="editor-missing">
        <h1 id="editor-missing">{t('editor.notFound')}</h1>
        <p>
          <a href={hrefOf({ name: 'charters' })}>{t('editor.back')}</a>
        </p>
      </section>
    );
  }
  const unsaved = health.unsaved.length;
  // A step whose form holds a value that could not be stored is not done, whatever the stored charter says.
  const isDone = (id: StepId) => completion[id] && !(id === step && unsaved > 0);
  const index = STEP_IDS.indexOf(step);
  const done = STEP_IDS.filter(isDone).length;
  const Step = STEPS[step];
  const stepProblems = problems.filter((p) => p.step === step);
  const previous = STEP_IDS[index - 1];
  const next = STEP_IDS[index + 1];
  const previewShown = wide ? showPreview : tab === 'preview';
  const title = t(`steps.${step}.title`);

  return (
    <div className="editor">
      <header className="editor__header">
        <p className="editor__back">
          <a href={hrefOf({ name: 'charters' })}>← {t('editor.back')}</a>
        </p>
        <h1>{charter.title.trim() || t('charters.untitled')}</h1>
        <p className="editor__meta">
          <span className={`badge badge--${charter.status}`}>
            {t(charter.status === 'published' ? 'charters.published' : 'charters.draft', {
              version: charter.version,
            })}
          </span>
          <a href={hrefOf({ name: 'preview', charterId: charter.id })}>{t('preview.open')}</a>
          <a href={hrefOf({ name: 'share', charterId: charter.id })}>{t('share.title')}</a>
          {wide && (
            <button
              type="button"
              className="button"
              aria-pressed={showPreview}
              onClick={() => setShowPreview((v) => !v)}
            >
              {t('preview.sideBySide')}
            </button>
          )}
        </p>
        {unsaved > 0 && (
          <p className="form-status form-status--unsaved" role="status">
            <span>{t('editor.notSaved', { count: unsaved })}</span>{' '}
            <button type="button" className="link-button" onClick={health.reveal}>
              {t('editor.goToField')}
            </button>
          </p>
        )}
        {unsaved === 0 && notice && (
          <p className="form-status form-status--notice" role="status">
            <span>{t('editor.notSavedBefore', { count: notice.count })}</span>{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                writeUnsavedNotice(charterId, null);
                setNotice(null);
              }}
            >
              {t('ui.close')}
            </button>
          </p>
        )}
      </header>
      <div className={previewShown && wide ? 'editor__layout editor__layout--preview' : 'editor__layout'}>
        <nav aria-label={t('editor.stepsNav')} className="stepper">
          <button
            type="button"
            className="stepper__toggle"
            aria-label={t('editor.allStepsAt', { n: index + 1, total: STEP_IDS.length, title })}
            aria-expanded={stepsOpen}
            aria-controls="stepper-list"
            onClick={() => setStepsOpen((v) => !v)}
          >
            <span className="stepper__position">
              {t('editor.position', { n: index + 1, total: STEP_IDS.length, title })}
            </span>
            <span className="stepper__toggle-label">{t('editor.allSteps')}</span>
          </button>
          <p id="progress-label" className="stepper__progress">
            {t('editor.progress', { done, total: STEP_IDS.length })}
          </p>
          <progress aria-labelledby="progress-label" value={done} max={STEP_IDS.length} />
          <ol id="stepper-list" className={stepsOpen ? 'stepper__list stepper__list--open' : 'stepper__list'}>
            {STEP_IDS.map((id, i) => (
              <li key={id} className={isDone(id) ? 'stepper__item stepper__item--done' : 'stepper__item'}>
                <a href={stepHref(charter.id, id)} aria-current={id === step ? 'step' : undefined}>
                  <span aria-hidden="true" className="stepper__mark">
                    {isDone(id) ? '✓' : i + 1}
                  </span>
                  <span>{t(`steps.${id}.title`)}</span>
                  <span className="visually-hidden">
                    {' '}
                    ({isDone(id) ? t('editor.stepDone') : t('editor.stepTodo')})
                  </span>
                </a>
              </li>
            ))}
          </ol>
        </nav>
        {!wide && (
          <div className="editor__tabs" role="tablist" aria-label={t('editor.tabsLabel')}>
            <button
              type="button"
              role="tab"
              id="editor-tab-edit"
              aria-selected={tab === 'edit'}
              aria-controls="editor-panel"
              onClick={() => setTab('edit')}
            >
              {t('editor.tabEdit')}
            </button>
            <button
              type="button"
              role="tab"
              id="editor-tab-preview"
              aria-selected={tab === 'preview'}
              aria-controls="editor-panel"
              onClick={() => setTab('preview')}
            >
              {t('editor.tabPreview')}
            </button>
          </div>
        )}
        {!wide && tab === 'preview' ? (
          <div id="editor-panel" role="tabpanel" aria-labelledby="editor-tab-preview">
            <LivePreview charter={charter} />
          </div>
        ) : (
          <section
            className="step"
            aria-labelledby="step-title"
            {...(!wide && { id: 'editor-panel', role: 'tabpanel' })}
          >
            <h2 id="step-title" ref={stepHeading} tabIndex={-1}>
              <span className="step__count">
                {t('editor.stepOf', { n: index + 1, total: STEP_IDS.length })} ·
              </span>{' '}
              {title}
            </h2>
            <p className="step__rule">{t(`steps.${step}.rule`)}</p>
            <p className="step__intro">{t(`steps.${step}.intro`)}</p>
            <p className="step__example">
              <strong>{t('editor.example')}</strong> {t(`steps.${step}.example`)}
            </p>
            <FormHealthContext.Provider value={report}>
              <Step key={`${charter.id}/${step}`} charter={charter} problems={problems} />
            </FormHealthContext.Provider>
            {step !== 'review' && stepProblems.length > 0 && (
              <section aria-labelledby="step-problems" className="problems">
                <h3 id="step-problems">{t('editor.stepProblems')}</h3>
                <ul>
                  {stepProblems.map((p, i) => (
                    <li key={i} className={`problem problem--${p.severity}`}>
                      <span className="problem__severity">
                        {t(p.severity === 'error' ? 'editor.mustFix' : 'editor.consider')}
                      </span>{' '}
                      {translateMessage(locale, p.message)}
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </section>
        )}
        {wide && showPreview && <LivePreview charter={charter} />}
      </div>
      <nav className="step__nav" aria-label={t('editor.stepNav')}>
        <ActionBar>
          {previous && (
            <a
              className="button"
              href={stepHref(charter.id, previous)}
              aria-label={`${t('editor.previous')}: ${t(`steps.${previous}.title`)}`}
            >
              <span aria-hidden="true">←</span> {t('editor.previous')}
              <span className="step__nav-title">: {t(`steps.${previous}.title`)}</span>
            </a>
          )}
          {next && (
            <a
              className="button button--primary"
              href={stepHref(charter.id, next)}
              aria-label={`${t('editor.next')}: ${t(`steps.${next}.title`)}`}
              onClick={(e) => {
                // Continuing with a value that could not be stored shows why, at the field, instead.
                if (unsaved === 0) return;
                e.preventDefault();
                health.reveal();
              }}
            >
              {t('editor.next')}
              <span className="step__nav-title">: {t(`steps.${next}.title`)}</span>{' '}
              <span aria-hidden="true">→</span>
            </a>
          )}
        </ActionBar>
      </nav>
    </div>
  );
}

function LivePreview({ charter }: { charter: Charter }) {
  const { t } = useI18n();
  const { settings } = useWorkspace();
  // Dates in the owner's business-calendar zone, as in the preview page and the downloaded PDF.
  const timeZone = settings.calendar.timeZone;
  const { link, pending } = usePdfLink(charter, settings.publicBaseUrl, deflateRaw, timeZone);
  const preview = usePdfPreview(charter, { link, hold: pending, timeZone });
  return (
    <aside className="editor__preview" aria-label={t('preview.title')}>
      <PdfFrame
        url={preview.url}
        pages={preview.pages}
        fileName={pdfFilename(charter.owner.name, charter.version)}
        title={t('preview.frameTitle', { title: charter.title.trim() || t('charters.untitled') })}
        updating={preview.updating}
        updatingLabel={t('preview.updating')}
        error={preview.error ? t('preview.failed', { reason: preview.error }) : null}
        emptyLabel={t('preview.empty')}
      />
    </aside>
  );
}
