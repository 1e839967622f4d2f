import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MeetingClient,
  type MeetingSocket,
} from '../../../../client/src/features/meetings/live/meeting-client.ts';
import { createLiveStore } from '../../../../client/src/features/meetings/live/store.ts';
import { snapshot } from './fixtures.ts';

type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };
type Handler = (payload: unknown) => Answer;

/**
 * A stand-in for the /meeting socket: requests go to `handlers`, pushes come from `push`.
 * Media cannot start in Node (no WebRTC), so these tests cover signalling and phases; the
 * browser test and the multi-browser suite cover media.
 */
class FakeSocket extends EventEmitter {
  connected = true;
  sent: Array<{ event: string; payload: unknown }> = [];
  constructor(readonly handlers: Record<string, Handler>) {
    super();
  }
  override emit(event: string, ...args: unknown[]): boolean {
    const [payload, ack] = args as [unknown, (answer: Answer) => void];
    this.sent.push({ event, payload });
    const handler = this.handlers[event];
    const answer = handler ? handler(payload) : { ok: true as const, data: {} };
    queueMicrotask(() => ack(answer));
    return true;
  }
  push(event: string, payload: unknown = {}): void {
    super.emit(event, payload);
  }
  connect(): this {
    this.connected = true;
    super.emit('connect');
    return this;
  }
  disconnect(): this {
    this.connected = false;
    return this;
  }
  drop(reason = 'transport close'): void {
    this.connected = false;
    super.emit('disconnect', reason);
  }
}

const ok = (data: unknown): Answer => ({ ok: true, data });
const refuse = (code: string): Answer => ({ ok: false, error: { code, message: code } });
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const clients: MeetingClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

function start(handlers: Record<string, Handler>) {
  const socket = new FakeSocket(handlers);
  const store = createLiveStore();
  const client = new MeetingClient('a'.repeat(24), store, () => socket as unknown as MeetingSocket);
  clients.push(client);
  return { socket, store, client };
}

const joinAs = { displayName: 'Ana', agreementAccepted: true };

describe('MeetingClient phases', () => {
  it('shows the join form when the meeting is live, and "not started" when it is not', async () => {
    const live = start({ 'meeting:status': () => ok({ live: true }) });
    await settle();
    expect(live.store.getState().phase).toBe('ready');
    const closed = start({ 'meeting:status': () => ok({ live: false }) });
    await settle();
    expect(closed.store.getState().phase).toBe('notLive');
  });

  it('waits, then enters the room when admitted', async () => {
    const { socket, store, client } = start({
      'meeting:status': () => ok({ live: true }),
      'meeting:join': () => ok({ status: 'waiting', peerId: 'p_anaanaanaana', title: 'Check-in' }),
    });
    await settle();
    await client.join(joinAs);
    expect(store.getState()).toMatchObject({ phase: 'waiting', title: 'Check-in' });
    expect(socket.sent.find((s) => s.event === 'meeting:join')?.payload).toEqual({
      meetingId: 'a'.repeat(24),
      displayName: 'Ana',
      agreementAccepted: true,
    });
    socket.push('meeting:admitted', { room: snapshot() });
    await settle();
    const state = store.getState();
    expect(state.phase).toBe('room');
    expect(state.room?.order).toHaveLength(3);
  });

  it('ends on denial and removal with their own outcome', async () => {
    const { socket, store, client } = start({
      'meeting:status': () => ok({ live: true }),
      'meeting:join': () => ok({ status: 'waiting', peerId: 'p_anaanaanaana', title: 'T' }),
    });
    await settle();
    await client.join(joinAs);
    socket.push('meeting:denied');
    expect(store.getState()).toMatchObject({ phase: 'closed', outcome: 'denied' });
  });

  it('turns LOCKED and REMOVED into screens, and NOT_LIVE back into "not started"', async () => {
    for (const [code, expected] of [
      ['LOCKED', { phase: 'closed', outcome: 'locked' }],
      ['REMOVED', { phase: 'closed', outcome: 'removed' }],
      ['NOT_LIVE', { phase: 'notLive' }],
      ['AGREEMENT_REQUIRED', { phase: 'ready', joinError: 'AGREEMENT_REQUIRED' }],
    ] as const) {
      const { store, client } = start({
        'meeting:status': () => ok({ live: true }),
        'meeting:join': () => refuse(code),
      });
      await settle();
      await client.join(joinAs);
      expect(store.getState()).toMatchObject(expected);
    }
  });

  it('applies pushes to the room: people, hands, chat, settings', async () => {
    const { socket, store, client } = start({
      'meeting:status': () => ok({ live: true }),
      'meeting:join': () => ok({ status: 'admitted', room: snapshot() }),
    });
    await settle();
    await client.join(joinAs);
    socket.push('peer:left', { peerId: 'p_benbenbenben' });
    socket.push('hand:queue', { queue: ['p_anaanaanaana'] });
    socket.push('chat:message', {
      id: 'm1',
      fromPeerId: 'p_anaanaanaana',
      fromName: 'Ana',
      to: 'everyone',
      text: 'hi',
      sentAt: 1,
    });
    socket.push('meeting:settings', { ...snapshot().settings, locked: true });
    const room = store.getState().room;
    expect(room?.order).not.toContain('p_benbenbenben');
    expect(room?.handQueue).toEqual(['p_anaanaanaana']);
    expect(room?.chat.map((m) => m.text)).toEqual(['hi']);
    expect(room?.settings.locked).toBe(true);
  });

  it('keeps the microphone on when a media restart announces it without producers yet', async () => {
    const { socket, store, client } = start({
      'meeting:status': () => ok({ live: true }),
      'meeting:join': () => ok({ status: 'admitted', room: snapshot() }),
    });
    await settle();
    await client.join(joinAs);
    store.setState((s) => ({ local: { ...s.local, micOn: true } }));
    // After a worker restart the server announces everyone with their producers gone, just
    // before this client produces its microphone again (unpaused only if it is still on).
    socket.push('media:restart', { routerRtpCapabilities: snapshot().routerRtpCapabilities });
    socket.push('peer:updated', { ...snapshot().self, micOn: false });
    expect(store.getState().local.micOn).toBe(true);
    // A facilitator's mute is its own event, and turns it off.
    socket.push('meeting:mutedByFacilitator', { source: 'mic' });
    expect(store.getState().local.micOn).toBe(false);
  });

  it('shows "reconnecting" when the connection drops, and joins again on reconnect', async () => {
    const { socket, store, client } = start({
      'meeting:status': () => ok({ live: true }),
      'meeting:join': () => ok({ status: 'admitted', room: snapshot() }),
    });
    await settle();
    socket.connect(); // the first connection
    await client.join(joinAs);
    socket.drop();
    expect(store.getState().reconnecting).toBe(true);
    socket.connect();
    await settle();
    expect(socket.sent.filter((s) => s.event === 'meeting:join')).toHaveLength(2);
    expect(store.getState()).toMatchObject({ phase: 'room', reconnecting: false });
  });

  it('leaves on session:ended and meeting:ended, closing the socket', async () => {
    const { socket, store, client } = start({
      'meeting:status': () => ok({ live: true }),
      'meeting:join': () => ok({ status: 'admitted', room: snapshot() }),
    });
    await settle();
    await client.join(joinAs);
    socket.push('meeting:ended', { reason: 'ended-by-host' });
    expect(store.getState()).toMatchObject({
      phase: 'closed',
      outcome: 'ended',
      endReason: 'ended-by-host',
    });
    expect(socket.connected).toBe(false);
  });
});
