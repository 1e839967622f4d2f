import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import { FakePeer } from './fake-peer.ts';
import { call, closeSockets, must, next, recordEvents, roomWith } from './helpers.ts';

/** Breakout rooms keep media and chat apart, on the server; facilitators visit any room. */

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterEach(() => closeSockets());
afterAll(async () => {
  await haven.close();
});

const codeOf = (answer: { ok: boolean; error?: { code: string } }) =>
  answer.ok ? 'accepted' : answer.error?.code;

const meetingOf = (meetingId: string) => {
  const meeting = haven.haven.live.get(meetingId);
  if (!meeting) throw new Error('meeting not live');
  return meeting;
};

/** Where each named person is, as the server holds it. */
const placesIn = (meetingId: string) =>
  Object.fromEntries(
    meetingOf(meetingId)
      .admitted()
      .map((p) => [p.displayName, p.breakoutRoom]),
  );

/** Ana and Ben in room 1, Cleo in room 2, Fran (the host) in the main room. */
async function splitRoom() {
  const room = await roomWith(haven, ['Ana', 'Ben', 'Cleo']);
  const [ana, ben, cleo] = room.people as [
    (typeof room.people)[0],
    (typeof room.people)[0],
    (typeof room.people)[0],
  ];
  const media = {
    host: await FakePeer.connect(room.host, room.hostRoom.routerRtpCapabilities),
    ana: await FakePeer.connect(ana.socket, ana.room.routerRtpCapabilities),
    ben: await FakePeer.connect(ben.socket, ben.room.routerRtpCapabilities),
    cleo: await FakePeer.connect(cleo.socket, cleo.room.routerRtpCapabilities),
  };
  return { ...room, ana, ben, cleo, media };
}

const manual = (assignments: Array<{ peerId: string; room: number }>, minutes = 30) => ({
  rooms: 2,
  assign: 'manual' as const,
  assignments,
  minutes,
});

