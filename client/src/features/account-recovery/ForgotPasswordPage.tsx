import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Page } from '../../components/Page.tsx';
import { SubmitButton } from '../../forms/buttons.tsx';
import { EmailField, FormAlert } from '../../forms/fields.tsx';
import { useForm } from '../../forms/useForm.ts';
import { validateSignIn } from '../../forms/validation.ts';
import { PATHS } from '../../routes.ts';
import { recovery } from './api.ts';

const FIELDS = ['email'] as const;

/** "Forgot your password?": an address in, the same answer out whoever it belongs to. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm(FIELDS);
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { email: problem } = validateSignIn({ email, password: 'x' });
    void form.submit({
      problems: problem ? { email: problem } : {},
      action: async () => {
        await recovery.requestReset(email);
        setSent(true);
      },
    });
  };

  if (sent) {
    return (
      <Page title={t('accountRecovery.forgot.title')} narrow>
        <div className="panel" role="status">
          <p>{t('accountRecovery.forgot.sent')}</p>
          <p>
            <Link href={PATHS.signIn}>{t('accountRecovery.backToSignIn')}</Link>
          </p>
        </div>
      </Page>
    );
  }

  return (
    <Page
      title={t('accountRecovery.forgot.title')}
      intro={t('accountRecovery.forgot.intro')}
      narrow
    >
      <form ref={form.formRef} className="panel form" noValidate onSubmit={onSubmit}>
        <FormAlert message={form.alert} />
        <EmailField
          label={t('accountRecovery.forgot.email')}
          error={form.problemText('email')}
          name="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <SubmitButton busy={form.busy}>{t('accountRecovery.forgot.submit')}</SubmitButton>
      </form>
      <p className="form-aside">
        <Link href={PATHS.signIn}>{t('accountRecovery.backToSignIn')}</Link>
      </p>
    </Page>
  );
}
