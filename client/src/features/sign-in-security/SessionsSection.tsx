import { useCallback, useEffect, useId, useState } from 'react';
import './sign-in-security.css';
import { useTranslation } from 'react-i18next';
import type { OwnSession } from '../../../../shared/api/sign-in.ts';
import type { ErrorCode } from '../../../../shared/errors.ts';
import { FormAlert, FormStatus } from '../../forms/fields.tsx';
import { asApiError } from '../../forms/problems.ts';
import { errorMessageKey } from '../../i18n/index.ts';
import { signInSecurity } from './api.ts';

/** "Your sessions": where the member is signed in, and signing any other of them out. */
export function SessionsSection() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [sessions, setSessions] = useState<OwnSession[] | null>(null);
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setSessions(await signInSecurity.sessions());
    } catch (error) {
      setFailure(asApiError(error).code);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (action: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    setStatus(null);
    try {
      setStatus(await action());
      await load();
    } catch (error) {
      setFailure(asApiError(error).code);
    } finally {
      setBusy(false);
    }
  };

  // Minutes are as precise as "last used" is (it is written every few minutes).
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );
  const deviceOf = (session: OwnSession) =>
    t('signInSecurity.sessions.device', {
      browser: session.browser || t('signInSecurity.sessions.unknownBrowser'),
      os: session.os || t('signInSecurity.sessions.unknownOs'),
    });
  const others = sessions?.filter((session) => !session.current) ?? [];

  return (
    <section className="panel account-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('signInSecurity.sessions.title')}</h2>
      <p>{t('signInSecurity.sessions.text')}</p>
      <FormAlert message={failure && t(errorMessageKey(failure))} />
      {sessions === null && !failure && <p role="status">{t('signInSecurity.sessions.loading')}</p>}
      {sessions && (
        <ul className="session-list">
          {sessions.map((session) => (
            <li key={session.id} className="session-item">
              <p className="session-device">
                <strong>{deviceOf(session)}</strong>
                {session.current && (
                  <span className="badge">{t('signInSecurity.sessions.thisOne')}</span>
                )}
              </p>
              <p className="session-times">
                {t('signInSecurity.sessions.signedIn', { when: when(session.signedInAt) })}
                <br />
                {t('signInSecurity.sessions.lastUsed', { when: when(session.lastUsedAt) })}
              </p>
              {!session.current && (
                <button
                  type="button"
                  className="secondary"
                  aria-disabled={busy || undefined}
                  aria-label={t('signInSecurity.sessions.signOutOneLabel', {
                    device: deviceOf(session),
                  })}
                  onClick={() =>
                    void act(async () => {
                      await signInSecurity.signOutSession(session.id);
                      return t('signInSecurity.sessions.signedOutOne');
                    })
                  }
                >
                  {t('signInSecurity.sessions.signOutOne')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        {others.length > 0 && (
          <button
            type="button"
            aria-disabled={busy || undefined}
            onClick={() =>
              void act(async () => {
                const count = await signInSecurity.signOutOthers();
                return t('signInSecurity.sessions.signedOutOthers', { count });
              })
            }
          >
            {t('signInSecurity.sessions.signOutOthers')}
          </button>
        )}
        <FormStatus message={status} />
      </div>
    </section>
  );
}
