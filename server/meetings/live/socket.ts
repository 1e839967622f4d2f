import { meetingClientEvents } from '../../../shared/meetings/live/events.ts';
import type { Access } from '../../../shared/realtime/event-table.ts';
import type { RequestUser } from '../../infra/api/routes.ts';
import { AppError } from '../../infra/errors.ts';
import type { Logger } from '../../infra/logger.ts';
import type { Metrics } from '../../infra/metrics.ts';
import { bindHandlers, type HandlerTable } from '../../realtime/handler.ts';
import { type MeetingSocket, memberOf, type SocketServer } from '../../realtime/socket-server.ts';
import { attendedMinutes, meetingLocalDate, type SlipSigner } from '../attendance-slips/index.ts';
import * as media from './live-media.ts';
import type { LiveMeeting } from './live-meeting.ts';
import { isFacilitator, type LivePeer } from './live-peer.ts';
import type { LiveMeetings } from './registry.ts';
import { pauseEverything, refuseWhilePaused, resumeEverything } from './safety.ts';

/** What each access level hands its handlers. */
interface MemberContext {
  socket: MeetingSocket;
  user: RequestUser;
}
interface PeerContext extends MemberContext {
  meeting: LiveMeeting;
  peer: LivePeer;
}
type MeetingContexts = {
  member: MemberContext;
  peer: PeerContext;
  admitted: PeerContext;
  facilitator: PeerContext;
};

/**
 * The `/meeting` namespace: every event of the table bound through the one wrapper, with
 * an `authorize` that finds the caller's peer on this node and checks the access level on
 * every request. A socket that has not joined, is waiting, was denied or removed has no
 * admitted peer here, so it can reach no media and learn nothing of the room.
 */
export function bindLiveMeetingSockets(
  sockets: SocketServer,
  live: LiveMeetings,
  deps: { logger: Logger; metrics: Metrics; attendanceSlips: SlipSigner },
): void {
  sockets.meeting.on('connection', (socket: MeetingSocket) => {
    const authorize = <A extends Access>(access: A): MeetingContexts[A] => {
      const user = memberOf(socket);
      if (access === 'member') return { socket, user } as MeetingContexts[A];
      const where = socket.data.live;
      const meeting = where ? live.get(where.meetingId) : undefined;
      const peer = where && meeting ? meeting.peerOn(socket, where.peerId) : undefined;
      if (!meeting || !peer) throw new AppError('NOT_ADMITTED', 'join the meeting first');
      if (access !== 'peer' && peer.state !== 'admitted')
        throw new AppError('NOT_ADMITTED', 'wait for a facilitator to let you in');
      if (access === 'facilitator' && !isFacilitator(peer))
        throw new AppError('FORBIDDEN', 'only facilitators may do this');
      return { socket, user, meeting, peer } as MeetingContexts[A];
    };
    bindHandlers(socket.on.bind(socket) as never, {
      namespace: sockets.meeting.name,
      table: meetingClientEvents,
      handlers: liveMeetingHandlers(live, deps.attendanceSlips),
      authorize,
      limiter: sockets.limiter,
      socketId: socket.id,
      logger: deps.logger,
      metrics: deps.metrics,
    });
    socket.once('disconnect', () => {
      const where = socket.data.live;
      const meeting = where ? live.get(where.meetingId) : undefined;
      const peer = where && meeting?.peerOn(socket, where.peerId);
      if (meeting && peer) meeting.disconnected(peer);
    });
  });
}

const ok = {};

