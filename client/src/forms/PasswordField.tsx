import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from './fields.tsx';

/** A password input with its rules stated up front and a "Show password" switch. */
export function PasswordField({
  label,
  hint,
  error,
  value,
  onChange,
  autoComplete,
}: {
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'new-password' | 'current-password';
}) {
  const { t } = useTranslation();
  const toggleId = useId();
  const [visible, setVisible] = useState(false);
  return (
    <div className="password-field">
      <TextField
        label={label}
        hint={hint}
        error={error}
        name="password"
        type={visible ? 'text' : 'password'}
        autoComplete={autoComplete}
        autoCapitalize="none"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <div className="check">
        <input
          id={toggleId}
          type="checkbox"
          checked={visible}
          onChange={(event) => setVisible(event.target.checked)}
        />
        <label htmlFor={toggleId}>{t('forms.showPassword')}</label>
      </div>
    </div>
  );
}
