import type { AgendaState } from '../../../../../shared/meetings/agenda.ts';
import type { BreakoutState } from '../../../../../shared/meetings/breakouts.ts';
import type { RoundState } from '../../../../../shared/meetings/checkin-round.ts';
import type {
  ChatMessage,
  HelpAlert,
  MeetingSettings,
  Peer,
  ProducerInfo,
  RoomSnapshot,
  WaitingPeer,
} from '../../../../../shared/meetings/live/schemas.ts';

/**
 * The room as plain data, and the pure functions that apply each server event to it. The
 * MeetingClient calls these and hands the result to the store; nothing here touches a
 * socket, a track or React, so every rule is unit-tested on its own.
 */

export interface RoomState {
  meetingId: string;
  title: string;
  selfId: string;
  /** Everyone admitted, self included, keyed by peer id. */
  peers: Record<string, Peer>;
  /** Peer ids in the order they joined, so tiles do not jump around. */
  order: string[];
  producers: Record<string, ProducerInfo>;
  settings: MeetingSettings;
  handQueue: string[];
  activeSpeakerPeerId: string | null;
  chat: ChatMessage[];
  /** Facilitators only; always empty for participants. */
  waiting: WaitingPeer[];
  /** Facilitators: every alert; a participant: their own (help-alerts on the server). */
  helpAlerts: HelpAlert[];
  round: RoundState;
  /** The meeting's country, for the crisis resources it shows. */
  country: string | null;
  agenda: AgendaState;
  /** The server's clock minus this browser's when the agenda last arrived (agenda-view.ts). */
  clockOffsetMs: number;
  /** Breakout rooms, when open; each peer's `breakoutRoom` says where they are. */
  breakouts: BreakoutState;
  /** The facilitators' latest message to every room, while the rooms are open. */
  breakoutMessage: BreakoutMessage | null;
}

export interface BreakoutMessage {
  text: string;
  sentAt: number;
}

/** What the server sends someone who changed rooms (breakout:moved). */
export interface RoomMove {
  room: number | null;
  producers: ProducerInfo[];
  chat: ChatMessage[];
}

/** A consumer as the UI sees it: which peer and source its track shows. */
export interface ConsumerInfo {
  consumerId: string;
  producerId: string;
  peerId: string;
  kind: 'audio' | 'video';
  source: 'mic' | 'camera' | 'screen';
}

/** Chat is kept in memory only, and only the latest messages: the meeting's chat is not saved. */
export const CHAT_KEPT = 300;

export function roomFromSnapshot(snapshot: RoomSnapshot, receivedAt = Date.now()): RoomState {
  const peers: Record<string, Peer> = { [snapshot.self.peerId]: snapshot.self };
  const order = [snapshot.self.peerId];
  for (const peer of snapshot.peers) {
    peers[peer.peerId] = peer;
    if (!order.includes(peer.peerId)) order.push(peer.peerId);
  }
  const producers: Record<string, ProducerInfo> = {};
  for (const producer of snapshot.producers) producers[producer.producerId] = producer;
  return {
    meetingId: snapshot.meetingId,
    title: snapshot.title,
    selfId: snapshot.self.peerId,
    peers,
    order,
    producers,
    settings: snapshot.settings,
    handQueue: snapshot.handQueue,
    activeSpeakerPeerId: snapshot.activeSpeakerPeerId,
    chat: snapshot.chat.slice(-CHAT_KEPT),
    waiting: snapshot.waiting,
    helpAlerts: snapshot.helpAlerts,
    round: snapshot.round,
    country: snapshot.country,
    agenda: snapshot.agenda,
    clockOffsetMs: snapshot.agenda.serverNow - receivedAt,
    breakouts: snapshot.breakouts,
    breakoutMessage: null,
  };
}

/** Breakout rooms opened or closed; a closing takes the last message with it. */
export function breakoutsChanged(
  room: RoomState,
  breakouts: BreakoutState,
  receivedAt: number,
): RoomState {
  return {
    ...room,
    breakouts,
    breakoutMessage: breakouts.open ? room.breakoutMessage : null,
    clockOffsetMs: breakouts.serverNow - receivedAt,
  };
}

export function breakoutMessageReceived(room: RoomState, message: BreakoutMessage): RoomState {
  return { ...room, breakoutMessage: message };
}

/**
 * This person changed rooms: what they may receive and read is now the new room's (the
 * server closed the consumers of the old one).
 */
