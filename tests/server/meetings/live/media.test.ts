import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signUpAs } from '../../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import { isProcessAlive } from '../../../sfu/helpers.ts';
import { FakePeer } from './fake-peer.ts';
import {
  call,
  closeSockets,
  joinAs,
  type MeetingClientSocket,
  meetingInProgress,
  must,
  next,
  openMeetingSocket,
} from './helpers.ts';

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterEach(() => closeSockets());
afterAll(async () => {
  await haven.close();
});

/** A meeting with its host and one admitted participant, both with transports. */
async function roomWithTwo() {
  const { facilitator, meetingId } = await meetingInProgress(haven);
  const hostSocket = await openMeetingSocket(haven, facilitator.client);
  const opened = await must(hostSocket, 'meeting:join', joinAs('Fran', meetingId));
  if (opened.status !== 'admitted') throw new Error('host not admitted');
  await must(hostSocket, 'meeting:updateSettings', { autoAdmit: true });
  const member = await signUpAs(haven, ['participant'], { displayName: 'Robin' });
  const guestSocket = await openMeetingSocket(haven, member.client);
  const joined = await must(guestSocket, 'meeting:join', joinAs('Robin', meetingId));
  if (joined.status !== 'admitted') throw new Error('participant not admitted');
  const host = await FakePeer.connect(hostSocket, opened.room.routerRtpCapabilities);
  const guest = await FakePeer.connect(guestSocket, joined.room.routerRtpCapabilities);
  return {
    meetingId,
    host,
    guest,
    hostPeerId: opened.room.self.peerId,
    guestPeerId: joined.room.self.peerId,
    member,
  };
}

const meetingOf = (meetingId: string) => {
  const meeting = haven.haven.live.get(meetingId);
  if (!meeting) throw new Error('meeting not live');
  return meeting;
};

function expectRefused(answer: { ok: boolean; error?: { code: string } }, code: string) {
  expect(answer).toMatchObject({ ok: false, error: { code } });
}

