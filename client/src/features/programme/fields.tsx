import { type ReactNode, type TextareaHTMLAttributes, useId } from 'react';
import { describedBy } from '../../forms/fields.tsx';

export interface TextAreaFieldProps
  extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'aria-invalid' | 'children'> {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled text area, built like the shell's TextField (hint and error read out with it). */
export function TextAreaField({ label, hint, error, className, ...area }: TextAreaFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
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
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? hintId : false, error ? errorId : false)}
        {...area}
      />
    </div>
  );
}

/** A group of radio buttons in a fieldset, with the group's hint and error read out with it. */
export function RadioGroup<V extends string>({
  legend,
  hint,
  error,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  name: string;
  value: V | '';
  options: ReadonlyArray<{ value: V; label: string; hint?: string }>;
  onChange: (value: V) => void;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <fieldset
      className={`fieldset radio-group${error ? ' field-invalid' : ''}`}
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
      <div className="radio-list">
        {options.map((option) => (
          <div key={option.value} className="check">
            <input
              id={`${id}-${option.value}`}
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              aria-describedby={option.hint ? `${id}-${option.value}-hint` : undefined}
              onChange={() => onChange(option.value)}
            />
            <div>
              <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
              {option.hint && (
                <p id={`${id}-${option.value}-hint`} className="field-hint">
                  {option.hint}
                </p>
              )}
            </div>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
