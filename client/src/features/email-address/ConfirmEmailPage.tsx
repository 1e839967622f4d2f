import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Page } from '../../components/Page.tsx';
import { PATHS } from '../../routes.ts';
import { useHavenStore } from '../../store/index.ts';
import { useLinkToken } from './use-link-token.ts';

/**
 * The page an email change's confirmation links to (sent to the new address): the account
 * moves to it. Sessions stay as they are, so whoever opens it need not be signed in here.
 */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const confirmEmailChange = useHavenStore((s) => s.confirmEmailChange);
  const send = useCallback((token: string) => confirmEmailChange(token), [confirmEmailChange]);
  const state = useLinkToken(send);

  const message = {
    working: t('emailAddress.change.working'),
    done: t('emailAddress.change.done'),
    linkDead: t('emailAddress.change.linkDead'),
    failed: t('errors.UNAVAILABLE'),
    noLink: t('emailAddress.change.noLink'),
  }[state];
  const settled = state !== 'working';
  return (
    <Page title={t('emailAddress.change.title')} narrow>
      <div className="panel" role={state === 'linkDead' || state === 'failed' ? 'alert' : 'status'}>
        <p>{message}</p>
        {settled ? (
          <p>
            <Link href={PATHS.account}>{t('emailAddress.change.toAccount')}</Link>
          </p>
        ) : null}
      </div>
    </Page>
  );
}
