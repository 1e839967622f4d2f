import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptedResponse } from '../../../../shared/api/accounts.ts';
import { api } from '../../api/client.ts';
import { SubmitButton } from '../../forms/buttons.tsx';
import { EmailField, FormAlert, FormStatus } from '../../forms/fields.tsx';
import { PasswordField } from '../../forms/PasswordField.tsx';
import { formMessage } from '../../forms/problems.ts';
import { useForm } from '../../forms/useForm.ts';
import { validateSignIn } from '../../forms/validation.ts';

const FIELDS = ['newEmail', 'currentPassword'] as const;

/**
 * On the account page: a new address and the current password. Nothing changes until the
 * link sent to the new address is opened (`/confirm-email`), so a typo cannot lock the
 * member out; the current address is told, so a stranger's change does not go unseen.
 */
export function EmailChangeSection({ currentEmail }: { currentEmail: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const form = useForm(FIELDS);
  const [newEmail, setNewEmail] = useState('');
  const [currentPassword, setCurrent] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSentTo(null);
    const checked = validateSignIn({ email: newEmail, password: currentPassword });
    const problems = {
      ...(checked.email ? { newEmail: checked.email } : {}),
      ...(checked.password ? { currentPassword: checked.password } : {}),
    };
    void form.submit({
      problems,
      action: async () => {
        const address = newEmail.trim();
        await api.post('/api/me/email', { newEmail: address, currentPassword }, acceptedResponse);
        setCurrent('');
        setNewEmail('');
        setSentTo(address);
      },
      messageFor: (error) => {
        if (error.code === 'INVALID_INPUT' && 'currentPassword' in error.fields)
          return (tr) => tr('accountRecovery.change.wrongCurrent');
        if (error.code === 'INVALID_INPUT' && 'newEmail' in error.fields)
          return (tr) => tr('emailAddress.changeForm.sameAddress');
        return formMessage(error);
      },
    });
  };

  return (
    <section className="panel account-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('emailAddress.changeForm.title')}</h2>
      <p>{t('emailAddress.changeForm.text', { email: currentEmail })}</p>
      <form ref={form.formRef} className="form" noValidate onSubmit={onSubmit}>
        <FormAlert message={form.alert} />
        <EmailField
          label={t('emailAddress.changeForm.newEmail')}
          error={form.problemText('newEmail')}
          name="newEmail"
          value={newEmail}
          onChange={(event) => setNewEmail(event.target.value)}
        />
        <PasswordField
          label={t('emailAddress.changeForm.currentPassword')}
          error={form.problemText('currentPassword')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrent}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('emailAddress.changeForm.submit')}</SubmitButton>
          <FormStatus
            message={sentTo ? t('emailAddress.changeForm.sent', { email: sentTo }) : null}
          />
        </div>
      </form>
    </section>
  );
}
