import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZoneOptions } from '../../../../account/places.ts';
import { describedBy, Options, SelectField, TextField } from '../../../../forms/fields.tsx';
import type { MeetingField, MeetingFormValues } from '../form-values.ts';
import { weekdayName } from '../format.ts';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface FieldsProps {
  values: MeetingFormValues;
  change: <K extends keyof MeetingFormValues>(key: K, value: MeetingFormValues[K]) => void;
  problemText: (field: MeetingField) => string | undefined;
  locale: string;
}

/** When: every week on some days at a local time, or once; always in a named zone. */
export function ScheduleFields({ values, change, problemText, locale }: FieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const zones = useMemo(
    () => timeZoneOptions(locale, [values.timeZone]),
    [locale, values.timeZone],
  );
  const scheduleError = problemText('recurrence');
  const daysError = problemText('recurrence.weekdays');
  const weekly = values.kind === 'weekly';

  const toggleDay = (day: number, on: boolean) =>
    change('weekdays', on ? [...values.weekdays, day] : values.weekdays.filter((d) => d !== day));

  return (
    <fieldset
      className={`fieldset form-group${scheduleError ? ' field-invalid' : ''}`}
      data-invalid={scheduleError ? true : undefined}
      aria-describedby={describedBy(scheduleError && `${id}-schedule-error`)}
    >
      <legend>{t('directory.form.schedule')}</legend>
      {scheduleError && (
        <p id={`${id}-schedule-error`} className="field-error">
          {scheduleError}
        </p>
      )}
      <fieldset className="fieldset">
        <legend>{t('directory.form.kind')}</legend>
        <div className="radio-row">
          {(['weekly', 'once'] as const).map((kind) => (
            <div className="check" key={kind}>
              <input
                id={`${id}-${kind}`}
                type="radio"
                name="kind"
                value={kind}
                checked={values.kind === kind}
                onChange={() => change('kind', kind)}
              />
              <label htmlFor={`${id}-${kind}`}>{t(`directory.form.kinds.${kind}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {weekly ? (
        <>
          <fieldset
            className={`fieldset${daysError ? ' field-invalid' : ''}`}
            data-invalid={daysError ? true : undefined}
            aria-describedby={describedBy(daysError && `${id}-days-error`)}
          >
            <legend>{t('directory.form.weekdays')}</legend>
            {daysError && (
              <p id={`${id}-days-error`} className="field-error">
                {daysError}
              </p>
            )}
            <ul className="check-grid weekday-grid">
              {WEEKDAYS.map((day) => (
                <li key={day} className="check">
                  <input
                    id={`${id}-day-${day}`}
                    type="checkbox"
                    name="weekdays"
                    value={day}
                    checked={values.weekdays.includes(day)}
                    onChange={(event) => toggleDay(day, event.target.checked)}
                  />
                  <label htmlFor={`${id}-day-${day}`}>{weekdayName(day, locale)}</label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="field-row">
            <TextField
              label={t('directory.form.localTime')}
              error={problemText('recurrence.localTime')}
              name="localTime"
              type="time"
              value={values.localTime}
              onChange={(event) => change('localTime', event.target.value)}
            />
            <TextField
              label={t('directory.form.startsOn')}
              error={problemText('recurrence.startsOn')}
              name="startsOn"
              type="date"
              value={values.startsOn}
              onChange={(event) => change('startsOn', event.target.value)}
            />
            <TextField
              label={t('directory.form.until')}
              error={problemText('recurrence.until')}
              name="until"
              type="date"
              value={values.until}
              min={values.startsOn || undefined}
              onChange={(event) => change('until', event.target.value)}
            />
          </div>
        </>
      ) : (
        <TextField
          label={t('directory.form.localDateTime')}
          error={problemText('recurrence.localDateTime')}
          name="localDateTime"
          type="datetime-local"
          value={values.localDateTime}
          onChange={(event) => change('localDateTime', event.target.value)}
        />
      )}
      <SelectField
        label={t('directory.form.timeZone')}
        hint={t('directory.form.timeZoneHint')}
        error={problemText('recurrence.timeZone')}
        name="timeZone"
        value={values.timeZone}
        onChange={(event) => change('timeZone', event.target.value)}
      >
        <Options items={zones} />
      </SelectField>
    </fieldset>
  );
}
