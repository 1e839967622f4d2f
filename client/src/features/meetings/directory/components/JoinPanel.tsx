import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { ErrorCode } from '../../../../../../shared/errors.ts';
import { describedBy, FormAlert } from '../../../../forms/fields.tsx';
import { safeNextPath } from '../../../../forms/validation.ts';
import { errorMessageKey } from '../../../../i18n/index.ts';
import { signInPath } from '../../../../routes.ts';
import { useHavenStore } from '../../../../store/index.ts';
import { livePath, type MeetingView, meetingPath, STATEMENT_FOR_AUDIENCE } from '../model.ts';
import { errorCodeOf, useDirectoryStore } from '../store.ts';

type Problem = 'unconfirmed' | ErrorCode;

/**
 * "Join" for online and hybrid meetings. A meeting for a specific group asks the member to
 * confirm the statement first, every time (the answer is not stored). Signed out, the
 * button is a way to sign in that comes back here.
 */
export function JoinPanel({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const headingId = useId();
  const checkId = useId();
  const problemId = useId();
  const [, navigate] = useLocation();
  const user = useHavenStore((s) => s.user);
  const sessionStatus = useHavenStore((s) => s.sessionStatus);
  const joinMeeting = useDirectoryStore((s) => s.joinMeeting);
  const checkRef = useRef<HTMLInputElement>(null);
  const [asksConfirmation, setAsksConfirmation] = useState(
    meeting.eligibility?.requiresConfirmation ?? false,
  );
  const [confirmed, setConfirmed] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  // Without a stored statement (the meeting started asking since loading), the audience's own.
  const statement =
    meeting.eligibility?.statementKey ??
    STATEMENT_FOR_AUDIENCE[meeting.audience ?? 'family-and-friends'];
  const here = meetingPath(meeting.id);
  const signedOut = sessionStatus === 'signedOut' || sessionStatus === 'failed';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (asksConfirmation && !confirmed) {
      setProblem('unconfirmed');
      checkRef.current?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const answer = await joinMeeting(meeting.id, asksConfirmation && confirmed);
      navigate(safeNextPath(answer.livePath, livePath(meeting.id)));
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === 'UNAUTHENTICATED') {
        navigate(signInPath(here));
      } else if (code === 'ELIGIBILITY_REQUIRED') {
        // The meeting started asking since this page was loaded.
        setAsksConfirmation(true);
        setProblem('unconfirmed');
      } else {
        setProblem(code);
      }
    } finally {
      setBusy(false);
    }
  };

  const unconfirmed = problem === 'unconfirmed';
  let message: string | null = null;
  if (problem === 'INVALID_TRANSITION') message = t('directory.join.unavailable');
  else if (problem && !unconfirmed) message = t(errorMessageKey(problem));

  return (
    <section className="panel meeting-section join-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('directory.join.title')}</h2>
      {!meeting.nextOccurrence && <p>{t('directory.join.ended')}</p>}
      {meeting.nextOccurrence && signedOut && !user && (
        <>
          <p>{t('directory.join.signInHint')}</p>
          <Link className="button-link" href={signInPath(here)}>
            {t('directory.join.signIn')}
          </Link>
        </>
      )}
      {meeting.nextOccurrence && user && (
        <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
          <p className="field-hint">{t('directory.join.privacy')}</p>
          <FormAlert message={message} />
          {asksConfirmation && (
            <fieldset className={`fieldset${unconfirmed ? ' field-invalid' : ''}`}>
              <legend>{t('directory.join.confirmTitle')}</legend>
              <p className="field-hint">{t('directory.join.confirmHint')}</p>
              {unconfirmed && (
                <p id={problemId} className="field-error" role="alert">
                  {t('directory.join.confirmRequired')}
                </p>
              )}
              <div className="check">
                <input
                  ref={checkRef}
                  id={checkId}
                  type="checkbox"
                  name="confirmEligibility"
                  checked={confirmed}
                  aria-invalid={unconfirmed || undefined}
                  aria-describedby={describedBy(unconfirmed && problemId)}
                  onChange={(event) => {
                    setConfirmed(event.target.checked);
                    if (event.target.checked) setProblem(null);
                  }}
                />
                <label htmlFor={checkId}>{t(`directory.statements.${statement}`)}</label>
              </div>
            </fieldset>
          )}
          <div className="form-actions">
            <button type="submit" aria-disabled={busy || undefined}>
              {busy ? t('directory.join.joining') : t('directory.join.button')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
