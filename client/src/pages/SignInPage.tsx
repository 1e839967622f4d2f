import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { AlreadySignedIn } from '../components/AlreadySignedIn.tsx';
import { Page } from '../components/Page.tsx';
import { RECOVERY_PATHS } from '../features/account-recovery/paths.ts';
import { EMAIL_ADDRESS_PATHS } from '../features/email-address/paths.ts';
import { TwoFactorStep } from '../features/sign-in-security/TwoFactorStep.tsx';
import { SubmitButton } from '../forms/buttons.tsx';
import { EmailField, FormAlert } from '../forms/fields.tsx';
import { PasswordField } from '../forms/PasswordField.tsx';
import { formMessage } from '../forms/problems.ts';
import { useForm } from '../forms/useForm.ts';
import { type SignInValues, safeNextPath, validateSignIn } from '../forms/validation.ts';
import { PATHS } from '../routes.ts';
import { useHavenStore } from '../store/index.ts';

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const next = safeNextPath(new URLSearchParams(useSearch()).get('next'), PATHS.home);
  const user = useHavenStore((s) => s.user);
  const signIn = useHavenStore((s) => s.signIn);
  const showFlash = useHavenStore((s) => s.showFlash);
  const form = useForm(FIELDS);
  const [values, setValues] = useState<SignInValues>({ email: '', password: '' });
  const [codeNeeded, setCodeNeeded] = useState(false);
  const welcome = (member: { displayName: string }) => {
    showFlash({ key: 'welcomeBack', path: next, name: member.displayName });
    navigate(next);
  };
  const [notVerified, setNotVerified] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setNotVerified(false);
    void form.submit({
      problems: validateSignIn(values),
      action: async () => {
        const member = await signIn(values);
        if (member) welcome(member);
        else setCodeNeeded(true);
      },
      // The server does not say which of the two was wrong, and neither do we.
      messageFor: (error) => {
        if (error.code === 'EMAIL_NOT_VERIFIED') {
          setNotVerified(true);
          return (tr) => tr('emailAddress.signIn.notVerified');
        }
        // The lock-out says when to try again (the server's retryAfter), in whole minutes.
        if (error.code === 'RATE_LIMITED' && error.retryAfter !== null) {
          const count = Math.max(1, Math.ceil(error.retryAfter / 60));
          return (tr) => tr('signIn.tooManyTries', { count });
        }
        return error.code === 'UNAUTHENTICATED'
          ? (tr) => tr('signIn.wrongCredentials')
          : formMessage(error);
      },
    });
  };

  if (codeNeeded && !user) {
    return (
      <Page title={t('signIn.title')} narrow>
        <TwoFactorStep onSignedIn={welcome} />
      </Page>
    );
  }

  if (user && !form.busy && !codeNeeded) {
    return (
      <Page title={t('signIn.title')} narrow>
        <AlreadySignedIn name={user.displayName} />
      </Page>
    );
  }

  return (
    <Page title={t('signIn.title')} intro={t('signIn.intro')} narrow>
      <form ref={form.formRef} className="panel form" noValidate onSubmit={onSubmit}>
        <FormAlert message={form.alert} />
        <EmailField
          label={t('signIn.email')}
          error={form.problemText('email')}
          name="email"
          autoComplete="username"
          value={values.email}
          onChange={(event) => setValues((v) => ({ ...v, email: event.target.value }))}
        />
        <PasswordField
          label={t('signIn.password')}
          error={form.problemText('password')}
          autoComplete="current-password"
          value={values.password}
          onChange={(password) => setValues((v) => ({ ...v, password }))}
        />
        <SubmitButton busy={form.busy}>{t('signIn.submit')}</SubmitButton>
      </form>
      {notVerified ? (
        <p className="form-aside">
          <Link href={EMAIL_ADDRESS_PATHS.verifyEmail}>{t('emailAddress.signIn.resendLink')}</Link>
        </p>
      ) : null}
      <p className="form-aside">
        <Link href={RECOVERY_PATHS.forgotPassword}>{t('accountRecovery.forgotLink')}</Link>
      </p>
      <p className="form-aside">
        {t('signIn.noAccount')} <Link href={PATHS.signUp}>{t('signIn.joinLink')}</Link>
      </p>
    </Page>
  );
}