describe('media in a live meeting', () => {
  it('forwards each producer to the others: announced, consumed paused, then resumed', async () => {
    const { host, guest, hostPeerId } = await roomWithTwo();
    const announced = next(guest.socket, 'producer:new', (p) => p.source === 'camera');
    const cameraId = await host.produce('camera');
    expect(await announced).toMatchObject({
      producerId: cameraId,
      peerId: hostPeerId,
      kind: 'video',
    });
    const { params, consumer } = await guest.consume(cameraId);
    expect(params).toMatchObject({ producerId: cameraId, peerId: hostPeerId, source: 'camera' });
    expect(consumer.kind).toBe('video');
    // Three simulcast layers; the client picks one for its tile size.
    expect(
      await must(guest.socket, 'media:setPreferredLayers', {
        consumerId: params.consumerId,
        spatialLayer: 0,
      }),
    ).toEqual({});
  });

  it('keeps each peer to one producer per source and screen sharing to facilitators', async () => {
    const { host, guest } = await roomWithTwo();
    await guest.produce('mic');
    await expect(guest.produce('mic')).rejects.toThrow(/CONFLICT/);
    await expect(guest.produce('screen')).rejects.toThrow(/FORBIDDEN/);
    await expect(host.produce('screen')).resolves.toEqual(expect.any(String));
  });

  it('pauses a muted participant on the server, who may not unmute when the meeting says so', async () => {
    const { meetingId, host, guest, guestPeerId } = await roomWithTwo();
    await must(host.socket, 'meeting:updateSettings', { participantsMayUnmute: false });
    const micId = await guest.produce('mic');
    const told = next(guest.socket, 'meeting:mutedByFacilitator');
    await must(host.socket, 'meeting:mute', { peerId: guestPeerId });
    expect(await told).toEqual({ source: 'mic' });
    const serverMic = () => meetingOf(meetingId).media.producerOf(guestPeerId, 'mic');
    expect(serverMic()?.paused).toBe(true);
    expectRefused(
      await call(guest.socket, 'media:resumeProducer', { producerId: micId }),
      'FORBIDDEN',
    );
    expect(serverMic()?.paused).toBe(true);
    await must(host.socket, 'meeting:updateSettings', { participantsMayUnmute: true });
    await must(guest.socket, 'media:resumeProducer', { producerId: micId });
    expect(serverMic()?.paused).toBe(false);
  });

  it('stops a participant video on the server and tells everyone', async () => {
    const { meetingId, host, guest, guestPeerId } = await roomWithTwo();
    const cameraId = await guest.produce('camera');
    const closed = next(host.socket, 'producer:closed');
    await must(host.socket, 'meeting:stopVideo', { peerId: guestPeerId });
    expect(await closed).toEqual({ producerId: cameraId, peerId: guestPeerId });
    expect(meetingOf(meetingId).media.producerOf(guestPeerId, 'camera')).toBeUndefined();
  });

  it('gives an audio-only participant no video: existing consumers closed, new ones refused', async () => {
    const { host, guest } = await roomWithTwo();
    const cameraId = await host.produce('camera');
    const micId = await host.produce('mic');
    const { params } = await guest.consume(cameraId);
    const closed = next(guest.socket, 'consumer:closed');
    await must(guest.socket, 'media:setAudioOnly', { audioOnly: true });
    expect(await closed).toEqual({ consumerId: params.consumerId });
    expectRefused(
      await call(guest.socket, 'media:consume', {
        producerId: cameraId,
        rtpCapabilities: guest.device.rtpCapabilities as never,
      }),
      'INVALID_TRANSITION',
    );
    await expect(guest.consume(micId)).resolves.toBeDefined();
  });

  it('finds nothing when a peer replays another peer’s real transport, producer or consumer ids', async () => {
    const { meetingId, host, guest, hostPeerId } = await roomWithTwo();
    const micId = await host.produce('mic');
    const cameraId = await guest.produce('camera');
    const { params } = await host.consume(cameraId);
    const hostSend = host.send?.id ?? '';
    for (const [event, payload] of [
      ['media:pauseProducer', { producerId: micId }],
      ['media:closeProducer', { producerId: micId }],
      ['media:resumeConsumer', { consumerId: params.consumerId }],
      [
        'media:connectTransport',
        {
          transportId: hostSend,
          dtlsParameters: guest.device.rtpCapabilities && {
            fingerprints: [{ algorithm: 'sha-256', value: Array(32).fill('AB').join(':') }],
          },
        },
      ],
    ] as const) {
      expectRefused(
        await call(guest.socket, event as 'media:pauseProducer', payload as never),
        'NOT_FOUND',
      );
    }
    const produced = await call(guest.socket, 'media:produce', {
      transportId: hostSend,
      kind: 'audio',
      rtpParameters: {
        codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }],
        encodings: [{ ssrc: 1111 }],
      },
      source: 'mic',
    });
    expectRefused(produced, 'NOT_FOUND');
    const hostMic = meetingOf(meetingId).media.producerOf(hostPeerId, 'mic');
    expect(hostMic).toMatchObject({ producerId: micId, paused: false });
  });

  it('refuses a waiting or removed peer every media request, even with real ids', async () => {
    const { meetingId, host, guest, guestPeerId, member } = await roomWithTwo();
    const micId = await host.produce('mic');
    const guestSend = guest.send?.id ?? '';
    await must(host.socket, 'meeting:updateSettings', { autoAdmit: false });
    // A second member, waiting.
    const waiter = await openMeetingSocket(haven, (await signUpAs(haven)).client);
    await must(waiter, 'meeting:join', joinAs('Wren', meetingId));
    const removed = next(guest.socket, 'meeting:removed');
    await must(host.socket, 'meeting:remove', { peerId: guestPeerId });
    await removed;
    for (const socket of [waiter, guest.socket] as MeetingClientSocket[]) {
      expectRefused(
        await call(socket, 'media:createTransport', { direction: 'recv' }),
        'NOT_ADMITTED',
      );
      expectRefused(
        await call(socket, 'media:consume', {
          producerId: micId,
          rtpCapabilities: guest.device.rtpCapabilities as never,
        }),
        'NOT_ADMITTED',
      );
      expectRefused(
        await call(socket, 'media:pauseProducer', { producerId: micId }),
        'NOT_ADMITTED',
      );
      expectRefused(
        await call(socket, 'media:connectTransport', {
          transportId: guestSend,
          dtlsParameters: {
            fingerprints: [{ algorithm: 'sha-256', value: Array(32).fill('AB').join(':') }],
          },
        }),
        'NOT_ADMITTED',
      );
      expectRefused(
        await call(socket, 'chat:send', { text: 'hello?', to: 'everyone' }),
        'NOT_ADMITTED',
      );
    }
    expect(meetingOf(meetingId).media.hasPeer(guestPeerId)).toBe(false);
    void member;
  });
});

