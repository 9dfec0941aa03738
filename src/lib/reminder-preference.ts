// Whether this device shows reminders: a per-device choice (notification permission is per device too),
// so it lives in localStorage rather than in the synced settings.
const KEY = 'service-charter.reminders';

/** Whether the user switched reminders on in this browser. */
export function remindersWanted(): boolean {
  try {
    return window.localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

/** Remembers the user's choice and tells the app's reminder loop (same tab) about it. */
export function setRemindersWanted(on: boolean): void {
  try {
    window.localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Storage blocked: reminders still run until the page closes.
  }
  window.dispatchEvent(new Event('reminders-changed'));
}

/** What the browser allows: `unsupported` when it has no Notification API at all. */
export function notificationPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}