function liveMeetingHandlers(
  live: LiveMeetings,
  slips: SlipSigner,
): HandlerTable<typeof meetingClientEvents, MeetingContexts> {
  const attended = (meeting: LiveMeeting, peer: LivePeer) =>
    attendedMinutes(meeting.attendedMs(peer.userId));
  return {
    'meeting:status': async ({ meetingId }, { user }) => ({
      live: await live.isLive(meetingId),
      mayHost: await live.directory.hosts(user, meetingId),
    }),
    'meeting:join': async (request, { socket, user }) => {
      if (!request.agreementAccepted)
        throw new AppError('AGREEMENT_REQUIRED', 'accept the confidentiality agreement first');
      // One meeting per connection: joining another leaves the first.
      const where = socket.data.live;
      const previous = where ? live.get(where.meetingId) : undefined;
      const previousPeer = where && previous?.peerOn(socket, where.peerId);
      if (previous && previousPeer) previous.leave(previousPeer);
      const admission = await live.directory.admissionFor(
        user,
        request.meetingId,
        request.eligibilityConfirmed === true,
      );
      const meeting = admission.mayHost
        ? await live.open(request.meetingId, admission)
        : live.get(request.meetingId);
      if (!meeting) {
        throw (await live.isLive(request.meetingId))
          ? new AppError('UNAVAILABLE', 'this meeting is hosted on another Haven node')
          : new AppError('NOT_LIVE', 'the host has not opened this meeting yet');
      }
      const peer = meeting.join(socket, user.id, {
        displayName: request.displayName,
        mayHost: admission.mayHost,
        observer: request.observer === true,
      });
      return peer.state === 'admitted'
        ? { status: 'admitted' as const, room: meeting.snapshot(peer) }
        : { status: 'waiting' as const, peerId: peer.peerId, title: meeting.title };
    },
    'agenda:start': (_p, { meeting }) => meeting.agenda.start(),
    'agenda:next': (_p, { meeting }) => meeting.agenda.next(),
    'agenda:back': (_p, { meeting }) => meeting.agenda.back(),
    'agenda:extend': ({ minutes }, { meeting }) => meeting.agenda.extend(minutes),
    'round:start': (request, { meeting }) => meeting.round.start(request),
    'round:next': (_p, { meeting }) => meeting.round.next(),
    'round:end': (_p, { meeting }) => meeting.round.end(),
    'round:skip': (_p, { meeting }) => meeting.round.skip(),
    'round:pass': (_p, { meeting, peer }) => meeting.round.pass(peer),
    'breakout:open': (request, { meeting }) => meeting.breakouts.open(request),
    'breakout:move': ({ peerId, room }, { meeting }) => {
      meeting.breakouts.move(peerId, room);
      return ok;
    },
    'breakout:broadcast': ({ text }, { meeting }) => {
      meeting.breakouts.broadcast(text);
      return ok;
    },
    'breakout:close': (_p, { meeting }) => meeting.breakouts.close(),
    'help:send': (payload, { meeting, peer }) => ({
      alertId: meeting.help.send(peer, payload?.text),
    }),
    'help:acknowledge': ({ alertId }, { meeting }) => {
      meeting.help.acknowledge(alertId);
      return ok;
    },
    'attendance:status': (_p, { meeting, peer }) => ({
      attendedMinutes: attended(meeting, peer),
      minMinutes: slips.minMinutes,
    }),
    // The name and the slip go back to the asker and nowhere else: not logged, not stored.
    'attendance:requestSlip': ({ name }, { meeting, peer }) => ({
      slip: slips.issue({
        meetingTitle: meeting.title,
        meetingType: meeting.info.type,
        date: meetingLocalDate(meeting.openedAt, meeting.info.timeZone),
        minutes: attended(meeting, peer),
        name,
      }),
    }),
    'meeting:rate': async (rating, { user }) => {
      await live.rate(user.id, rating);
      return ok;
    },
    'meeting:leave': (_p, { meeting, peer }) => {
      meeting.leave(peer);
      return ok;
    },
    'meeting:admit': ({ peerId }, { meeting }) => {
      meeting.admit(peerId);
      return ok;
    },
    'meeting:deny': ({ peerId }, { meeting }) => {
      meeting.deny(peerId);
      return ok;
    },
    'meeting:admitAll': (_p, { meeting }) => ({ admitted: meeting.admitAll() }),
    'meeting:remove': ({ peerId }, { meeting, peer }) => {
      meeting.remove(peer, peerId);
      return ok;
    },
    'meeting:mute': async ({ peerId }, { meeting }) => {
      await media.mutePeer(meeting, peerId);
      return ok;
    },
    'meeting:stopVideo': ({ peerId }, { meeting }) => {
      media.stopVideo(meeting, peerId);
      return ok;
    },
    'meeting:rename': ({ peerId, displayName }, { meeting }) => {
      meeting.rename(peerId, displayName);
      return ok;
    },
    'meeting:lock': (_p, { meeting }) => {
      meeting.setLocked(true);
      return ok;
    },
    'meeting:unlock': (_p, { meeting }) => {
      meeting.setLocked(false);
      return ok;
    },
    'meeting:allowParticipation': ({ peerId }, { meeting }) => {
      media.allowParticipation(meeting, peerId);
      return ok;
    },
    'meeting:pause': (_p, { meeting }) => pauseEverything(meeting),
    'meeting:resume': (_p, { meeting }) => {
      resumeEverything(meeting);
      return ok;
    },
    'meeting:muteAll': async (_p, { meeting, peer }) => ({
      muted: await media.muteAll(meeting, peer),
    }),
    'meeting:lowerAllHands': (_p, { meeting }) => {
      meeting.hands.lowerAll();
      return ok;
    },
    'meeting:spotlight': ({ peerId }, { meeting }) => {
      meeting.spotlight(peerId);
      return ok;
    },
    'meeting:promote': ({ peerId }, { meeting }) => {
      meeting.promote(peerId);
      return ok;
    },
    'meeting:demote': ({ peerId }, { meeting, peer }) => {
      meeting.demote(peer, peerId);
      return ok;
    },
    'meeting:updateSettings': (patch, { meeting }) =>
      meeting.updateSettings(withoutUndefined(patch)),
    'meeting:end': (_p, { meeting }) => {
      meeting.end('ended-by-host');
      return ok;
    },
    'hand:raise': (_p, { meeting, peer }) => {
      meeting.hands.raise(peer);
      return ok;
    },
    'hand:lower': (payload, { meeting, peer }) => {
      meeting.hands.lower(peer, payload?.peerId);
      return ok;
    },
    'media:createTransport': ({ direction }, { meeting, peer }) =>
      meeting.media.createWebRtcTransport(peer.peerId, direction),
    'media:connectTransport': async ({ transportId, dtlsParameters }, { meeting, peer }) => {
      await meeting.media.connectTransport(peer.peerId, transportId, dtlsParameters);
      return ok;
    },
    'media:produce': async (request, { meeting, peer }) => ({
      producerId: await media.produce(meeting, peer, request),
    }),
    'media:closeProducer': ({ producerId }, { meeting, peer }) => {
      media.closeProducer(meeting, peer, producerId);
      return ok;
    },
    'media:pauseProducer': async ({ producerId }, { meeting, peer }) => {
      await media.setProducerPaused(meeting, peer, producerId, true);
      return ok;
    },
    'media:resumeProducer': async ({ producerId }, { meeting, peer }) => {
      await media.setProducerPaused(meeting, peer, producerId, false);
      return ok;
    },
    'media:consume': (request, { meeting, peer }) => media.consume(meeting, peer, request),
    'media:resumeConsumer': async ({ consumerId }, { meeting, peer }) => {
      await meeting.media.resumeConsumer(peer.peerId, consumerId);
      return ok;
    },
    'media:setPreferredLayers': async (request, { meeting, peer }) => {
      await meeting.media.setPreferredLayers(peer.peerId, request.consumerId, request);
      return ok;
    },
    'media:setAudioOnly': ({ audioOnly }, { meeting, peer }) => {
      media.setAudioOnly(meeting, peer, audioOnly);
      return ok;
    },
    'chat:send': ({ text, to }, { meeting, peer }) => {
      refuseWhilePaused(meeting, peer);
      return { messageId: meeting.chat.send(peer, text, to) };
    },
    'chat:delete': ({ messageId }, { meeting }) => {
      meeting.chat.deleteForAll(messageId);
      return ok;
    },
  };
}

function withoutUndefined<T extends object>(
  patch: T,
): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as never;
}
