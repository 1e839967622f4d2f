import type { StoreApi } from 'zustand';
import type { RoomSnapshot } from '../../../../../shared/meetings/live/schemas.ts';
import type { MediaSession } from './media-session.ts';
import type { MeetingSocket } from './meeting-client.ts';
import type { Outcome } from './model.ts';
import {
  agendaChanged,
  breakoutMessageReceived,
  breakoutsChanged,
  chatDeleted,
  chatReceived,
  handQueueChanged,
  helpAlertReceived,
  peerJoined,
  peerLeft,
  peerUpdated,
  producerAdded,
  producerPaused,
  producerRemoved,
  type RoomMove,
  type RoomState,
  roundChanged,
  settingsChanged,
  speakerChanged,
  waitingChanged,
} from './room-state.ts';
import { type LiveState, updateRoom } from './store.ts';

export interface RoomEventTargets {
  store: StoreApi<LiveState>;
  media: MediaSession;
  enterRoom: (snapshot: RoomSnapshot) => void;
  finish: (outcome: Outcome, reason?: LiveState['endReason']) => void;
  restartMedia: (routerRtpCapabilities: unknown) => void;
  /** This person changed rooms (breakout): receive what the new room sends. */
  roomMoved: (move: RoomMove) => void;
  mutedByFacilitator: (source: 'mic' | 'camera' | 'screen') => void;
}

/**
 * What the server pushes on `/meeting`, applied to the store (through the pure functions of
 * room-state.ts) and, where media is concerned, to the MediaSession.
 */
export function bindRoomEvents(socket: MeetingSocket, targets: RoomEventTargets): void {
  const { store, media } = targets;
  const room = (change: (room: RoomState) => RoomState) => updateRoom(store, change);
  const inRoom = () => store.getState().phase === 'room';

  socket.on('meeting:admitted', ({ room: snapshot }) => targets.enterRoom(snapshot));
  socket.on('meeting:denied', () => targets.finish('denied'));
  socket.on('meeting:removed', () => targets.finish('removed'));
  socket.on('meeting:ended', ({ reason }) => targets.finish('ended', reason));
  socket.on('meeting:waiting', ({ waiting }) => room((r) => waitingChanged(r, waiting)));
  socket.on('meeting:settings', (settings) => room((r) => settingsChanged(r, settings)));
  socket.on('help:alert', (alert) => room((r) => helpAlertReceived(r, alert)));
  socket.on('round:state', (round) => room((r) => roundChanged(r, round, Date.now())));
  socket.on('agenda:state', (agenda) => room((r) => agendaChanged(r, agenda, Date.now())));
  socket.on('breakout:state', (state) => room((r) => breakoutsChanged(r, state, Date.now())));
  socket.on('breakout:message', (message) => room((r) => breakoutMessageReceived(r, message)));
  socket.on('breakout:moved', (move) => {
    if (inRoom()) targets.roomMoved(move);
  });
  socket.on('meeting:mutedByFacilitator', ({ source }) => targets.mutedByFacilitator(source));

  socket.on('peer:joined', (peer) => room((r) => peerJoined(r, peer)));
  // Own buttons follow this browser's own state, not peer:updated: the server says when it
  // ends someone's media (meeting:mutedByFacilitator), while a peer:updated may describe a
  // moment with no producers at all (a worker restart, before media is produced again).
  socket.on('peer:updated', (peer) => room((r) => peerUpdated(r, peer)));
  socket.on('peer:left', ({ peerId }) => room((r) => peerLeft(r, peerId)));

  socket.on('producer:new', (producer) => {
    room((r) => producerAdded(r, producer));
    const state = store.getState();
    if (!inRoom() || producer.peerId === state.room?.selfId) return;
    if (state.local.audioOnly && producer.kind === 'video') return;
    media.consume(producer).catch(() => undefined);
  });
  socket.on('producer:closed', ({ producerId }) => {
    room((r) => producerRemoved(r, producerId));
    media.closeConsumerOfProducer(producerId);
  });
  socket.on('producer:paused', ({ producerId, paused }) =>
    room((r) => producerPaused(r, producerId, paused)),
  );
  socket.on('consumer:closed', ({ consumerId }) => media.closeConsumer(consumerId));

  socket.on('hand:queue', ({ queue }) => room((r) => handQueueChanged(r, queue)));
  socket.on('speaker:active', ({ peerId }) => room((r) => speakerChanged(r, peerId)));
  socket.on('media:restart', ({ routerRtpCapabilities }) => {
    if (inRoom()) targets.restartMedia(routerRtpCapabilities);
  });
  socket.on('chat:message', (message) => room((r) => chatReceived(r, message)));
  socket.on('chat:deleted', ({ messageId }) => room((r) => chatDeleted(r, messageId)));
}
