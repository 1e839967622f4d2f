import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AGENDA_KINDS,
  AGENDA_MAX_SEGMENTS,
  type AgendaKind,
  DEFAULT_AGENDA,
  SEGMENT_MAX_MINUTES,
} from '../../../../../../shared/meetings/agenda.ts';
import { SelectField, TextField } from '../../../../forms/fields.tsx';
import { describeProblem } from '../../../../forms/problems.ts';
import { type AgendaRow, agendaRowProblem, agendaRows } from '../form-values.ts';
import type { FieldsProps } from './ScheduleFields.tsx';

const isKind = (value: string): value is AgendaKind =>
  (AGENDA_KINDS as readonly string[]).includes(value);

/**
 * The meeting's agenda: its timed segments, in order. Each can be renamed, timed, moved up or
 * down and removed; the standard agenda is one press away. The live room runs through it.
 */
export function AgendaFields({ values, change, problemText }: FieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const rows = values.agenda;
  const set = (next: AgendaRow[]) => change('agenda', next);
  const update = (index: number, patch: Partial<AgendaRow>) =>
    set(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    if (row) next.splice(index + by, 0, row);
    set(next);
  };
  const total = rows.reduce((sum, row) => sum + (Number(row.minutes) || 0), 0);
  const error = problemText('agenda');
  return (
    <fieldset className={`fieldset form-group${error ? ' field-invalid' : ''}`}>
      <legend>{t('directory.form.agenda.title')}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {t('directory.form.agenda.hint', { total, duration: values.durationMinutes })}
      </p>
      {error && <p className="field-error">{error}</p>}
      <ol className="agenda-rows">
        {rows.map((row, index) => {
          const position = index + 1;
          const problem = agendaRowProblem(row);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
            <li key={index} className="agenda-row">
              <SelectField
                label={t('directory.form.agenda.kind', { position })}
                value={row.kind}
                onChange={(event) => {
                  if (isKind(event.target.value)) update(index, { kind: event.target.value });
                }}
              >
                {AGENDA_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`live.agenda.kinds.${kind}`)}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t('directory.form.agenda.name', { position })}
                maxLength={60}
                value={row.title}
                error={problem && !row.title.trim() ? describeProblem(t, problem) : undefined}
                onChange={(event) => update(index, { title: event.target.value })}
              />
              <TextField
                label={t('directory.form.agenda.minutes', { position })}
                type="number"
                inputMode="numeric"
                min={1}
                max={SEGMENT_MAX_MINUTES}
                value={row.minutes}
                error={problem && row.title.trim() ? describeProblem(t, problem) : undefined}
                onChange={(event) => update(index, { minutes: event.target.value })}
              />
              <span className="agenda-row-buttons">
                <button
                  type="button"
                  className="secondary"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  {t('directory.form.agenda.up', { position })}
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={index === rows.length - 1}
                  onClick={() => move(index, 1)}
                >
                  {t('directory.form.agenda.down', { position })}
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={rows.length === 1}
                  onClick={() => set(rows.filter((_, i) => i !== index))}
                >
                  {t('directory.form.agenda.remove', { position })}
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <div className="form-actions">
        <button
          type="button"
          className="secondary"
          disabled={rows.length >= AGENDA_MAX_SEGMENTS}
          onClick={() => set([...rows, { kind: 'custom', title: '', minutes: '10' }])}
        >
          {t('directory.form.agenda.add')}
        </button>
        <button type="button" className="secondary" onClick={() => set(agendaRows(DEFAULT_AGENDA))}>
          {t('directory.form.agenda.standard')}
        </button>
      </div>
    </fieldset>
  );
}