export function roomMoved(room: RoomState, move: RoomMove): RoomState {
  const self = room.peers[room.selfId];
  const producers: Record<string, ProducerInfo> = {};
  for (const producer of move.producers) producers[producer.producerId] = producer;
  return {
    ...room,
    peers: self
      ? { ...room.peers, [room.selfId]: { ...self, breakoutRoom: move.room } }
      : room.peers,
    producers,
    chat: move.chat.slice(-CHAT_KEPT),
    activeSpeakerPeerId: null,
  };
}

/** Whether `peer` is in the same room as this person (a breakout room, or the main room). */
export function inSamePlace(room: RoomState, peer: Peer): boolean {
  return peer.breakoutRoom === (room.peers[room.selfId]?.breakoutRoom ?? null);
}

/** The check-in round moved on (its clock is the server's, like the agenda's). */
export function roundChanged(room: RoomState, round: RoundState, receivedAt: number): RoomState {
  return { ...room, round, clockOffsetMs: round.serverNow - receivedAt };
}

/** A help alert, new or now seen: replaced in place, or added at the end. */
export function helpAlertReceived(room: RoomState, alert: HelpAlert): RoomState {
  const known = room.helpAlerts.some((a) => a.id === alert.id);
  return {
    ...room,
    helpAlerts: known
      ? room.helpAlerts.map((a) => (a.id === alert.id ? alert : a))
      : [...room.helpAlerts, alert],
  };
}

/** The agenda moved; the server's clock comes with it, so the offset is taken again. */
export function agendaChanged(room: RoomState, agenda: AgendaState, receivedAt: number): RoomState {
  return { ...room, agenda, clockOffsetMs: agenda.serverNow - receivedAt };
}

export function peerJoined(room: RoomState, peer: Peer): RoomState {
  const order = room.order.includes(peer.peerId) ? room.order : [...room.order, peer.peerId];
  return { ...room, peers: { ...room.peers, [peer.peerId]: peer }, order };
}

/** An update for someone not (yet) known is a join: events may cross on the wire. */
export const peerUpdated = peerJoined;

export function peerLeft(room: RoomState, peerId: string): RoomState {
  if (peerId === room.selfId) return room;
  const { [peerId]: _gone, ...peers } = room.peers;
  const producers = Object.fromEntries(
    Object.entries(room.producers).filter(([, producer]) => producer.peerId !== peerId),
  );
  return {
    ...room,
    peers,
    producers,
    order: room.order.filter((id) => id !== peerId),
    handQueue: room.handQueue.filter((id) => id !== peerId),
    activeSpeakerPeerId: room.activeSpeakerPeerId === peerId ? null : room.activeSpeakerPeerId,
  };
}

export function producerAdded(room: RoomState, producer: ProducerInfo): RoomState {
  return { ...room, producers: { ...room.producers, [producer.producerId]: producer } };
}

export function producerRemoved(room: RoomState, producerId: string): RoomState {
  if (!(producerId in room.producers)) return room;
  const { [producerId]: _gone, ...producers } = room.producers;
  return { ...room, producers };
}

export function producerPaused(room: RoomState, producerId: string, paused: boolean): RoomState {
  const producer = room.producers[producerId];
  if (!producer || producer.paused === paused) return room;
  return { ...room, producers: { ...room.producers, [producerId]: { ...producer, paused } } };
}

export function handQueueChanged(room: RoomState, queue: string[]): RoomState {
  return { ...room, handQueue: queue };
}

export function speakerChanged(room: RoomState, peerId: string | null): RoomState {
  return room.activeSpeakerPeerId === peerId ? room : { ...room, activeSpeakerPeerId: peerId };
}

export function settingsChanged(room: RoomState, settings: MeetingSettings): RoomState {
  return { ...room, settings };
}

export function waitingChanged(room: RoomState, waiting: WaitingPeer[]): RoomState {
  return { ...room, waiting };
}

export function chatReceived(room: RoomState, message: ChatMessage): RoomState {
  if (room.chat.some((known) => known.id === message.id)) return room;
  return { ...room, chat: [...room.chat, message].slice(-CHAT_KEPT) };
}

export function chatDeleted(room: RoomState, messageId: string): RoomState {
  return { ...room, chat: room.chat.filter((message) => message.id !== messageId) };
}

/** The producers of other peers this client should receive (video left out when audio-only). */
export function producersToConsume(room: RoomState, audioOnly: boolean): ProducerInfo[] {
  return Object.values(room.producers).filter(
    (producer) => producer.peerId !== room.selfId && !(audioOnly && producer.kind === 'video'),
  );
}

export function selfOf(room: RoomState): Peer | undefined {
  return room.peers[room.selfId];
}
