import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

/** ids for aria-describedby: only those of the parts that are showing. */
export function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const shown = ids.filter(Boolean);
  return shown.length ? shown.join(' ') : undefined;
}

export interface TextFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'children'> {
  label: string;
  hint?: ReactNode;
  /** The translated problem, shown between label and input and tied to the input. */
  error?: string | undefined;
}

/** A labelled input with its hint and error read out with it. */
export function TextField({ label, hint, error, className, ...input }: TextFieldProps) {
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
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? hintId : false, error ? errorId : false)}
        {...input}
      />
    </div>
  );
}

/**
 * An email address: the phone keyboard and autofill for addresses, no capitals or spelling
 * fixes (`autoComplete` is "username" where the address signs in).
 */
export function EmailField(props: TextFieldProps) {
  return (
    <TextField
      type="email"
      inputMode="email"
      autoComplete="email"
      autoCapitalize="none"
      spellCheck={false}
      {...props}
    />
  );
}

export interface TextAreaFieldProps
  extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'aria-invalid' | 'children'> {
  label: string;
  hint?: ReactNode;
  /** The translated problem, shown between label and text area and tied to it. */
  error?: string | undefined;
}

/** A labelled text area like TextField, its hint and error read out with it; 5 rows by default. */
export function TextAreaField({
  label,
  hint,
  error,
  className,
  rows = 5,
  ...area
}: TextAreaFieldProps) {
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
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? hintId : false, error ? errorId : false)}
        {...area}
      />
    </div>
  );
}

/** The message above a form. The region is always there so a new message is announced. */
export function FormAlert({ message }: { message: string | null }) {
  return (
    <div role="alert" aria-atomic="true">
      {message && <p className="form-alert">{message}</p>}
    </div>
  );
}

/** Quiet confirmation after saving ("Your profile has been saved."). */
export function FormStatus({ message }: { message: string | null }) {
  return (
    <p role="status" className={message ? 'form-status' : 'form-status-empty'}>
      {message}
    </p>
  );
}

export interface SelectFieldProps
  extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'aria-invalid'> {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

export function SelectField({ label, hint, error, children, ...select }: SelectFieldProps) {
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
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? hintId : false, error ? errorId : false)}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

/**
 * A checkbox with its label beside it and an explanation read out with it. A `disabled` box
 * (a choice that cannot change) should say why in its hint.
 */
export function CheckField({
  label,
  hint,
  checked,
  onChange,
  name,
  disabled,
}: {
  label: string;
  hint?: string | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
  name?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="check">
      <input
        id={id}
        type="checkbox"
        name={name}
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint && (
          <p id={hintId} className="field-hint">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}

/** One radio button of a RadioGroup, with an optional explanation read out with it. */
export interface Choice<V extends string> {
  value: V;
  label: string;
  hint?: string | undefined;
}

export interface RadioGroupProps<V extends string> {
  /** Names the question; the group's hint and error are tied to the fieldset. */
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  name: string;
  /** '' while nothing is chosen yet. */
  value: V | '';
  choices: readonly Choice<V>[];
  onChange: (value: V) => void;
}

/**
 * Radio buttons in a fieldset: the legend names the question, the group's hint and error
 * are read out with it, and an invalid group gets the bar (and `data-invalid`, so a failed
 * submit focuses its first button). Native radios: arrow keys move within the group.
 */
export function RadioGroup<V extends string>({
  legend,
  hint,
  error,
  name,
  value,
  choices,
  onChange,
}: RadioGroupProps<V>) {
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
        {choices.map((choice) => {
          const choiceId = `${id}-${choice.value}`;
          return (
            <div key={choice.value} className="check">
              <input
                id={choiceId}
                type="radio"
                name={name}
                value={choice.value}
                checked={value === choice.value}
                aria-describedby={choice.hint ? `${choiceId}-hint` : undefined}
                onChange={() => onChange(choice.value)}
              />
              <div>
                <label htmlFor={choiceId}>{choice.label}</label>
                {choice.hint && (
                  <p id={`${choiceId}-hint`} className="field-hint">
                    {choice.hint}
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** A select's choices, each shown by its label (the lists in i18n/ name them per language). */
export function Options({ items }: { items: ReadonlyArray<{ value: string; label: string }> }) {
  return items.map((item) => (
    <option key={item.value} value={item.value}>
      {item.label}
    </option>
  ));
}