describe('bad media payloads', () => {
  it('answers INVALID_PAYLOAD, changes nothing and leaves the worker alive', async () => {
    const { meetingId, guest } = await roomWithTwo();
    const pid = meetingOf(meetingId).media.workerPid ?? 0;
    const transportId = guest.send?.id ?? '';
    const before = meetingOf(meetingId).media.producers().length;
    const opus = { mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 };
    const bad: Array<[string, unknown]> = [
      ['media:connectTransport', { transportId, dtlsParameters: { fingerprints: [] } }],
      ['media:connectTransport', { transportId }],
      ['media:connectTransport', { transportId: 42, dtlsParameters: { fingerprints: 'x' } }],
      [
        'media:produce',
        {
          transportId,
          kind: 'video',
          source: 'camera',
          rtpParameters: { codecs: [{ ...opus, mimeType: 'video/AV1', clockRate: 90000 }] },
        },
      ],
      [
        'media:produce',
        {
          transportId,
          kind: 'audio',
          source: 'mic',
          rtpParameters: {
            codecs: [opus],
            encodings: Array.from({ length: 1000 }, (_, i) => ({ ssrc: i + 1 })),
          },
        },
      ],
      [
        'media:produce',
        { transportId, kind: 'audio', source: 'mic', rtpParameters: { codecs: [] } },
      ],
      [
        'media:produce',
        { transportId, kind: 'smell', source: 'mic', rtpParameters: { codecs: [opus] } },
      ],
      ['media:consume', { producerId: 'not-a-uuid', rtpCapabilities: {} }],
      ['media:createTransport', { direction: 'sideways' }],
      ['meeting:rename', { peerId: 'p_xxxxxxxxxxxx', displayName: 'x'.repeat(500) }],
      ['chat:send', { text: 'x'.repeat(1001), to: 'everyone' }],
      ['chat:send', { text: 'hi', to: 'the-moon' }],
    ];
    for (const [event, payload] of bad) {
      const answer = await call(guest.socket, event as 'chat:send', payload as never);
      expect(answer, event).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    }
    // A payload that passes the schema but that mediasoup refuses is still the client's fault.
    const refused = await call(guest.socket, 'media:produce', {
      transportId,
      kind: 'audio',
      source: 'mic',
      rtpParameters: { codecs: [{ ...opus, clockRate: 8000 }], encodings: [{ ssrc: 1 }] },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(meetingOf(meetingId).media.producers().length).toBe(before);
    expect(isProcessAlive(pid)).toBe(true);
    expect(haven.sfu.stats().alive).toBe(1);
  });
});

describe('a worker that dies mid-meeting', () => {
  it('moves the meeting to a live worker and lets clients rebuild their media within 10 seconds', async () => {
    const { meetingId, host, guest, hostPeerId } = await roomWithTwo();
    await host.produce('mic');
    const pid = meetingOf(meetingId).media.workerPid ?? 0;
    const started = Date.now();
    const restarts = [next(host.socket, 'media:restart'), next(guest.socket, 'media:restart')];
    process.kill(pid, 'SIGKILL');
    const [hostRestart] = await Promise.all(restarts);
    // Each client drops its transports and builds them again on the new router.
    host.close();
    guest.close();
    const rebuiltHost = await FakePeer.connect(
      host.socket,
      hostRestart?.routerRtpCapabilities ?? {},
    );
    const rebuiltGuest = await FakePeer.connect(
      guest.socket,
      hostRestart?.routerRtpCapabilities ?? {},
    );
    const announced = next(guest.socket, 'producer:new', (p) => p.peerId === hostPeerId);
    const micId = await rebuiltHost.produce('mic');
    await announced;
    await rebuiltGuest.consume(micId);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(meetingOf(meetingId).media.workerPid).not.toBe(pid);
  });
});

describe('where media listens', () => {
  it('puts every transport of a worker on its one WebRtcServer port, one per direction per peer', async () => {
    const { host, guest } = await roomWithTwo();
    const udpPorts = new Set(
      [host, guest]
        .flatMap((peer) => peer.transportOptions)
        .flatMap((options) => options.iceCandidates)
        .filter((candidate) => candidate.protocol === 'udp')
        .map((candidate) => candidate.port),
    );
    expect(udpPorts.size).toBe(1);
    const again = await call(guest.socket, 'media:createTransport', { direction: 'recv' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
