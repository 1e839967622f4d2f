import type { TestHaven } from '../../../helpers/haven.ts';
import { FakePeer } from './fake-peer.ts';
import { call, must, roomWith } from './helpers.ts';

/** What the breakout tests (breakouts, breakout-isolation) share. */

export const codeOf = (answer: { ok: boolean; error?: { code: string } }) =>
  answer.ok ? 'accepted' : answer.error?.code;

export const meetingOf = (haven: TestHaven, meetingId: string) => {
  const meeting = haven.haven.live.get(meetingId);
  if (!meeting) throw new Error('meeting not live');
  return meeting;
};

/** Where each named person is, as the server holds it. */
export const placesIn = (haven: TestHaven, meetingId: string) =>
  Object.fromEntries(
    meetingOf(haven, meetingId)
      .admitted()
      .map((p) => [p.displayName, p.breakoutRoom]),
  );

/** A meeting with Fran (the host), Ana, Ben and Cleo, each with media ready to send. */
export async function roomOfFour(haven: TestHaven) {
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

/** Two rooms for 30 minutes (unless said), with these people placed by hand. */
export const manual = (assignments: Array<{ peerId: string; room: number }>, minutes = 30) => ({
  rooms: 2,
  assign: 'manual' as const,
  assignments,
  minutes,
});

/** What the server answers `peer` asking to consume `producerId`: 'accepted' or a code. */
export async function consumeAnswer(peer: FakePeer, producerId: string) {
  return codeOf(
    await call(peer.socket, 'media:consume', {
      producerId,
      rtpCapabilities: peer.device.rtpCapabilities as never,
    }),
  );
}

/** Opens two rooms: Ana and Ben in room 1, Cleo in room 2, the host in the main room. */
export async function splitInTwo(room: Awaited<ReturnType<typeof roomOfFour>>) {
  return must(
    room.host,
    'breakout:open',
    manual([
      { peerId: room.ana.peerId, room: 1 },
      { peerId: room.ben.peerId, room: 1 },
      { peerId: room.cleo.peerId, room: 2 },
    ]),
  );
}
