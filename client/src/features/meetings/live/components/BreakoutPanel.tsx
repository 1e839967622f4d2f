import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BREAKOUT_MAX_MINUTES,
  BREAKOUT_MAX_ROOMS,
  BREAKOUT_MESSAGE_MAX,
  BREAKOUT_MIN_ROOMS,
} from '../../../../../../shared/meetings/breakouts.ts';
import type { Peer } from '../../../../../../shared/meetings/live/schemas.ts';
import { RadioGroup, SelectField, TextField } from '../../../../forms/fields.tsx';
import {
  assignable,
  type BreakoutPlan,
  openRequest,
  type Place,
  placesOf,
} from '../breakout-view.ts';
import { useLiveClient } from '../live-context.ts';
import type { RoomState } from '../room-state.ts';

const ROOM_COUNTS = Array.from(
  { length: BREAKOUT_MAX_ROOMS - BREAKOUT_MIN_ROOMS + 1 },
  (_, i) => i + BREAKOUT_MIN_ROOMS,
);

/** "Main room", "Room 1", "Room 2"… as the options of a place picker. */
function PlaceOptions({ rooms }: { rooms: number }) {
  const { t } = useTranslation();
  const numbers = Array.from({ length: rooms }, (_, i) => i + 1);
  return (
    <>
      <option value="">{t('live.breakouts.mainRoom')}</option>
      {numbers.map((n) => (
        <option key={n} value={n}>
          {t('live.breakouts.roomName', { room: n })}
        </option>
      ))}
    </>
  );
}

const placeFrom = (value: string): Place => (value === '' ? null : Number(value));

/** Before the rooms open: how many, for how long, and who goes where. */
function SetUpRooms({ room }: { room: RoomState }) {
  const { t } = useTranslation();
  const client = useLiveClient();
  const [rooms, setRooms] = useState(2);
  const [minutes, setMinutes] = useState(15);
  const [assign, setAssign] = useState<'random' | 'manual'>('random');
  const [plan, setPlan] = useState<BreakoutPlan>({});
  const byHand = assign === 'manual';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void client.act('breakout:open', openRequest({ rooms, minutes, assign, plan }));
  };
  return (
    <form onSubmit={submit} className="live-panel-section">
      <SelectField
        label={t('live.breakouts.rooms')}
        value={rooms}
        onChange={(event) => setRooms(Number(event.target.value))}
      >
        {ROOM_COUNTS.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('live.breakouts.minutes')}
        type="number"
        min={1}
        max={BREAKOUT_MAX_MINUTES}
        required
        value={minutes}
        onChange={(event) => setMinutes(Number(event.target.value))}
      />
      <RadioGroup
        legend={t('live.breakouts.assign')}
        name="breakout-assign"
        value={assign}
        onChange={setAssign}
        choices={[
          { value: 'random', label: t('live.breakouts.random') },
          { value: 'manual', label: t('live.breakouts.manual') },
        ]}
      />
      {byHand && (
        <fieldset className="fieldset">
          <legend>{t('live.breakouts.whoWhere')}</legend>
          {assignable(room).map((peer) => (
            <SelectField
              key={peer.peerId}
              label={peer.displayName}
              value={plan[peer.peerId] ?? ''}
              onChange={(event) =>
                setPlan({ ...plan, [peer.peerId]: placeFrom(event.target.value) ?? '' })
              }
            >
              <PlaceOptions rooms={rooms} />
            </SelectField>
          ))}
        </fieldset>
      )}
      <button type="submit">{t('live.breakouts.open')}</button>
    </form>
  );
}

/** A short message to every room at once ("five minutes left"). */
function Broadcast() {
  const { t } = useTranslation();
  const client = useLiveClient();
  const [text, setText] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await client.act('breakout:broadcast', { text })) setText('');
  };
  return (
    <form onSubmit={submit} className="live-panel-section live-row-form">
      <TextField
        label={t('live.breakouts.broadcast')}
        value={text}
        maxLength={BREAKOUT_MESSAGE_MAX}
        required
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit">{t('live.breakouts.send')}</button>
    </form>
  );
}

/**
 * Someone's room, chosen and then confirmed with a button: a picker that acted on every
 * change would move them once per arrow key (and surprise a screen reader's user).
 */
function MoveSomeone({ peer, rooms }: { peer: Peer; rooms: number }) {
  const { t } = useTranslation();
  const client = useLiveClient();
  const [choice, setChoice] = useState<string>(String(peer.breakoutRoom ?? ''));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void client.act('breakout:move', { peerId: peer.peerId, room: placeFrom(choice) });
  };
  return (
    <form onSubmit={submit} className="live-row-form">
      <SelectField
        label={t('live.breakouts.moveName', { name: peer.displayName })}
        value={choice}
        onChange={(event) => setChoice(event.target.value)}
      >
        <PlaceOptions rooms={rooms} />
      </SelectField>
      <button type="submit" className="secondary">
        {t('live.breakouts.move')}
      </button>
    </form>
  );
}

/** While the rooms are open: who is where, moving people, visiting, messaging, closing. */
function OpenRooms({ room }: { room: RoomState }) {
  const { t } = useTranslation();
  const client = useLiveClient();
  const here = room.peers[room.selfId]?.breakoutRoom ?? null;
  const move = (peerId: string, place: Place) =>
    void client.act('breakout:move', { peerId, room: place });
  return (
    <>
      {placesOf(room).map(({ place, peers }) => {
        const name =
          place === null
            ? t('live.breakouts.mainRoom')
            : t('live.breakouts.roomName', { room: place });
        const visiting = place === here;
        const goLabel =
          place === null
            ? t('live.breakouts.returnMain')
            : t('live.breakouts.visit', { room: place });
        return (
          <section key={place ?? 'main'} className="live-panel-section" aria-label={name}>
            <h3>{t('live.breakouts.placeHeading', { name, count: peers.length })}</h3>
            {!visiting && (
              <button type="button" className="secondary" onClick={() => move(room.selfId, place)}>
                {goLabel}
              </button>
            )}
            <ul className="live-people-list">
              {peers
                .filter((peer) => peer.peerId !== room.selfId)
                .map((peer) => (
                  <li key={peer.peerId} className="live-person">
                    <MoveSomeone peer={peer} rooms={room.breakouts.rooms} />
                  </li>
                ))}
            </ul>
          </section>
        );
      })}
      <Broadcast />
      <button type="button" onClick={() => void client.act('breakout:close', {})}>
        {t('live.breakouts.closeAll')}
      </button>
    </>
  );
}

/** The facilitators' breakout panel: set rooms up, then run them. */
export function BreakoutPanel({ room }: { room: RoomState }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="live-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('live.breakouts.title')}</h2>
      {room.breakouts.open ? <OpenRooms room={room} /> : <SetUpRooms room={room} />}
    </section>
  );
}
