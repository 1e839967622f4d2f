import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Page } from '../../components/Page.tsx';
import { FormAlert } from '../../forms/fields.tsx';
import { PasswordField } from '../../forms/PasswordField.tsx';
import { formMessage } from '../../forms/problems.ts';
import { useForm } from '../../forms/useForm.ts';
import { validateSignUp } from '../../forms/validation.ts';
import { PATHS } from '../../routes.ts';
import { useHavenStore } from '../../store/index.ts';
import { recovery } from './api.ts';
import { RECOVERY_PATHS } from './paths.ts';
import { dropFragment, tokenFromFragment } from './token.ts';

const FIELDS = ['password'] as const;

/** The page a reset email links to: a new password, then signing in with it. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const loadSession = useHavenStore((s) => s.loadSession);
  // Read during render, dropped after: a render React throws away must still find it.
  const [token] = useState(tokenFromFragment);
  useEffect(dropFragment, []);
  const form = useForm(FIELDS);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const [linkDead, setLinkDead] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { password: problem } = validateSignUp({ displayName: 'x', email: 'a@b.cd', password });
    void form.submit({
      problems: problem ? { password: problem } : {},
      action: async () => {
        await recovery.confirmReset({ token: token ?? '', password });
        setDone(true);
        // Every session ended, this browser's too: the header follows.
        void loadSession();
      },
      messageFor: (error) => {
        const tokenRefused = error.code === 'INVALID_INPUT' && 'token' in error.fields;
        if (tokenRefused) setLinkDead(true);
        return tokenRefused ? (tr) => tr('accountRecovery.reset.linkDead') : formMessage(error);
      },
    });
  };

  const noToken = !token || linkDead;
  if (done || (!token && !linkDead)) {
    const message = done ? t('accountRecovery.reset.done') : t('accountRecovery.reset.noLink');
    const linkHref = done ? PATHS.signIn : RECOVERY_PATHS.forgotPassword;
    const linkText = done ? t('accountRecovery.reset.signIn') : t('accountRecovery.reset.askAgain');
    return (
      <Page title={t('accountRecovery.reset.title')} narrow>
        <div className="panel" role="status">
          <p>{message}</p>
          <p>
            <Link href={linkHref}>{linkText}</Link>
          </p>
        </div>
      </Page>
    );
  }

  return (
    <Page title={t('accountRecovery.reset.title')} intro={t('accountRecovery.reset.intro')} narrow>
      <form ref={form.formRef} className="panel form" noValidate onSubmit={onSubmit}>
        <FormAlert message={form.alert} />
        <PasswordField
          label={t('accountRecovery.reset.password')}
          error={form.problemText('password')}
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
        />
        <button type="submit" aria-disabled={form.busy || noToken || undefined}>
          {form.busy ? t('forms.busy') : t('accountRecovery.reset.submit')}
        </button>
      </form>
      <p className="form-aside">
        <Link href={RECOVERY_PATHS.forgotPassword}>{t('accountRecovery.reset.askAgain')}</Link>
      </p>
    </Page>
  );
}
