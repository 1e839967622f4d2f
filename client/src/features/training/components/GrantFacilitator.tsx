import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../../forms/problems.ts';
import { errorMessageKey } from '../../../i18n/index.ts';
import { type GrantOutcome, grantOutcome } from '../cohort-logic.ts';
import { trainers } from '../trainers-api.ts';

interface Candidate {
  id: string;
  displayName: string;
  courseTitle: string;
}

/**
 * "Grant the facilitator role" for each member of the cohort who completed a course of the
 * facilitator track. The server decides (the policy may name more courses): what it answers,
 * a refusal included, is said in words beside the member.
 */
export function GrantFacilitator({ candidates }: { candidates: readonly Candidate[] }) {
  const { t } = useTranslation();
  return (
    <section className="training-grants" aria-labelledby="training-grants">
      <h2 id="training-grants">{t('training.grant.title')}</h2>
      <p>{t('training.grant.intro')}</p>
      {candidates.length === 0 ? (
        <p className="panel">{t('training.grant.none')}</p>
      ) : (
        <ul className="training-grant-list">
          {candidates.map((candidate) => (
            <GrantRow key={candidate.id} candidate={candidate} />
          ))}
        </ul>
      )}
    </section>
  );
}

function GrantRow({ candidate }: { candidate: Candidate }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<GrantOutcome | null>(null);
  const [errorText, setErrorText] = useState('');
  const name = candidate.displayName;
  const grant = () => {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    trainers
      .grantFacilitator(candidate.id)
      .then((answer) => setOutcome(grantOutcome(answer)))
      .catch((error: unknown) => {
        const { code } = asApiError(error);
        setOutcome(grantOutcome({ code }));
        setErrorText(t(errorMessageKey(code)));
      })
      .finally(() => setBusy(false));
  };
  const done = outcome === 'granted' || outcome === 'alreadyHeld';
  const statusRef = useRef<HTMLParagraphElement>(null);
  // The button goes once the role is held: focus moves to what the server said, not the page.
  useEffect(() => {
    if (done) statusRef.current?.focus();
  }, [done]);
  const said =
    outcome === null
      ? ''
      : outcome === 'error'
        ? errorText
        : t(`training.grant.${outcome}`, { name });
  return (
    <li className="panel training-grant">
      <p>
        <strong>{name}</strong>
        {' · '}
        {t('training.grant.completed', { course: candidate.courseTitle })}
      </p>
      {!done && (
        <button
          type="button"
          aria-disabled={busy || undefined}
          aria-label={t('training.grant.buttonFor', { name })}
          onClick={grant}
        >
          {t('training.grant.button')}
        </button>
      )}
      <p
        ref={statusRef}
        tabIndex={-1}
        role="status"
        className={done ? 'training-ok' : outcome ? 'training-warn' : undefined}
      >
        {said}
      </p>
    </li>
  );
}
