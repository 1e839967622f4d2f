import { useTranslation } from 'react-i18next';
import type { Draft, EntryDraft, FieldSpec, ScalarSpec, ScalarValue } from './fields.ts';
import { fromLocalInput } from './fields.ts';

/**
 * The worksheet as it prints: answers as text under their questions, entries as a table.
 * Hidden on screen (the form is there); the print stylesheet swaps the two.
 */
export function WorksheetPrint({
  fields,
  draft,
  formatTime,
}: {
  fields: readonly FieldSpec[];
  draft: Draft;
  formatTime: (iso: string) => string;
}) {
  const { t } = useTranslation();
  const shown = (spec: ScalarSpec, value: ScalarValue | undefined): string => {
    if (value === null || value === undefined || value === '') return '';
    if (spec.kind === 'datetime') return formatTime(fromLocalInput(String(value)));
    return String(value);
  };
  const label = (name: FieldSpec['name']) => t(`programme.worksheet.fields.${name}.label`);

  return (
    <div className="print-only worksheet-print">
      {fields.map((spec) => {
        const value = draft[spec.name];
        if (spec.kind === 'textList') {
          const items = ((value as string[] | undefined) ?? []).filter((item) => item.trim());
          return (
            <section key={spec.name}>
              <h2>{label(spec.name)}</h2>
              {items.length ? (
                <ul>
                  {items.map((item, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: printed in place
                    <li key={index}>{item}</li>
                  ))}
                </ul>
              ) : (
                <p className="unanswered">{t('programme.worksheet.unanswered')}</p>
              )}
            </section>
          );
        }
        if (spec.kind === 'entryList') {
          const entries = (value as EntryDraft[] | undefined) ?? [];
          return (
            <section key={spec.name}>
              <h2>{label(spec.name)}</h2>
              {entries.length ? (
                <table>
                  <thead>
                    <tr>
                      {spec.fields.map((field) => (
                        <th key={field.name} scope="col">
                          {label(field.name)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {entries.map((entry, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: printed in place
                      <tr key={index}>
                        {spec.fields.map((field) => (
                          <td key={field.name}>{shown(field, entry[field.name])}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className="unanswered">{t('programme.worksheet.unanswered')}</p>
              )}
            </section>
          );
        }
        const text = shown(spec, value as ScalarValue | undefined);
        return (
          <section key={spec.name}>
            <h2>{label(spec.name)}</h2>
            <p className={text ? 'answer' : 'unanswered'}>
              {text || t('programme.worksheet.unanswered')}
            </p>
          </section>
        );
      })}
    </div>
  );
}
