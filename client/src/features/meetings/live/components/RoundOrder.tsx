import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomState } from '../room-state.ts';

/** Moves the item at `index` one place up (-1) or down (+1); out of range changes nothing. */
export function moved<T>(items: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= items.length) return items;
  const next = [...items];
  [next[index], next[to]] = [next[to] as T, next[index] as T];
  return next;
}

/**
 * The speaking order arranged by hand before a round starts: everyone in the room, in the
 * order they came, each moved up or down with a button (keyboard and screen-reader friendly,
 * unlike dragging). `onStart` receives the order.
 */
export function RoundOrder({
  room,
  onStart,
}: {
  room: RoomState;
  onStart: (peerIds: string[]) => void;
}) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<string[]>(() => room.order);
  // Those who left since are dropped; newcomers go at the end.
  const current = [
    ...order.filter((id) => id in room.peers),
    ...room.order.filter((id) => !order.includes(id)),
  ];
  const nameOf = (peerId: string) => room.peers[peerId]?.displayName ?? '';
  return (
    <details className="live-round-order">
      <summary>{t('live.round.arrange')}</summary>
      <ol>
        {current.map((peerId, index) => {
          const first = index === 0;
          const last = index === current.length - 1;
          return (
            <li key={peerId} className="live-row-buttons">
              <span>{nameOf(peerId)}</span>
              <button
                type="button"
                className="secondary"
                disabled={first}
                onClick={() => setOrder(moved(current, index, -1))}
              >
                {t('live.round.earlier', { name: nameOf(peerId) })}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={last}
                onClick={() => setOrder(moved(current, index, 1))}
              >
                {t('live.round.later', { name: nameOf(peerId) })}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onStart(current)}>
        {t('live.round.startArranged')}
      </button>
    </details>
  );
}
