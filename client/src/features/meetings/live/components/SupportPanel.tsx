import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../../../shared/errors.ts';
import { errorMessageKey } from '../../../../i18n/index.ts';
import { RequestSlipForm } from '../../../attendance/RequestSlipForm.tsx';
import { slipPagePath } from '../../../attendance/slip.ts';
import { CrisisResourcesPanel } from '../../../support/CrisisResourcesPanel.tsx';
import { useLiveClient } from '../live-context.ts';
import { isFacilitator } from '../model.ts';
import type { RoomState } from '../room-state.ts';
import { codeOf } from '../signalling.ts';
import { AskForHelp } from './HelpAlerts.tsx';

type SlipState =
  | { step: 'loading' }
  | { step: 'tooEarly'; attended: number; min: number }
  | { step: 'ready'; busy: boolean; error: ErrorCode | null }
  | { step: 'issued'; slip: string };

/**
 * A proof of attendance, asked of the server (which counts the minutes and signs). The slip
 * lives only in this component and in the link the person opens: nothing keeps it.
 */
function AttendanceSlip() {
  const { t } = useTranslation();
  const client = useLiveClient();
  const headingId = useId();
  const [state, setState] = useState<SlipState>({ step: 'loading' });
  useEffect(() => {
    let current = true;
    client.request('attendance:status', {}).then(
      ({ attendedMinutes, minMinutes }) => {
        if (!current) return;
        setState(
          attendedMinutes < minMinutes
            ? { step: 'tooEarly', attended: attendedMinutes, min: minMinutes }
            : { step: 'ready', busy: false, error: null },
        );
      },
      (error: unknown) => current && setState({ step: 'ready', busy: false, error: codeOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [client]);
  const request = async (name: string) => {
    setState({ step: 'ready', busy: true, error: null });
    try {
      const { slip } = await client.request('attendance:requestSlip', { name });
      setState({ step: 'issued', slip });
    } catch (error) {
      setState({ step: 'ready', busy: false, error: codeOf(error) });
    }
  };
  // Narrowed here, not in the markup: the markup holds no string literals (i18n check).
  const loading = state.step === 'loading';
  const tooEarly = state.step === 'tooEarly' ? state : null;
  const ready = state.step === 'ready' ? state : null;
  const issued = state.step === 'issued' ? state : null;
  return (
    <section aria-labelledby={headingId} className="live-panel-section">
      <h3 id={headingId}>{t('live.support.slipTitle')}</h3>
      <p className="field-hint">{t('live.support.slipIntro')}</p>
      {loading && <p>{t('live.support.slipLoading')}</p>}
      {tooEarly && (
        <p>{t('live.support.slipTooEarly', { min: tooEarly.min, attended: tooEarly.attended })}</p>
      )}
      {ready && (
        <>
          <RequestSlipForm busy={ready.busy} onRequest={request} />
          {ready.error && (
            <p role="alert" className="field-error">
              {t(errorMessageKey(ready.error))}
            </p>
          )}
        </>
      )}
      {issued && (
        <p role="status">
          {t('live.support.slipReady')}{' '}
          <a href={slipPagePath(issued.slip)} target="_blank" rel="noopener noreferrer">
            {t('live.support.slipOpen')}
          </a>
        </p>
      )}
    </section>
  );
}

/** What any participant may need privately: a facilitator's help, help right now, a proof of attendance. */
export function SupportPanel({ room }: { room: RoomState }) {
  const { t } = useTranslation();
  const facilitator = isFacilitator(room.peers[room.selfId]);
  const headingId = useId();
  return (
    <section className="live-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('live.support.title')}</h2>
      {!facilitator && <AskForHelp room={room} />}
      <CrisisResourcesPanel country={room.country} headingLevel={3} />
      <AttendanceSlip />
    </section>
  );
}
