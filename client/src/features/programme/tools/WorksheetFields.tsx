import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../../forms/fields.tsx';
import {
  type Draft,
  type DraftValue,
  type EntryDraft,
  type EntrySpec,
  emptyEntry,
  type FieldSpec,
  type ScalarSpec,
  type ScalarValue,
} from './fields.ts';

export interface FieldsProps {
  fields: readonly FieldSpec[];
  draft: Draft;
  onChange: (name: string, value: DraftValue) => void;
  /** The problem at an API path ("content.entries.0.when"), in words. */
  problemText: (path: string) => string | undefined;
  /** Moves focus to the control marked `data-focus={path}` after the next render. */
  focusLater: (path: string) => void;
}

/** A worksheet's fields, rendered from the description read off the tool's schema. */
export function WorksheetFields({ fields, draft, onChange, problemText, focusLater }: FieldsProps) {
  return (
    <>
      {fields.map((spec) => {
        const path = `content.${spec.name}`;
        if (spec.kind === 'textList') {
          const items = (draft[spec.name] as string[] | undefined) ?? [];
          return (
            <TextList
              key={spec.name}
              spec={spec}
              items={items}
              onChange={(next) => onChange(spec.name, next)}
              problemText={problemText}
              focusLater={focusLater}
            />
          );
        }
        if (spec.kind === 'entryList') {
          const entries = (draft[spec.name] as EntryDraft[] | undefined) ?? [];
          return (
            <EntryList
              key={spec.name}
              spec={spec}
              entries={entries}
              onChange={(next) => onChange(spec.name, next)}
              problemText={problemText}
              focusLater={focusLater}
            />
          );
        }
        return (
          <Scalar
            key={spec.name}
            spec={spec}
            path={path}
            value={(draft[spec.name] as ScalarValue | undefined) ?? null}
            onChange={(value) => onChange(spec.name, value)}
            error={problemText(path)}
          />
        );
      })}
    </>
  );
}

