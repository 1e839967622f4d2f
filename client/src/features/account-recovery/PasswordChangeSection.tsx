import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../forms/buttons.tsx';
import { FormAlert, FormStatus } from '../../forms/fields.tsx';
import { PasswordField } from '../../forms/PasswordField.tsx';
import { formMessage } from '../../forms/problems.ts';
import { useForm } from '../../forms/useForm.ts';
import { validateSignUp } from '../../forms/validation.ts';
import { recovery } from './api.ts';

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** On the account page: the current password, a new one; other devices are signed out. */
export function PasswordChangeSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const form = useForm(FIELDS);
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [changed, setChanged] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChanged(false);
    const { password: newProblem } = validateSignUp({
      displayName: 'x',
      email: 'a@b.cd',
      password: newPassword,
    });
    const problems = {
      ...(currentPassword ? {} : { currentPassword: { key: 'required' as const } }),
      ...(newProblem ? { newPassword: newProblem } : {}),
    };
    void form.submit({
      problems,
      action: async () => {
        await recovery.changePassword({ currentPassword, newPassword });
        setCurrent('');
        setNew('');
        setChanged(true);
      },
      messageFor: (error) =>
        error.code === 'INVALID_INPUT' && 'currentPassword' in error.fields
          ? (tr) => tr('accountRecovery.change.wrongCurrent')
          : formMessage(error),
    });
  };

  return (
    <section className="panel account-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('accountRecovery.change.title')}</h2>
      <p>{t('accountRecovery.change.text')}</p>
      <form ref={form.formRef} className="form" noValidate onSubmit={onSubmit}>
        <FormAlert message={form.alert} />
        <PasswordField
          label={t('accountRecovery.change.current')}
          error={form.problemText('currentPassword')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrent}
        />
        <PasswordField
          label={t('accountRecovery.change.new')}
          error={form.problemText('newPassword')}
          autoComplete="new-password"
          value={newPassword}
          onChange={setNew}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('accountRecovery.change.submit')}</SubmitButton>
          <FormStatus message={changed ? t('accountRecovery.change.done') : null} />
        </div>
      </form>
    </section>
  );
}
