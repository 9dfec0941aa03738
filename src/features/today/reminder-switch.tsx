import { useState } from 'react';
import { notificationPermission, remindersWanted, setRemindersWanted } from '../../lib/reminder-preference';
import { useI18n } from '../../lib/i18n';

/**
 * "Remind me": asks for notification permission only when the user switches it on, and says plainly
 * when the browser blocks or lacks notifications.
 */
export function ReminderSwitch() {
  const { t } = useI18n();
  const [permission, setPermission] = useState(notificationPermission);
  const [on, setOn] = useState(() => remindersWanted() && permission === 'granted');

  const toggle = async () => {
    if (on) {
      setRemindersWanted(false);
      return setOn(false);
    }
    if (permission === 'unsupported') return;
    const answer = permission === 'granted' ? 'granted' : await Notification.requestPermission();
    setPermission(answer);
    const granted = answer === 'granted';
    setRemindersWanted(granted);
    setOn(granted);
  };

  const note =
    permission === 'unsupported'
      ? t('today.remindUnsupported')
      : permission === 'denied'
        ? t('today.remindDenied')
        : on
          ? t('today.remindOn')
          : t('today.remindHint');
  return (
    <div className="switch-field">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-describedby="remind-note"
        className="switch"
        disabled={permission === 'unsupported' || permission === 'denied'}
        onClick={() => void toggle()}
      >
        <span className="switch__track" aria-hidden="true" />
        {t('today.remind')}
      </button>
      <p id="remind-note" className="note">
        {note}
      </p>
    </div>
  );
}
