import { useEffect } from 'react';
import type { BusinessCalendar } from '../domain/tracker/business-calendar';
import { isRunningTimer, remindersDue } from '../domain/tracker/reminders';
import type { Reminder } from '../domain/tracker/reminders';
import { overdueCount } from '../domain/tracker/today';
import type { TodayItem } from '../domain/tracker/today';
import { countdown } from '../lib/countdown';
import type { I18n } from '../lib/i18n';
import { notificationPermission, remindersWanted } from '../lib/reminder-preference';
import { hrefOf } from '../lib/routes';

const SENT_KEY = 'service-charter.reminders-sent';
const KEEP_SENT = 500;

function loadSent(): Set<string> {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(SENT_KEY) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : []);
  } catch {
    return new Set();
  }
}

function saveSent(sent: Set<string>): void {
  try {
    window.localStorage.setItem(SENT_KEY, JSON.stringify([...sent].slice(-KEEP_SENT)));
  } catch {
    // Storage blocked: at worst a reminder repeats after a reload.
  }
}

const TITLE_KEY = {
  'at-risk': 'reminders.atRisk',
  overdue: 'reminders.overdue',
  'timer-ended': 'reminders.timerEnded',
} as const;

async function show(reminders: readonly Reminder[], i18n: I18n): Promise<void> {
  const registration = await navigator.serviceWorker?.getRegistration();
  for (const r of reminders) {
    const title = i18n.t(TITLE_KEY[r.kind], { what: r.summary });
    const options: NotificationOptions = {
      body: i18n.t('reminders.body', { time: i18n.formatDate(new Date(r.dueMs).toISOString(), 'datetime') }),
      tag: r.key,
      icon: 'icon-192.png',
      // Tapping it opens Today at this promise (public/sw-notifications.js reads `url`).
      data: { url: `./${hrefOf({ name: 'today', log: false, item: `promise:${r.recordId}` })}` },
    };
    if (registration) await registration.showNotification(title, options);
    else new Notification(title, options);
  }
}

/** What `vibrateForTimer` needs of the browser's navigator (userActivation is missing in older ones). */
type VibratingNavigator = {
  vibrate?: (pattern: number[]) => boolean;
  userActivation?: { hasBeenActive: boolean };
};

/**
 * Vibrates for a timer that ended, only once the user has interacted with the page (sticky activation):
 * before that Chrome blocks the call and logs an error. Returns whether it asked to vibrate.
 */
export function vibrateForTimer(nav: VibratingNavigator): boolean {
  if (!nav.userActivation?.hasBeenActive || !nav.vibrate) return false;
  nav.vibrate([200, 100, 200]);
  return true;
}

/**
 * Reminders while the app is open or in the background (domain/tracker/reminders.ts decides which):
 * notifications through the service worker, a vibration when a timer ends, the overdue count on the
 * installed app's badge, and the running timer's countdown in the tab title.
 */
export function useReminders(input: {
  items: readonly TodayItem[];
  nowMs: number;
  calendar: BusinessCalendar;
  i18n: I18n;
}): void {
  const { items, nowMs, calendar, i18n } = input;

  useEffect(() => {
    const sent = loadSent();
    const due = remindersDue(items, nowMs, calendar, sent);
    if (due.length === 0) return;
    for (const r of due) sent.add(r.key);
    saveSent(sent);
    if (due.some((r) => r.kind === 'timer-ended')) vibrateForTimer(navigator);
    if (remindersWanted() && notificationPermission() === 'granted')
      void show(due, i18n).catch((error: unknown) => console.warn('Reminder not shown', error));
  }, [items, nowMs, calendar, i18n]);

  const overdue = overdueCount(items);
  useEffect(() => {
    if (!('setAppBadge' in navigator)) return;
    void (overdue > 0 ? navigator.setAppBadge(overdue) : navigator.clearAppBadge()).catch(() => undefined);
  }, [overdue]);

  // The nearest running timer's countdown in the title, so a glance at the tab (or the task switcher) tells.
  const timer = items.find((i) => i.kind === 'promise' && isRunningTimer(i.record) && i.dueMs >= nowMs);
  const title = i18n.t('app.name');
  useEffect(() => {
    document.title =
      timer && timer.kind === 'promise'
        ? `⏱ ${countdown(timer.dueMs - nowMs)} · ${timer.record.summary} — ${title}`
        : `${title}`;
  }, [timer, nowMs, title]);
}
