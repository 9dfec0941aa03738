import { Suspense, lazy, useState } from 'react';
import { isRunningTimer } from '../../domain/tracker/reminders';
import type { TodayItem } from '../../domain/tracker/today';
import { useWorkspace, useWorkspaceState } from '../../persistence/workspace-context';
import { useI18n } from '../../lib/i18n';
import { useNow } from '../../lib/use-now';
import { TodayItemCard } from './today-item';
import { ReminderSwitch } from './reminder-switch';
import { useTodayItems } from './use-today';

// Loaded when first used (both are precached for offline use), keeping Today's first load small.
const LogPromiseSheet = lazy(() =>
  import('./log-promise-sheet').then((m) => ({ default: m.LogPromiseSheet })),
);
const weekCalendar = () => import('./week-calendar');

/**
 * The home screen: what to do today, most pressing first, each with its one-tap action, and the
 * "Log a promise" action that matters most in the field.
 */
export function TodayPage({
  logOpen,
  onLogOpenChange,
}: {
  logOpen: boolean;
  onLogOpenChange: (open: boolean) => void;
}) {
  const { data } = useWorkspaceState();
  const workspace = useWorkspace();
  const { t, locale, formatDate } = useI18n();
  const hasTimer = [...data.deliveries.values()].some(isRunningTimer);
  const now = useNow(hasTimer ? 1_000 : 30_000);
  const items = useTodayItems(data, workspace.settings, now);
  const [notice, setNotice] = useState<string | null>(null);
  const hasCommitments = [...data.charters.values()].some((c) => c.commitments.length > 0);

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
      {notice && (
        <p role="status" className="note today__notice">
          {notice}
        </p>
      )}
      {!hasCommitments ? (
        <div className="empty today__empty">
          <p>{t('today.noCharter')}</p>
          <a className="button button--primary" href="#/charters">
            {t('today.writeCharter')}
          </a>
        </div>
      ) : items.length === 0 ? (
        <div className="empty today__empty">
          <p>{t('today.empty')}</p>
          <p>{t('today.emptyNext')}</p>
        </div>
      ) : (
        <ul className="today__list" aria-label={t('today.count', { n: items.length })}>
          {items.map((item: TodayItem) => (
            <TodayItemCard key={item.key} item={item} nowMs={now} onNotice={setNotice} />
          ))}
        </ul>
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
            onClose={(message) => {
              onLogOpenChange(false);
              if (message) setNotice(message);
            }}
          />
        </Suspense>
      )}
    </section>
  );
}
