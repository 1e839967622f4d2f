import { type ReactNode, type TextareaHTMLAttributes, useId } from 'react';
import { describedBy } from '../../../forms/fields.tsx';

export interface TextAreaFieldProps
  extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'aria-invalid'> {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled textarea with its hint and error read out with it (as the shell's TextField). */
export function TextAreaField({ label, hint, error, rows = 5, ...area }: TextAreaFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <textarea
        id={id}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? hintId : false, error ? errorId : false)}
        {...area}
      />
    </div>
  );
}

export interface Choice<V extends string> {
  value: V;
  label: string;
  hint?: string;
}

/** Radio buttons in a fieldset: the legend names the question, the error is tied to it. */
export function RadioGroup<V extends string>({
  legend,
  name,
  choices,
  value,
  onChange,
  error,
  hint,
}: {
  legend: string;
  name: string;
  choices: readonly Choice<V>[];
  value: V | '';
  onChange: (value: V) => void;
  error?: string | undefined;
  hint?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <fieldset
      className={`fieldset${error ? ' field-invalid' : ''}`}
      data-invalid={error ? true : undefined}
      aria-describedby={describedBy(hint ? hintId : false, error ? errorId : false)}
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <div className="cm-choices">
        {choices.map((choice) => (
          <div key={choice.value} className="check">
            <input
              id={`${id}-${choice.value}`}
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              aria-describedby={choice.hint ? `${id}-${choice.value}-hint` : undefined}
              onChange={() => onChange(choice.value)}
            />
            <div>
              <label htmlFor={`${id}-${choice.value}`}>{choice.label}</label>
              {choice.hint && (
                <p id={`${id}-${choice.value}-hint`} className="field-hint">
                  {choice.hint}
                </p>
              )}
            </div>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
