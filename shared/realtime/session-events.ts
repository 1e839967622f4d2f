import { z } from 'zod';
import {
  type ClientToServerEventsOf,
  defineClientEvents,
  defineServerEvents,
  type ServerToClientEventsOf,
} from './event-table.ts';

/** Events every namespace speaks, besides its own. */
export const sessionClientEvents = defineClientEvents({
  'session:ping': {
    payload: z.undefined(),
    ack: z.object({ serverTime: z.number(), userId: z.string().nullable() }),
    access: 'member',
  },
});

export const sessionServerEvents = defineServerEvents({
  /** This node is stopping: reconnect (to it or another) after the delay. */
  'server:shutdown': z.object({ reconnectInMs: z.number() }),
  /** The member's session expired or was revoked; the socket closes right after. */
  'session:ended': z.object({ reason: z.enum(['expired', 'signed-out']) }),
});

export type SessionClientToServer = ClientToServerEventsOf<typeof sessionClientEvents>;
export type SessionServerToClient = ServerToClientEventsOf<typeof sessionServerEvents>;
