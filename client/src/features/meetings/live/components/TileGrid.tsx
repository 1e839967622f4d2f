import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveStore } from '../live-context.ts';
import { gridColumns, tileOrder, tileSizeOf } from '../model.ts';
import { type ConsumerInfo, inSamePlace, type RoomState } from '../room-state.ts';
import { localKey } from '../tracks.ts';
import { AudioSink, Tile, type TileModel } from './Tile.tsx';

function consumerFor(
  consumers: Record<string, ConsumerInfo>,
  peerId: string,
  source: 'camera' | 'screen',
): string | null {
  for (const info of Object.values(consumers))
    if (info.peerId === peerId && info.source === source) return info.consumerId;
  return null;
}

/** Everyone's tiles, in join order (shared screens and the spotlit person first). */
export function buildTiles(room: RoomState, consumers: Record<string, ConsumerInfo>): TileModel[] {
  const ids = tileOrder(room.order, room.settings.spotlightPeerId);
  const screens: TileModel[] = [];
  const cameras: TileModel[] = [];
  for (const peerId of ids) {
    const peer = room.peers[peerId];
    // Only the room one is in: breakout rooms are seen and heard by those inside.
    if (!peer || !inSamePlace(room, peer)) continue;
    const isSelf = peerId === room.selfId;
    const camera = isSelf ? null : consumerFor(consumers, peerId, 'camera');
    cameras.push({
      key: `${peerId}:camera`,
      peer,
      source: 'camera',
      trackKey: isSelf ? localKey('camera') : camera,
      consumerId: camera,
      isSelf,
    });
    if (peer.screenOn) {
      const screen = isSelf ? null : consumerFor(consumers, peerId, 'screen');
      screens.push({
        key: `${peerId}:screen`,
        peer,
        source: 'screen',
        trackKey: isSelf ? localKey('screen') : screen,
        consumerId: screen,
        isSelf,
      });
    }
  }
  return [...screens, ...cameras];
}

export function TileGrid({ room }: { room: RoomState }) {
  const { t } = useTranslation();
  const consumers = useLiveStore((s) => s.consumers);
  const ref = useRef<HTMLUListElement>(null);
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const tiles = useMemo(() => buildTiles(room, consumers), [room, consumers]);
  const spotlight = room.settings.spotlightPeerId;
  const featured =
    tiles.find((tile) => tile.source === 'screen')?.key ??
    (spotlight ? `${spotlight}:camera` : null);
  const columns = gridColumns(tiles.length, width);
  const audio = Object.values(consumers).filter((info) => info.kind === 'audio');
  const place = room.peers[room.selfId]?.breakoutRoom ?? null;
  const here = tiles.filter((tile) => tile.source === 'camera').length;
  const label =
    place === null
      ? t('live.room.tiles', { count: here })
      : t('live.room.tilesInRoom', { count: here, room: place });

  return (
    <>
      <ul
        ref={ref}
        className={`live-grid${featured ? ' live-grid-featured' : ''}`}
        style={
          {
            '--live-columns': columns,
            '--live-rows': Math.max(1, Math.ceil(tiles.length / columns)),
          } as React.CSSProperties
        }
        aria-label={label}
      >
        {tiles.map((tile) => (
          <Tile
            key={tile.key}
            tile={tile}
            size={tileSizeOf(
              columns,
              tile.key === featured,
              featured !== null && tile.key !== featured,
            )}
            speaking={tile.source === 'camera' && room.activeSpeakerPeerId === tile.peer.peerId}
            spotlit={tile.source === 'camera' && spotlight === tile.peer.peerId}
          />
        ))}
      </ul>
      <div hidden>
        {audio.map((info) => (
          <AudioSink key={info.consumerId} trackKey={info.consumerId} />
        ))}
      </div>
    </>
  );
}
