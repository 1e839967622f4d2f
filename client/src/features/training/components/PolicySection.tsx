import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { CheckField, FormAlert, FormStatus } from '../../../forms/fields.tsx';
import { asApiError } from '../../../forms/problems.ts';
import { errorMessageKey } from '../../../i18n/index.ts';
import { useLoad } from '../hooks.ts';
import { trainers } from '../trainers-api.ts';

/**
 * The organisation's training policy, for admins: whether completing the facilitator track
 * grants the facilitator role by itself. The box saves when it changes; what is shown is
 * what the server answered (a refused change is put back).
 */
export function PolicySection() {
  const { t } = useTranslation();
  const { state, reload } = useLoad('training-settings', () => trainers.settings());
  const [saved, setSaved] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const loading = state.status === 'loading';
  const failed = state.status === 'failed' ? state : null;
  const shown = saved ?? (state.status === 'ready' ? state.data.autoGrantFacilitator : null);

  const change = (on: boolean) => {
    if (busy) return;
    setBusy(true);
    // Shown at once; put back as it was if the server refuses.
    setSaved(on);
    setSaid(null);
    setProblem(null);
    trainers
      .updateSettings({ autoGrantFacilitator: on })
      .then((settings) => {
        setSaved(settings.autoGrantFacilitator);
        setSaid(
          settings.autoGrantFacilitator
            ? t('training.policy.savedOn')
            : t('training.policy.savedOff'),
        );
      })
      .catch((error: unknown) => {
        setSaved(!on);
        setProblem(t(errorMessageKey(asApiError(error).code)));
      })
      .finally(() => setBusy(false));
  };

  return (
    <section className="panel training-policy" aria-labelledby="training-policy">
      <h2 id="training-policy">{t('training.policy.title')}</h2>
      <p>{t('training.policy.intro')}</p>
      {loading && <Loading />}
      {failed && <LoadFailed error={failed.code} onRetry={reload} />}
      {shown !== null && (
        <CheckField
          label={t('training.policy.autoGrant')}
          hint={t('training.policy.autoGrantHint')}
          checked={shown}
          onChange={change}
        />
      )}
      <FormAlert message={problem} />
      <FormStatus message={said} />
    </section>
  );
}
