import { type TextareaHTMLAttributes, useId } from 'react';
import { describedBy } from '../../../forms/fields.tsx';

/**
 * A labelled textarea with its hint and error read out with it, like forms/TextField. Kept
 * here until the shared forms/ folder has one (see docs/client-directory.md).
 */
export function TextAreaField({
  label,
  hint,
  error,
  ...textarea
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'aria-invalid'> & {
  label: string;
  hint?: string;
  error?: string | undefined;
}) {
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
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? hintId : false, error ? errorId : false)}
        {...textarea}
      />
    </div>
  );
}
