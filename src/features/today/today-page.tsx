import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import type { TodayItem, TodayUrgency } from '../../domain/tracker/today';
import { useWorkspace, useWorkspaceState } from '../../persistence/workspace-context';
import { useI18n, whenMessagesComplete } from '../../lib/i18n';
import { TodayItemCard } from './today-item';
import type { TodayNotice } from './today-item';
import { todayItemId } from './item-id';
import { ReminderSwitch } from './reminder-switch';
import { hrefOf } from '../../lib/routes';

// Loaded when first used (both are precached for offline use), keeping Today's first load small.
// They also wait for the whole catalogue: the first page load fetched only the first screen's messages.
const LogPromiseSheet = lazy(() =>
  Promise.all([import('./log-promise-sheet'), whenMessagesComplete()]).then(([m]) => ({
    default: m.LogPromiseSheet,
  })),
);
const weekCalendar = () => import('./week-calendar');

/**
 * Items shown per group before "Show all": a long backlog of overdue promises must neither slow the screen
 * nor bury what is due today.
 */
const FIRST_ITEMS = 10;
const URGENCIES = ['overdue', 'at-risk', 'due-today'] as const;
/** How long a confirmation ("Logged: …") stays on screen; screen readers hear it once as a status. */
export const NOTICE_MS = 6_000;

/**
 * The home screen: what to do today, most pressing first, each with its one-tap action, and the
 * "Log a promise" action that matters most in the field.
 */
export function TodayPage({
  items,
  nowMs: now,
  logOpen,
  logCharterId,
  onLogOpenChange,
  focusKey,
}: {
  /** Today's items at `nowMs`, computed once by the app shell (they also drive the nav count). */
  items: readonly TodayItem[];
  nowMs: number;
  logOpen: boolean;
  /** The charter whose commitments the log sheet opens with (its most recently used one chosen). */
  logCharterId?: string | undefined;
  onLogOpenChange: (open: boolean) => void;
  /** The item a tapped reminder is about: shown (its group expanded), scrolled to and focused. */
  focusKey?: string;
}) {
  const { data } = useWorkspaceState();
  const workspace = useWorkspace();
  const { t, locale, formatDate } = useI18n();
  const [notice, setNotice] = useState<TodayNotice | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<TodayUrgency>>(new Set());
  const focusUrgency = items.find((i) => i.key === focusKey)?.urgency;
  const shown = focusUrgency ? new Set([...expanded, focusUrgency]) : expanded;
  useEffect(() => {
    if (!focusKey) return;
    const element = document.getElementById(todayItemId(focusKey));
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  }, [focusKey, focusUrgency]);
  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  const hasCommitments = [...data.charters.values()].some((c) => c.commitments.length > 0);
  // Which records already have an open recovery: one pass, not one per card.
  const recovering = useMemo(
    () => new Set([...data.recoveryCases.values()].filter((c) => c.closedAt === null).map((c) => c.recordId)),
    [data.recoveryCases],
  );

  return (
    <section className="page today" aria-labelledby="today-title">
      <div className="today__head">
        <h1 id="today-title">
          {t('today.title')} <span className="today__date">{formatDate(new Date(now).toISOString())}</span>
        </h1>
        {hasCommitments && (
          <button
            type="button"
            className="button button--primary today__log"
            onClick={() => onLogOpenChange(true)}
          >
            + {t('today.logPromise')}
          </button>
        )}
      </div>
      {/* The live region stays in the page so each new notice is announced; only its text comes and goes. */}
      <div role="status">
        {notice && (
          <p className="note today__notice">
            {notice.text}
            {notice.action && (
              <>
                {' '}
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    notice.action?.run();
                    setNotice(null);
                  }}
                >
                  {notice.action.label}
                </button>
              </>
            )}
          </p>
        )}
      </div>
      {!hasCommitments ? (
        <div className="empty today__empty">
          <p>{t('today.noCharter')}</p>
          <a className="button button--primary" href={hrefOf({ name: 'charters', choosing: true })}>
            {t('today.writeCharter')}
          </a>
        </div>
      ) : items.length === 0 ? (
        <div className="empty today__empty">
          <p>{t('today.empty')}</p>
          <p>{t('today.emptyNext')}</p>
        </div>
      ) : (
        URGENCIES.map((urgency) => {
          const group = items.filter((i) => i.urgency === urgency);
          if (group.length === 0) return null;
          const limit = shown.has(urgency) ? group.length : FIRST_ITEMS;
          return (
            <section key={urgency} className="today__group" aria-labelledby={`today-${urgency}`}>
              <h2 id={`today-${urgency}`} className={`today__group-title today__group-title--${urgency}`}>
                {t(`today.urgency.${urgency}`)} <span className="today__group-count">{group.length}</span>
              </h2>
              <ul className="today__list">
                {group.slice(0, limit).map((item) => (
                  <TodayItemCard
                    key={item.key}
                    item={item}
                    nowMs={now}
                    hasRecovery={item.kind === 'promise' && recovering.has(item.record.id)}
                    onNotice={setNotice}
                  />
                ))}
              </ul>
              {group.length > limit && (
                <button
                  type="button"
                  className="button today__more"
                  onClick={() => setExpanded(new Set([...expanded, urgency]))}
                >
                  {t('today.showAll', { n: group.length })}
                </button>
              )}
            </section>
          );
        })
      )}
      {hasCommitments && (
        <div className="today__tools">
          <ReminderSwitch />
          <div className="today__calendar">
            <button
              type="button"
              className="button"
              onClick={() =>
                void weekCalendar().then((m) =>
                  m.downloadWeekCalendar({ data, settings: workspace.settings, nowMs: Date.now(), locale }),
                )
              }
            >
              {t('today.addToCalendar')}
            </button>
            <p className="note">{t('today.calendarNote')}</p>
          </div>
        </div>
      )}
      {logOpen && hasCommitments && (
        <Suspense fallback={null}>
          <LogPromiseSheet
            key={logCharterId ?? ''}
            charterId={logCharterId}
            onClose={(message) => {
              onLogOpenChange(false);
              if (message) setNotice({ text: message });
            }}
          />
        </Suspense>
      )}
    </section>
  );
}
