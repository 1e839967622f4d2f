import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { Page } from '../../components/Page.tsx';
import { PATHS } from '../../routes.ts';
import { useHavenStore } from '../../store/index.ts';
import { ResendLinkForm } from './ResendLinkForm.tsx';
import { useLinkToken } from './use-link-token.ts';

/**
 * The page a sign-up's confirmation email links to: the link makes the account and signs
 * the member in on this browser, then takes them home. A dead or missing link offers a new one.
 */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const confirmSignUp = useHavenStore((s) => s.confirmSignUp);
  const showFlash = useHavenStore((s) => s.showFlash);
  const send = useCallback(
    async (token: string) => {
      const member = await confirmSignUp(token);
      showFlash({ key: 'emailConfirmed', path: PATHS.home, name: member.displayName });
    },
    [confirmSignUp, showFlash],
  );
  const state = useLinkToken(send);
  useEffect(() => {
    if (state === 'done') navigate(PATHS.home);
  }, [state, navigate]);

  if (state === 'working' || state === 'done') {
    return (
      <Page title={t('emailAddress.verify.title')} narrow>
        <p className="panel" role="status">
          {t('emailAddress.verify.working')}
        </p>
      </Page>
    );
  }
  const message =
    state === 'linkDead'
      ? t('emailAddress.verify.linkDead')
      : state === 'failed'
        ? t('errors.UNAVAILABLE')
        : t('emailAddress.verify.noLink');
  return (
    <Page title={t('emailAddress.verify.title')} intro={t('emailAddress.verify.intro')} narrow>
      <p className="panel" role={state === 'noLink' ? undefined : 'alert'}>
        {message}
      </p>
      <ResendLinkForm />
    </Page>
  );
}