describe('breakout rooms kept apart', () => {
  it('keeps media inside each room on the server, even for a replayed producer id', async () => {
    const { meetingId, host, ana, ben, cleo, media } = await splitRoom();
    const anaMic = await media.ana.produce('mic');
    const hostMic = await media.host.produce('mic');
    // Before the split Cleo hears Ana.
    const before = await media.cleo.consume(anaMic);
    const cleoClosed = next(cleo.socket, 'consumer:closed');
    const cleoLosesAna = next(cleo.socket, 'producer:closed', (p) => p.producerId === anaMic);
    const anaMoved = next(ana.socket, 'breakout:moved');
    await must(
      host,
      'breakout:open',
      manual([
        { peerId: ana.peerId, room: 1 },
        { peerId: ben.peerId, room: 1 },
        { peerId: cleo.peerId, room: 2 },
      ]),
    );
    expect((await cleoClosed).consumerId).toBe(before.params.consumerId);
    await cleoLosesAna;
    expect(meetingOf(meetingId).media.consumersOf(cleo.peerId)).toEqual([]);
    // Ana's room offers Ana nothing of the main room (the host's microphone stays there).
    expect((await anaMoved).producers.map((p) => p.producerId)).not.toContain(hostMic);

    // Room 1 hears itself; room 2 cannot reach room 1, whatever id it sends.
    await expect(media.ben.consume(anaMic)).resolves.toBeTruthy();
    expect(
      codeOf(
        await call(cleo.socket, 'media:consume', {
          producerId: anaMic,
          rtpCapabilities: media.cleo.device.rtpCapabilities as never,
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(
        await call(ana.socket, 'media:consume', {
          producerId: hostMic,
          rtpCapabilities: media.ana.device.rtpCapabilities as never,
        }),
      ),
    ).toBe('NOT_FOUND');

    // A producer started inside room 2 is announced in room 2 only.
    const anaEvents = recordEvents(ana.socket);
    const benHearsNothing = recordEvents(ben.socket);
    const cleoCamera = next(cleo.socket, 'peer:updated', (p) => p.cameraOn);
    const cleoCam = await media.cleo.produce('camera');
    await cleoCamera;
    expect(anaEvents).not.toContain('producer:new');
    expect(benHearsNothing).not.toContain('producer:new');
    expect(
      codeOf(
        await call(ben.socket, 'media:consume', {
          producerId: cleoCam,
          rtpCapabilities: media.ben.device.rtpCapabilities as never,
        }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('lets a facilitator visit any room, hear it, and come back', async () => {
    const { host, hostRoom, ana, cleo, ben, media } = await splitRoom();
    const anaMic = await media.ana.produce('mic');
    const cleoMic = await media.cleo.produce('mic');
    const hostMic = await media.host.produce('mic');
    await must(
      host,
      'breakout:open',
      manual([
        { peerId: ana.peerId, room: 1 },
        { peerId: ben.peerId, room: 1 },
        { peerId: cleo.peerId, room: 2 },
      ]),
    );
    const cleoSeesHost = next(cleo.socket, 'producer:new', (p) => p.producerId === hostMic);
    const visit = next(host, 'breakout:moved');
    await must(host, 'breakout:move', { peerId: hostRoom.self.peerId, room: 2 });
    expect((await visit).producers.map((p) => p.producerId)).toEqual([cleoMic]);
    await cleoSeesHost;
    await expect(media.host.consume(cleoMic)).resolves.toBeTruthy();
    await expect(media.cleo.consume(hostMic)).resolves.toBeTruthy();
    expect(
      codeOf(
        await call(host, 'media:consume', {
          producerId: anaMic,
          rtpCapabilities: media.host.device.rtpCapabilities as never,
        }),
      ),
    ).toBe('NOT_FOUND');
    // Back to the main room, and the visit's consumers are gone.
    const cleoLosesHost = next(cleo.socket, 'producer:closed', (p) => p.producerId === hostMic);
    await must(host, 'breakout:move', { peerId: hostRoom.self.peerId, room: null });
    await cleoLosesHost;
  });

  it('keeps chat inside each room, forgets it when the rooms close, and reaches every room with a broadcast', async () => {
    const { meetingId, host, ana, ben, cleo } = await splitRoom();
    await must(
      host,
      'breakout:open',
      manual([
        { peerId: ana.peerId, room: 1 },
        { peerId: ben.peerId, room: 1 },
        { peerId: cleo.peerId, room: 2 },
      ]),
    );
    const cleoEvents = recordEvents(cleo.socket);
    const hostEvents = recordEvents(host);
    const benReads = next(ben.socket, 'chat:message');
    await must(ana.socket, 'chat:send', { text: 'Room one only', to: 'everyone' });
    expect(await benReads).toMatchObject({ text: 'Room one only', breakoutRoom: 1 });
    // Cleo's own line travels after Ana's: once Cleo has it, Ana's would have come first.
    const cleoOwn = next(cleo.socket, 'chat:message');
    await must(cleo.socket, 'chat:send', { text: 'Room two here', to: 'everyone' });
    await cleoOwn;
    expect(cleoEvents.filter((e) => e === 'chat:message')).toHaveLength(1);
    expect(hostEvents).not.toContain('chat:message');

    const broadcastSeen = [ana, cleo].map((p) => next(p.socket, 'breakout:message'));
    await must(host, 'breakout:broadcast', { text: 'Five minutes left' });
    for (const seen of broadcastSeen)
      expect(await seen).toMatchObject({ text: 'Five minutes left' });

    const back = next(ana.socket, 'breakout:moved', (m) => m.room === null);
    expect(await must(host, 'breakout:close')).toMatchObject({ open: false, rooms: 0 });
    const returned = await back;
    expect(returned.chat.map((m) => m.text)).not.toContain('Room one only');
    expect(Object.values(placesIn(meetingId)).every((place) => place === null)).toBe(true);
    const host_ = meetingOf(meetingId)
      .admitted()
      .find((p) => p.role === 'host');
    if (!host_) throw new Error('no host');
    expect(
      meetingOf(meetingId)
        .chat.visibleTo(host_)
        .map((m) => m.text),
    ).toEqual([]);
  });
});
