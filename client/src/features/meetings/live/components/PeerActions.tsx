import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Peer } from '../../../../../../shared/meetings/live/schemas.ts';
import { ConfirmButton } from '../../../../components/ConfirmButton.tsx';
import { useLiveClient } from '../live-context.ts';
import { asConfirmed } from '../signalling.ts';

/**
 * A facilitator's actions on one person, behind a disclosure so the list stays short: mute,
 * stop video, spotlight, lower hand, rename, promote or demote, remove (asked first).
 */
export function PeerActions({ peer, spotlit }: { peer: Peer; spotlit: boolean }) {
  const { t } = useTranslation();
  const client = useLiveClient();
  const nameId = useId();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(peer.displayName);
  const peerId = peer.peerId;
  const who = { name: peer.displayName };
  const isParticipant = peer.role === 'participant';
  const isCofacilitator = peer.role === 'cofacilitator';
  const isHost = peer.role === 'host';

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    const displayName = name.trim();
    if (!displayName) return;
    if (await client.act('meeting:rename', { peerId, displayName })) setRenaming(false);
  };

  return (
    <details className="live-peer-actions">
      <summary>{t('live.people.actionsFor', who)}</summary>
      <div className="live-peer-buttons">
        {peer.micOn && (
          <button
            type="button"
            className="secondary"
            onClick={() => void client.act('meeting:mute', { peerId })}
          >
            {t('live.people.mute')}
          </button>
        )}
        {(peer.cameraOn || peer.screenOn) && (
          <button
            type="button"
            className="secondary"
            onClick={() => void client.act('meeting:stopVideo', { peerId })}
          >
            {t('live.people.stopVideo')}
          </button>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => void client.act('meeting:spotlight', { peerId: spotlit ? null : peerId })}
        >
          {spotlit ? t('live.people.unspotlight') : t('live.people.spotlight')}
        </button>
        {peer.handRaised && (
          <button
            type="button"
            className="secondary"
            onClick={() => void client.act('hand:lower', { peerId })}
          >
            {t('live.people.lowerHand')}
          </button>
        )}
        {peer.observer && (
          <button
            type="button"
            onClick={() => void client.act('meeting:allowParticipation', { peerId })}
          >
            {t('live.people.allowParticipation', who)}
          </button>
        )}
        {isParticipant && (
          <button
            type="button"
            className="secondary"
            onClick={() => void client.act('meeting:promote', { peerId })}
          >
            {t('live.people.promote')}
          </button>
        )}
        {isCofacilitator && (
          <button
            type="button"
            className="secondary"
            onClick={() => void client.act('meeting:demote', { peerId })}
          >
            {t('live.people.demote')}
          </button>
        )}
        <button
          type="button"
          className="secondary"
          aria-expanded={renaming}
          onClick={() => setRenaming(!renaming)}
        >
          {t('live.people.rename')}
        </button>
        {!isHost && (
          <ConfirmButton
            label={t('live.people.remove')}
            title={t('live.people.removeTitle', who)}
            text={t('live.people.removeText', who)}
            confirmLabel={t('live.people.removeConfirm')}
            cancelLabel={t('live.people.removeCancel')}
            onConfirm={() => asConfirmed(client.request('meeting:remove', { peerId }))}
          />
        )}
      </div>
      {renaming && (
        <form className="live-rename" onSubmit={(e) => void rename(e)}>
          <label htmlFor={nameId}>{t('live.people.newName', who)}</label>
          <input
            id={nameId}
            value={name}
            maxLength={40}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit">{t('live.people.saveName')}</button>
        </form>
      )}
    </details>
  );
}
