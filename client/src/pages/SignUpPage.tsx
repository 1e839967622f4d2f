import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { AlreadySignedIn } from '../components/AlreadySignedIn.tsx';
import { Page } from '../components/Page.tsx';
import { ResendLinkForm } from '../features/email-address/ResendLinkForm.tsx';
import { SubmitButton } from '../forms/buttons.tsx';
import { EmailField, FormAlert, TextField } from '../forms/fields.tsx';
import { PasswordField } from '../forms/PasswordField.tsx';
import { formMessage } from '../forms/problems.ts';
import { useForm } from '../forms/useForm.ts';
import { LIMITS, type SignUpValues, validateSignUp } from '../forms/validation.ts';
import { PATHS } from '../routes.ts';
import { useHavenStore } from '../store/index.ts';

const FIELDS = ['displayName', 'email', 'password'] as const;

export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const user = useHavenStore((s) => s.user);
  const signUp = useHavenStore((s) => s.signUp);
  const form = useForm(FIELDS);
  // The address the confirmation went to; the form gives way to "check your email".
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [values, setValues] = useState<SignUpValues>({ displayName: '', email: '', password: '' });
  const set = (field: keyof SignUpValues) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({
      problems: validateSignUp(values),
      action: async () => {
        // The page's language, so the email and the new account speak it.
        const uiLanguage = i18n.resolvedLanguage === 'es' ? 'es' : 'en';
        await signUp({ ...values, uiLanguage });
        setSentTo(values.email.trim());
      },
      messageFor: formMessage,
    });
  };

  if (sentTo) {
    return (
      <Page title={t('emailAddress.checkEmail.title')} narrow>
        <div className="panel" role="status">
          <p>{t('emailAddress.checkEmail.text', { email: sentTo })}</p>
          <p>{t('emailAddress.checkEmail.spam')}</p>
        </div>
        <ResendLinkForm initialEmail={sentTo} />
      </Page>
    );
  }

  if (user && !form.busy) {
    return (
      <Page title={t('signUp.title')} narrow>
        <AlreadySignedIn name={user.displayName} />
      </Page>
    );
  }

  return (
    <Page title={t('signUp.title')} intro={t('signUp.intro')} narrow>
      <form ref={form.formRef} className="panel form" noValidate onSubmit={onSubmit}>
        <FormAlert message={form.alert} />
        <TextField
          label={t('signUp.displayName')}
          hint={t('signUp.displayNameHint')}
          error={form.problemText('displayName')}
          name="displayName"
          autoComplete="nickname"
          maxLength={LIMITS.displayName.max}
          value={values.displayName}
          onChange={(event) => set('displayName')(event.target.value)}
        />
        <EmailField
          label={t('signUp.email')}
          hint={t('signUp.emailHint')}
          error={form.problemText('email')}
          name="email"
          value={values.email}
          onChange={(event) => set('email')(event.target.value)}
        />
        <PasswordField
          label={t('signUp.password')}
          hint={t('signUp.passwordHint', { min: LIMITS.password.min })}
          error={form.problemText('password')}
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
        />
        <SubmitButton busy={form.busy}>{t('signUp.submit')}</SubmitButton>
      </form>
      <p className="form-aside">
        {t('signUp.haveAccount')} <Link href={PATHS.signIn}>{t('signUp.signInLink')}</Link>
      </p>
    </Page>
  );
}
