import { useTranslation } from 'react-i18next';
import { CheckField, TextField } from '../../forms/fields.tsx';
import { LIMITS, LINE_FIELDS, type LineDraft, type LineField } from './model.ts';

const MAX_LENGTH: Record<LineField, number> = {
  name: LIMITS.name.max,
  description: LIMITS.description,
  phone: LIMITS.number,
  sms: LIMITS.number,
  url: LIMITS.url,
  hours: LIMITS.hours,
  languages: 60,
};

const INPUT_TYPE: Partial<Record<LineField, { type: string; inputMode: 'tel' | 'url' }>> = {
  phone: { type: 'tel', inputMode: 'tel' },
  sms: { type: 'tel', inputMode: 'tel' },
  url: { type: 'url', inputMode: 'url' },
};

/** One crisis line of the admin form: its fields, the example box, and move/remove buttons. */
export function LineEditor({
  line,
  index,
  count,
  idOf,
  problemOf,
  onChange,
  onMove,
  onRemove,
}: {
  line: LineDraft;
  index: number;
  count: number;
  idOf: (part: string) => string;
  problemOf: (field: LineField) => string | undefined;
  onChange: (line: LineDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const n = index + 1;
  const name = line.name.trim();
  return (
    <fieldset className="support-admin-line" id={idOf('line')}>
      <legend>
        {name ? t('support.admin.lineNamed', { n, name }) : t('support.admin.line', { n })}
      </legend>
      <div className="support-admin-line-fields">
        {LINE_FIELDS.map((field) => (
          <TextField
            key={field}
            label={t(`support.admin.fields.${field}`)}
            hint={
              field === 'phone'
                ? t('support.admin.hints.phone')
                : field === 'languages'
                  ? t('support.admin.hints.languages')
                  : undefined
            }
            name={`${field}-${n}`}
            autoComplete="off"
            maxLength={MAX_LENGTH[field]}
            {...INPUT_TYPE[field]}
            value={line[field]}
            error={problemOf(field)}
            onChange={(event) => onChange({ ...line, [field]: event.target.value })}
          />
        ))}
      </div>
      <CheckField
        label={t('support.admin.example')}
        hint={t('support.admin.hints.example')}
        checked={line.example}
        onChange={(example) => onChange({ ...line, example })}
      />
      <div className="support-admin-line-actions">
        <button
          type="button"
          id={idOf('up')}
          className="secondary"
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          {t('support.admin.moveUp', { n })}
        </button>
        <button
          type="button"
          id={idOf('down')}
          className="secondary"
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          {t('support.admin.moveDown', { n })}
        </button>
        <button type="button" className="secondary" onClick={onRemove}>
          {t('support.admin.remove', { n })}
        </button>
      </div>
    </fieldset>
  );
}
