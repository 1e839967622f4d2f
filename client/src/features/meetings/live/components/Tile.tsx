import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Peer } from '../../../../../../shared/meetings/live/schemas.ts';
import { useLiveClient } from '../live-context.ts';
import { initialsOf, spatialLayerFor, type TileSize } from '../model.ts';
import { attachTrack, useTrack } from '../tracks.ts';
import { Icon } from './Icon.tsx';

export interface TileModel {
  key: string;
  peer: Peer;
  source: 'camera' | 'screen';
  /** Where its video track is kept (a consumer id, or `local:camera`), if any. */
  trackKey: string | null;
  consumerId: string | null;
  isSelf: boolean;
}

/**
 * One person (or one shared screen) in the grid: video when there is some, else their
 * initials; name, microphone and hand always in words for screen readers. It asks for the
 * simulcast layer its size deserves.
 */
export function Tile({
  tile,
  size,
  speaking,
  spotlit,
}: {
  tile: TileModel;
  size: TileSize;
  speaking: boolean;
  spotlit: boolean;
}) {
  const { t } = useTranslation();
  const client = useLiveClient();
  const videoRef = useRef<HTMLVideoElement>(null);
  const track = useTrack(client.tracks, tile.trackKey);
  const { peer, source } = tile;
  const isCamera = source === 'camera';
  const isRole = peer.role !== 'participant';
  const showVideo = !!track && (!isCamera || (peer.cameraOn && !peer.audioOnly));

  useEffect(() => attachTrack(videoRef.current, showVideo ? track : null), [track, showVideo]);
  useEffect(() => {
    if (tile.consumerId && showVideo) client.setLayer(tile.consumerId, spatialLayerFor(size));
  }, [client, tile.consumerId, size, showVideo]);

  const name =
    source === 'screen' ? t('live.tile.screenOf', { name: peer.displayName }) : peer.displayName;
  const classes = [
    'live-tile',
    `live-tile-${size}`,
    speaking ? 'live-tile-speaking' : '',
    spotlit ? 'live-tile-spotlit' : '',
    source === 'screen' ? 'live-tile-screen' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <li className={classes}>
      {showVideo ? (
        <video
          ref={videoRef}
          muted
          playsInline
          className={tile.isSelf && isCamera ? 'live-mirror' : undefined}
        />
      ) : (
        <div className="live-tile-initials" aria-hidden="true">
          {initialsOf(peer.displayName)}
        </div>
      )}
      <div className="live-tile-label">
        {isCamera && (
          <span className={peer.micOn ? 'live-tile-mic' : 'live-tile-mic live-tile-mic-off'}>
            <Icon name={peer.micOn ? 'mic' : 'micOff'} />
          </span>
        )}
        <span className="live-tile-name">
          {tile.isSelf && isCamera ? t('live.tile.you', { name }) : name}
        </span>
        {isCamera && (
          <span className="live-sr">
            {peer.micOn ? t('live.tile.micOn') : t('live.tile.micOff')}
          </span>
        )}
        {isRole && isCamera && (
          <span className="live-tile-role">{t(`live.roles.${peer.role}`)}</span>
        )}
        {peer.handRaised && isCamera && (
          <span className="live-tile-hand">
            <Icon name="hand" />
            <span className="live-sr">{t('live.tile.hand')}</span>
          </span>
        )}
        {peer.audioOnly && isCamera && (
          <span className="live-tile-role">{t('live.tile.audioOnly')}</span>
        )}
        {speaking && <span className="live-sr">{t('live.tile.speaking')}</span>}
        {spotlit && <span className="live-sr">{t('live.tile.spotlit')}</span>}
      </div>
    </li>
  );
}

/** Hidden players for everyone else's microphone: tracks reach the speakers only here. */
export function AudioSink({ trackKey }: { trackKey: string }) {
  const client = useLiveClient();
  const ref = useRef<HTMLAudioElement>(null);
  const track = useTrack(client.tracks, trackKey);
  useEffect(() => attachTrack(ref.current, track), [track]);
  // biome-ignore lint/a11y/useMediaCaption: live speech in a confidential meeting; nothing to caption in advance.
  return <audio ref={ref} autoPlay />;
}
