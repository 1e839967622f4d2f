import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import { consumeAnswer, meetingOf, placesIn, roomOfFour, splitInTwo } from './breakout-fixtures.ts';
import { closeSockets, must, next, recordEvents } from './helpers.ts';

/** Breakout rooms keep media and chat apart, on the server; facilitators visit any room. */

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterEach(() => closeSockets());
afterAll(async () => {
  await haven.close();
});

describe('breakout rooms kept apart', () => {
  it('keeps media inside each room on the server, even for a replayed producer id', async () => {
    const room = await roomOfFour(haven);
    const { meetingId, ana, ben, cleo, media } = room;
    const anaMic = await media.ana.produce('mic');
    const hostMic = await media.host.produce('mic');
    // Before the split Cleo hears Ana.
    const before = await media.cleo.consume(anaMic);
    const cleoClosed = next(cleo.socket, 'consumer:closed');
    const cleoLosesAna = next(cleo.socket, 'producer:closed', (p) => p.producerId === anaMic);
    const anaMoved = next(ana.socket, 'breakout:moved');
    await splitInTwo(room);
    expect((await cleoClosed).consumerId).toBe(before.params.consumerId);
    await cleoLosesAna;
    expect(meetingOf(haven, meetingId).media.consumersOf(cleo.peerId)).toEqual([]);
    // Ana's room offers Ana nothing of the main room (the host's microphone stays there).
    expect((await anaMoved).producers.map((p) => p.producerId)).not.toContain(hostMic);

    // Room 1 hears itself; room 2 cannot reach room 1, whatever id it sends.
    await expect(media.ben.consume(anaMic)).resolves.toBeTruthy();
    expect(await consumeAnswer(media.cleo, anaMic)).toBe('NOT_FOUND');
    expect(await consumeAnswer(media.ana, hostMic)).toBe('NOT_FOUND');

    // A producer started inside room 2 is announced in room 2 only.
    const anaEvents = recordEvents(ana.socket);
    const benHearsNothing = recordEvents(ben.socket);
    const cleoCamera = next(cleo.socket, 'peer:updated', (p) => p.cameraOn);
    const cleoCam = await media.cleo.produce('camera');
    await cleoCamera;
    expect(anaEvents).not.toContain('producer:new');
    expect(benHearsNothing).not.toContain('producer:new');
    expect(await consumeAnswer(media.ben, cleoCam)).toBe('NOT_FOUND');
  });

  it('lets a facilitator visit any room, hear it, and come back', async () => {
    const room = await roomOfFour(haven);
    const { host, hostRoom, cleo, media } = room;
    const anaMic = await media.ana.produce('mic');
    const cleoMic = await media.cleo.produce('mic');
    const hostMic = await media.host.produce('mic');
    await splitInTwo(room);
    const cleoSeesHost = next(cleo.socket, 'producer:new', (p) => p.producerId === hostMic);
    const visit = next(host, 'breakout:moved');
    await must(host, 'breakout:move', { peerId: hostRoom.self.peerId, room: 2 });
    expect((await visit).producers.map((p) => p.producerId)).toEqual([cleoMic]);
    await cleoSeesHost;
    await expect(media.host.consume(cleoMic)).resolves.toBeTruthy();
    await expect(media.cleo.consume(hostMic)).resolves.toBeTruthy();
    expect(await consumeAnswer(media.host, anaMic)).toBe('NOT_FOUND');
    // Back to the main room, and the visit's consumers are gone.
    const cleoLosesHost = next(cleo.socket, 'producer:closed', (p) => p.producerId === hostMic);
    await must(host, 'breakout:move', { peerId: hostRoom.self.peerId, room: null });
    await cleoLosesHost;
  });

  it('keeps chat inside each room, forgets it when the rooms close, and reaches every room with a broadcast', async () => {
    const room = await roomOfFour(haven);
    const { meetingId, host, ana, ben, cleo } = room;
    await splitInTwo(room);
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
    expect(Object.values(placesIn(haven, meetingId)).every((place) => place === null)).toBe(true);
    const host_ = meetingOf(haven, meetingId)
      .admitted()
      .find((p) => p.role === 'host');
    if (!host_) throw new Error('no host');
    expect(
      meetingOf(haven, meetingId)
        .chat.visibleTo(host_)
        .map((m) => m.text),
    ).toEqual([]);
  });
});
