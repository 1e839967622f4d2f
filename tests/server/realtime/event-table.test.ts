import { describe, expect, it } from 'vitest';
import type { HandlerTable } from '../../../server/realtime/handler.ts';
import { chatClientEvents } from '../../../shared/chat/events.ts';
import { meetingClientEvents } from '../../../shared/meetings/live/events.ts';
import type { MeetingClientSocket } from '../meetings/live/helpers.ts';

/**
 * The event tables are the protocol: these lines are checked by `tsc` (part of `npm test`).
 * Each @ts-expect-error must stay an error; if a change made a misspelt event, a wrong
 * payload or a wrong ack shape compile, tsc fails on the now-unused directive.
 */
type Contexts = { member: 'm'; peer: 'p'; admitted: 'a'; facilitator: 'f' };
type MeetingHandlers = HandlerTable<typeof meetingClientEvents, Contexts>;

// A handler's payload and context follow its event; its answer must match the ack schema.
const statusHandler: MeetingHandlers['meeting:status'] = async ({ meetingId }, ctx) => {
  const member: 'm' = ctx;
  void member;
  return { live: meetingId.length > 0, mayHost: false };
};
// @ts-expect-error the ack of meeting:status is { live: boolean }
const wrongAck: MeetingHandlers['meeting:status'] = () => ({ live: 'yes', mayHost: false });
// @ts-expect-error facilitator events get the facilitator context
const wrongContext: MeetingHandlers['meeting:lock'] = (_p, ctx: 'm') => ({ ctx });
// @ts-expect-error an event the table does not have has no handler type
type Misspelt = MeetingHandlers['meeting:admitt'];

function clientSide(socket: MeetingClientSocket) {
  // @ts-expect-error a client cannot emit an event the table does not have
  socket.emit('meeting:joinn', {}, () => {});
  // @ts-expect-error chat:send needs { text, to }
  socket.emit('chat:send', { message: 'hi' }, () => {});
  socket.emit('chat:send', { text: 'hi', to: 'everyone' }, (reply) => {
    // @ts-expect-error the ack data of chat:send has a messageId, not an id
    if (reply.ok) void reply.data.id;
  });
}

describe('the meeting event table', () => {
  it('declares an access level and schemas for every event', () => {
    for (const [event, spec] of Object.entries(meetingClientEvents)) {
      expect(event).toMatch(
        /^(meeting|hand|media|chat|agenda|attendance|help|round|breakout):[a-zA-Z]+$/,
      );
      expect(['member', 'peer', 'admitted', 'facilitator']).toContain(spec.access);
      expect(typeof spec.payload.safeParse).toBe('function');
      expect(typeof spec.ack.safeParse).toBe('function');
    }
    void [statusHandler, wrongAck, wrongContext, clientSide];
    const misspelt: Misspelt | undefined = undefined;
    expect(misspelt).toBeUndefined();
  });
});

describe('the group chat event table', () => {
  it('names every event chat:…, for members, with schemas that refuse operator-shaped input', () => {
    for (const [event, spec] of Object.entries(chatClientEvents)) {
      expect(event).toMatch(/^(chat|contact):[a-zA-Z]+$/);
      // Membership of a group is checked by the service on each call.
      expect(spec.access).toBe('member');
      expect(spec.payload.safeParse({ groupId: { $gt: '' } }).success, event).toBe(false);
    }
  });
});