function Scalar({
  spec,
  path,
  value,
  onChange,
  error,
}: {
  spec: ScalarSpec;
  path: string;
  value: ScalarValue;
  onChange: (value: ScalarValue) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const label = t(`programme.worksheet.fields.${spec.name}.label`);
  const hint = t(`programme.worksheet.fields.${spec.name}.hint`);
  if (spec.kind === 'integer') {
    const options = Array.from({ length: spec.max - spec.min + 1 }, (_, i) => spec.min + i);
    return (
      <SelectField
        label={label}
        hint={hint}
        error={error}
        data-focus={path}
        value={value === null ? '' : String(value)}
        onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
      >
        <option value="">{t('programme.worksheet.choose')}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </SelectField>
    );
  }
  if (spec.kind === 'datetime') {
    return (
      <TextField
        label={label}
        hint={hint}
        error={error}
        data-focus={path}
        type="datetime-local"
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  const text = typeof value === 'string' ? value : '';
  if (spec.multiline) {
    return (
      <TextAreaField
        label={label}
        hint={hint}
        error={error}
        data-focus={path}
        rows={spec.max > 1000 ? 4 : 2}
        maxLength={spec.max}
        value={text}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <TextField
      label={label}
      hint={hint}
      error={error}
      data-focus={path}
      maxLength={spec.max}
      value={text}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

function ListFrame({
  spec,
  count,
  onAdd,
  error,
  children,
}: {
  spec: Extract<FieldSpec, { kind: 'textList' | 'entryList' }>;
  count: number;
  onAdd: () => void;
  error: string | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const full = count >= spec.maxItems;
  return (
    <fieldset
      className={`fieldset worksheet-list${error ? ' field-invalid' : ''}`}
      data-invalid={error ? true : undefined}
      aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
    >
      <legend>{t(`programme.worksheet.fields.${spec.name}.label`)}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {t(`programme.worksheet.fields.${spec.name}.hint`)}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {children}
      <div className="form-actions">
        <button
          type="button"
          className="secondary small"
          data-focus={`content.${spec.name}.add`}
          aria-disabled={full || undefined}
          onClick={() => !full && onAdd()}
        >
          {t(`programme.worksheet.lists.${spec.name}.add`)}
        </button>
        {full && (
          <span className="field-hint">
            {t('programme.worksheet.full', { max: spec.maxItems })}
          </span>
        )}
      </div>
    </fieldset>
  );
}

function TextList({
  spec,
  items,
  onChange,
  problemText,
  focusLater,
}: {
  spec: Extract<FieldSpec, { kind: 'textList' }>;
  items: string[];
  onChange: (items: string[]) => void;
  problemText: FieldsProps['problemText'];
  focusLater: FieldsProps['focusLater'];
}) {
  const { t } = useTranslation();
  const base = `content.${spec.name}`;
  const remove = (index: number) => {
    onChange(items.filter((_, i) => i !== index));
    focusLater(items.length > 1 ? `${base}.${Math.max(0, index - 1)}` : `${base}.add`);
  };
  return (
    <ListFrame
      spec={spec}
      count={items.length}
      error={problemText(base)}
      onAdd={() => {
        onChange([...items, '']);
        focusLater(`${base}.${items.length}`);
      }}
    >
      {items.length > 0 && (
        <ol className="worksheet-items">
          {items.map((item, index) => (
            // Items have no identity of their own; their place is what a person sees.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index} className="worksheet-item">
              <TextField
                label={t(`programme.worksheet.lists.${spec.name}.item`, { number: index + 1 })}
                error={problemText(`${base}.${index}`)}
                data-focus={`${base}.${index}`}
                maxLength={spec.itemMax}
                value={item}
                onChange={(event) =>
                  onChange(items.map((old, i) => (i === index ? event.target.value : old)))
                }
              />
              <button
                type="button"
                className="secondary small"
                aria-label={t('programme.worksheet.removeNamed', {
                  name: t(`programme.worksheet.lists.${spec.name}.item`, { number: index + 1 }),
                })}
                onClick={() => remove(index)}
              >
                {t('programme.worksheet.remove')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </ListFrame>
  );
}

function EntryList({
  spec,
  entries,
  onChange,
  problemText,
  focusLater,
}: {
  spec: EntrySpec;
  entries: EntryDraft[];
  onChange: (entries: EntryDraft[]) => void;
  problemText: FieldsProps['problemText'];
  focusLater: FieldsProps['focusLater'];
}) {
  const { t } = useTranslation();
  const base = `content.${spec.name}`;
  const first = spec.fields[0]?.name ?? '';
  const remove = (index: number) => {
    onChange(entries.filter((_, i) => i !== index));
    focusLater(`${base}.add`);
  };
  return (
    <ListFrame
      spec={spec}
      count={entries.length}
      error={problemText(base)}
      onAdd={() => {
        onChange([...entries, emptyEntry(spec)]);
        focusLater(`${base}.${entries.length}.${first}`);
      }}
    >
      {entries.map((entry, index) => {
        const name = t(`programme.worksheet.lists.${spec.name}.item`, { number: index + 1 });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries are known by their place
          <fieldset key={index} className="fieldset worksheet-entry">
            <legend>{name}</legend>
            <div className="worksheet-entry-fields">
              {spec.fields.map((field) => (
                <Scalar
                  key={field.name}
                  spec={field}
                  path={`${base}.${index}.${field.name}`}
                  value={entry[field.name] ?? null}
                  error={problemText(`${base}.${index}.${field.name}`)}
                  onChange={(value) =>
                    onChange(
                      entries.map((old, i) =>
                        i === index ? { ...old, [field.name]: value } : old,
                      ),
                    )
                  }
                />
              ))}
            </div>
            <div className="form-actions">
              <button
                type="button"
                className="secondary small"
                aria-label={t('programme.worksheet.removeNamed', { name })}
                onClick={() => remove(index)}
              >
                {t('programme.worksheet.remove')}
              </button>
            </div>
          </fieldset>
        );
      })}
    </ListFrame>
  );
}
