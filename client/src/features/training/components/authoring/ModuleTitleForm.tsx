import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, TextField } from '../../../../forms/fields.tsx';
import { saveErrorText } from './save-error.ts';

/** Renames a module: its title in a field, saved with the draft. */
export function ModuleTitleForm({
  title,
  label,
  onSave,
}: {
  title: string;
  label: string;
  onSave: (title: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(title);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = value.trim() !== title;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !changed) return;
    setAlert(null);
    if (!value.trim()) {
      setProblem(t('forms.problems.required'));
      return;
    }
    setProblem(undefined);
    setBusy(true);
    try {
      await onSave(value);
    } catch (error) {
      setAlert(saveErrorText(t, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form training-module-title" noValidate onSubmit={(e) => void submit(e)}>
      <FormAlert message={alert} />
      <TextField
        label={label}
        value={value}
        maxLength={160}
        error={problem}
        onChange={(e) => setValue(e.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="small" aria-disabled={busy || !changed || undefined}>
          {t('training.authoring.rename')}
        </button>
      </div>
    </form>
  );
}
