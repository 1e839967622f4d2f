import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnUser } from '../../../../../../shared/api/accounts.ts';
import { CheckField, describedBy, FormAlert, TextField } from '../../../../forms/fields.tsx';
import { errorMessageKey } from '../../../../i18n/index.ts';
import type { MeetingView } from '../../directory/model.ts';
import { STATEMENT_FOR_AUDIENCE } from '../../directory/model.ts';
import { useLiveClient, useLiveStore } from '../live-context.ts';
import { NAME_STORAGE_KEY } from '../model.ts';
import { DevicePreview, type DeviceSelection } from './DevicePreview.tsx';
import { Guidelines } from './Guidelines.tsx';

type Problem = 'name' | 'agreement' | 'eligibility';

function savedName(fallback: string): string {
  try {
    return localStorage.getItem(NAME_STORAGE_KEY) || fallback;
  } catch {
    return fallback;
  }
}

/** The way in: a name, a look at camera and microphone, the guidelines and the agreement. */
export function JoinScreen({ user, meeting }: { user: OwnUser; meeting: MeetingView | null }) {
  const { t } = useTranslation();
  const client = useLiveClient();
  const phase = useLiveStore((s) => s.phase);
  const joinError = useLiveStore((s) => s.joinError);
  const agreementId = useId();
  const eligibilityId = useId();
  const agreementError = useId();
  const eligibilityError = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const agreementRef = useRef<HTMLInputElement>(null);
  const eligibilityRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(() => savedName(user.displayName).slice(0, 40));
  const [agreed, setAgreed] = useState(false);
  const [eligible, setEligible] = useState(false);
  const [listenOnly, setListenOnly] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [devices, setDevices] = useState<DeviceSelection>({
    micDeviceId: null,
    cameraDeviceId: null,
  });
  const asksEligibility =
    meeting?.eligibility?.requiresConfirmation === true || joinError === 'ELIGIBILITY_REQUIRED';
  const statement =
    meeting?.eligibility?.statementKey ??
    STATEMENT_FOR_AUDIENCE[meeting?.audience ?? 'family-and-friends'];
  const busy = phase === 'joining';
  const agreementProblem = problem === 'agreement';
  const eligibilityProblem = problem === 'eligibility';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    if (!trimmed) {
      setProblem('name');
      return (
        formRef.current?.elements.namedItem('displayName') as HTMLInputElement | null
      )?.focus();
    }
    if (!agreed) {
      setProblem('agreement');
      return agreementRef.current?.focus();
    }
    if (asksEligibility && !eligible) {
      setProblem('eligibility');
      return eligibilityRef.current?.focus();
    }
    setProblem(null);
    try {
      localStorage.setItem(NAME_STORAGE_KEY, trimmed);
    } catch {
      // Private mode: the name is simply not suggested next time.
    }
    void client.join({
      displayName: trimmed,
      agreementAccepted: true,
      eligibilityConfirmed: asksEligibility && eligible,
      observer: listenOnly,
      ...devices,
    });
  };

  const serverMessage =
    joinError && joinError !== 'ELIGIBILITY_REQUIRED' ? t(errorMessageKey(joinError)) : null;

  return (
    <div className="live-join">
      <form ref={formRef} className="form live-join-form" noValidate onSubmit={onSubmit}>
        <FormAlert message={serverMessage} />
        <TextField
          name="displayName"
          label={t('live.join.name')}
          hint={t('live.join.nameHint')}
          error={problem === 'name' ? t('live.join.nameRequired') : undefined}
          value={name}
          maxLength={40}
          autoComplete="nickname"
          onChange={(e) => setName(e.target.value)}
        />
        <fieldset className={`fieldset${agreementProblem ? ' field-invalid' : ''}`}>
          <legend>{t('live.join.agreementTitle')}</legend>
          <p className="field-hint">{t('live.join.agreementText')}</p>
          {agreementProblem && (
            <p id={agreementError} className="field-error" role="alert">
              {t('live.join.agreementRequired')}
            </p>
          )}
          <div className="check">
            <input
              ref={agreementRef}
              id={agreementId}
              type="checkbox"
              checked={agreed}
              required
              aria-invalid={agreementProblem || undefined}
              aria-describedby={describedBy(agreementProblem && agreementError)}
              onChange={(e) => {
                setAgreed(e.target.checked);
                if (e.target.checked && agreementProblem) setProblem(null);
              }}
            />
            <label htmlFor={agreementId}>{t('live.join.agreement')}</label>
          </div>
        </fieldset>
        {asksEligibility && (
          <fieldset className={`fieldset${eligibilityProblem ? ' field-invalid' : ''}`}>
            <legend>{t('directory.join.confirmTitle')}</legend>
            <p className="field-hint">{t('directory.join.confirmHint')}</p>
            {eligibilityProblem && (
              <p id={eligibilityError} className="field-error" role="alert">
                {t('directory.join.confirmRequired')}
              </p>
            )}
            <div className="check">
              <input
                ref={eligibilityRef}
                id={eligibilityId}
                type="checkbox"
                checked={eligible}
                aria-invalid={eligibilityProblem || undefined}
                aria-describedby={describedBy(eligibilityProblem && eligibilityError)}
                onChange={(e) => {
                  setEligible(e.target.checked);
                  if (e.target.checked && eligibilityProblem) setProblem(null);
                }}
              />
              <label htmlFor={eligibilityId}>{t(`directory.statements.${statement}`)}</label>
            </div>
          </fieldset>
        )}
        <CheckField
          label={t('live.join.listenOnly')}
          hint={t('live.join.listenOnlyHint')}
          checked={listenOnly}
          onChange={setListenOnly}
        />
        <div className="form-actions">
          <button type="submit" aria-disabled={busy || undefined}>
            {busy ? t('live.join.joining') : t('live.join.button')}
          </button>
        </div>
      </form>
      <div className="live-join-side">
        <DevicePreview selection={devices} onChange={setDevices} />
        <Guidelines />
      </div>
    </div>
  );
}
