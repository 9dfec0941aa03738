import { useMemo, useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { businessCalendarSchema, defaultBusinessCalendar } from '../../domain/tracker/business-calendar';
import type { Weekday } from '../../domain/tracker/business-calendar';
import { koreanHolidays } from '../../domain/tracker/korean-holidays';
import { timeZoneChoices } from '../../domain/clock/time-zone';
import { useWorkspace } from '../../persistence/workspace-context';
import { SelectField } from '../../components/fields';
import { TextField } from '../../components/text-field';
import { useDetailsForm } from '../../lib/form';
import { useI18n } from '../../lib/i18n';
import { useNow } from '../../lib/use-now';
import type { MessageKey } from '../../i18n/messages';

const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

// The platform's own zone list (older browsers without it: the calendar's zone and Seoul).
const AVAILABLE_ZONES: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Seoul'];

/**
 * The business calendar that "within 4 business hours" promises count in: time zone, working days,
 * opening hours and holidays (Korea's public holidays come with the app and can be edited or restored).
 */
export function CalendarSettings() {
  const workspace = useWorkspace();
  const { t, locale } = useI18n();
  const [saved, setSaved] = useState<string | null>(null);
  const { form, errorAt } = useDetailsForm(businessCalendarSchema, workspace.settings.calendar);
  const holidays = useFieldArray({ control: form.control, name: 'holidays' });
  const [newDate, setNewDate] = useState('');
  const [newName, setNewName] = useState('');
  const workingDays = useWatch({ control: form.control, name: 'workingDays' });
  const savedZone = workspace.settings.calendar.timeZone;
  const now = useNow(60 * 60_000); // offsets shown for today; an hourly refresh follows a clock change
  const zones = useMemo(() => timeZoneChoices(AVAILABLE_ZONES, savedZone, now), [savedZone, now]);

  const save = form.handleSubmit((calendar) => {
    const sorted = {
      ...calendar,
      holidays: [...calendar.holidays].sort((a, b) => a.date.localeCompare(b.date)),
    };
    workspace.put('settings', { ...workspace.settings, calendar: sorted });
    form.reset(sorted);
    setSaved(t('calendar.saved'));
  });
  const addHoliday = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(newDate)) return;
    holidays.append({ date: newDate, name: newName.trim() });
    setNewDate('');
    setNewName('');
    setSaved(null);
  };
  const restoreKorean = () => {
    const have = new Set(form.getValues('holidays').map((h) => h.date));
    const missing = koreanHolidays.filter((h) => !have.has(h.date));
    // Named in the interface language (the default calendar's own names are Korean).
    holidays.append(missing.map((h) => ({ date: h.date, name: h.name[locale] })));
    setSaved(t('calendar.restored', { count: missing.length }));
  };

  return (
    <form className="form" aria-labelledby="calendar-title" onSubmit={(e) => void save(e)} noValidate>
      <h2 id="calendar-title">{t('calendar.title')}</h2>
      <p className="form__intro">{t('calendar.intro')}</p>
      <fieldset className="group">
        <legend>{t('calendar.workingDays')}</legend>
        <div className="group__actions">
          {WEEK.map((day) => (
            <label key={day} className="choice choice--chip">
              <input
                type="checkbox"
                checked={workingDays.includes(day)}
                onChange={(e) =>
                  form.setValue(
                    'workingDays',
                    e.target.checked
                      ? WEEK.filter((d) => d === day || workingDays.includes(d))
                      : workingDays.filter((d) => d !== day),
                    { shouldValidate: form.formState.isSubmitted, shouldDirty: true },
                  )
                }
              />{' '}
              {t(`calendar.days.${day}` as MessageKey)}
            </label>
          ))}
        </div>
        {errorAt('workingDays') && <p className="field__error">{t('calendar.needDay')}</p>}
      </fieldset>
      <div className="grid-3">
        <TextField
          label={t('calendar.opensAt')}
          type="time"
          error={errorAt('opensAt')}
          {...form.register('opensAt')}
        />
        <TextField
          label={t('calendar.closesAt')}
          type="time"
          error={errorAt('closesAt')}
          {...form.register('closesAt')}
        />
        <SelectField
          label={t('calendar.timeZone')}
          options={zones.map((z) => [z.name, z.label] as const)}
          {...form.register('timeZone')}
        />
      </div>
      <fieldset className="group">
        <legend>{t('calendar.holidays', { count: holidays.fields.length })}</legend>
        {holidays.fields.length === 0 ? (
          <p>{t('calendar.noHolidays')}</p>
        ) : (
          // Some 40 dates: folded away so the add and save controls stay near on a phone.
          <details className="disclosure">
            <summary>{t('calendar.showHolidays', { count: holidays.fields.length })}</summary>
            <table className="diff">
              <caption className="visually-hidden">{t('calendar.holidaysCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('calendar.date')}</th>
                  <th scope="col">{t('calendar.name')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('calendar.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {holidays.fields.map((field, index) => (
                  <tr key={field.id}>
                    <td>{field.date}</td>
                    <td>{field.name}</td>
                    <td>
                      <button
                        type="button"
                        className="button"
                        onClick={() => {
                          holidays.remove(index);
                          setSaved(null);
                        }}
                      >
                        {t('calendar.remove', { date: field.date })}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
        <div className="grid-3">
          <TextField
            label={t('calendar.newDate')}
            type="date"
            value={newDate}
            onChange={(e) => setNewDate(e.target.value)}
          />
          <TextField
            label={t('calendar.newName')}
            maxLength={120}
            value={newName}
            onChange={(e) => setNewName(e.target.value)}
          />
        </div>
        <div className="group__actions">
          <button type="button" className="button" disabled={!newDate} onClick={addHoliday}>
            {t('calendar.add')}
          </button>
          <button type="button" className="button" onClick={restoreKorean}>
            {t('calendar.restoreKorean')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              form.reset(defaultBusinessCalendar);
              setSaved(null);
            }}
          >
            {t('calendar.resetAll')}
          </button>
        </div>
      </fieldset>
      <button type="submit" className="button button--primary">
        {t('calendar.save')}
      </button>
      {saved && (
        <p role="status" className="note">
          {saved}
        </p>
      )}
    </form>
  );
}
