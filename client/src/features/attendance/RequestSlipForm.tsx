import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SLIP_NAME, slipNameSchema } from '../../../../shared/api/attendance.ts';

type Problem = 'nameRequired' | 'nameTooLong' | 'nameInvalid';

function problemOf(name: string): Problem | null {
  const trimmed = name.trim();
  if (!trimmed) return 'nameRequired';
  if (trimmed.length > MAX_SLIP_NAME) return 'nameTooLong';
  return slipNameSchema.safeParse(name).success ? null : 'nameInvalid';
}

/**
 * The live room mounts this once a participant has attended long enough; `onRequest` gets
 * the trimmed name and asks the server to sign. The name is never remembered here.
 */
export function RequestSlipForm({
  onRequest,
  busy = false,
}: {
  onRequest: (name: string) => void | Promise<void>;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = problemOf(name);
    setProblem(found);
    if (!found) void onRequest(name.trim());
  };

  return (
    <form className="request-slip" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{t('attendance.request.title')}</h2>
      <p>{t('attendance.request.intro')}</p>
      <label htmlFor={`${id}-name`}>{t('attendance.request.name')}</label>
      <p id={`${id}-hint`} className="field-hint">
        {t('attendance.request.nameHint')}
      </p>
      <input
        id={`${id}-name`}
        type="text"
        value={name}
        maxLength={MAX_SLIP_NAME + 20}
        autoComplete="name"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-hint ${id}-problem` : `${id}-hint`}
        onChange={(event) => setName(event.target.value)}
      />
      {problem && (
        <p id={`${id}-problem`} className="field-error" role="alert">
          {t(`attendance.request.${problem}`)}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t('attendance.request.submitting') : t('attendance.request.submit')}
      </button>
    </form>
  );
}
