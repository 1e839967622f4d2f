import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/errors.ts';
import { CheckField, FormAlert, FormStatus } from '../../forms/fields.tsx';
import { asApiError } from '../../forms/problems.ts';
import { errorMessageKey } from '../../i18n/index.ts';
import { LoadFailed, Loading } from './components.tsx';
import { callAdmin } from './data.ts';

/**
 * "Require two-step sign-in for admins" (docs/accounts.md). Saves when the box changes; what
 * is shown is what the server answered (a refused change, e.g. by an admin not enrolled, is
 * put back and the reason said with a link to enrol).
 */
export function SignInPolicySection() {
  const { t } = useTranslation();
  const [shown, setShown] = useState<boolean | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const [problem, setProblem] = useState<ErrorCode | null>(null);

  const load = useCallback(() => {
    setLoadError(null);
    callAdmin((api) => api.accountSettings()).then(
      (settings) => setShown(settings.twoFactorRequiredForAdmins),
      (error: unknown) => setLoadError(asApiError(error).code),
    );
  }, []);
  useEffect(load, [load]);

  const change = (on: boolean) => {
    if (busy) return;
    setBusy(true);
    setShown(on);
    setSaid(null);
    setProblem(null);
    callAdmin((api) => api.updateAccountSettings({ twoFactorRequiredForAdmins: on }))
      .then((settings) => {
        setShown(settings.twoFactorRequiredForAdmins);
        setSaid(
          t(
            settings.twoFactorRequiredForAdmins
              ? 'admin.signInPolicy.savedOn'
              : 'admin.signInPolicy.savedOff',
          ),
        );
      })
      .catch((error: unknown) => {
        setShown(!on);
        setProblem(asApiError(error).code);
      })
      .finally(() => setBusy(false));
  };

  return (
    <section className="panel admin-sign-in-policy" aria-labelledby="admin-sign-in-policy">
      <h2 id="admin-sign-in-policy">{t('admin.signInPolicy.title')}</h2>
      {shown === null && !loadError && <Loading />}
      {loadError && <LoadFailed error={loadError} onRetry={load} />}
      {shown !== null && (
        <CheckField
          label={t('admin.signInPolicy.required')}
          hint={t('admin.signInPolicy.requiredHint')}
          checked={shown}
          onChange={change}
        />
      )}
      {problem === 'TWO_FACTOR_REQUIRED' ? (
        <LoadFailed error={problem} />
      ) : (
        <FormAlert message={problem && t(errorMessageKey(problem))} />
      )}
      <FormStatus message={said} />
    </section>
  );
}
