import type { z } from 'zod';
import type { Ack } from '../protocol.ts';

/**
 * How a namespace's protocol is written down once: a table of client-to-server events
 * (payload schema, ack data schema, who may call it) and a table of server-to-client events
 * (payload schema). The server's handler types and the client's emit types are both derived
 * from these tables, so a misspelt event, a wrong payload or a wrong ack shape does not
 * compile on either side.
 */

/**
 * Who may send an event. The server checks it before the handler runs, on every node:
 * - `member`: any signed-in member (the namespace refuses guests at the handshake);
 * - `peer`: a member who has joined the meeting, waiting or admitted;
 * - `admitted`: a peer a facilitator let in (or a host);
 * - `facilitator`: the meeting's host or a co-facilitator.
 */
export type Access = 'member' | 'peer' | 'admitted' | 'facilitator';

export interface ClientEventSpec<P extends z.ZodType = z.ZodType, A extends z.ZodType = z.ZodType> {
  payload: P;
  ack: A;
  access: Access;
  /** Rate-limit points this event costs (default 1); media set-up is cheap, chat is not. */
  cost?: number;
}

export type ClientEventTable = Record<string, ClientEventSpec>;
export type ServerEventTable = Record<string, z.ZodType>;

/** Keeps the literal keys and schemas of a table while checking its shape. */
export const defineClientEvents = <T extends ClientEventTable>(table: T): T => table;
export const defineServerEvents = <T extends ServerEventTable>(table: T): T => table;

export type AckOf<T extends ClientEventTable, K extends keyof T> = z.output<T[K]['ack']>;
export type PayloadOf<T extends ClientEventTable, K extends keyof T> = z.output<T[K]['payload']>;
export type AckCallback<D> = (reply: Ack<D>) => void;

/** Socket.IO's ClientToServerEvents for a table: events without payload take the ack only. */
export type ClientToServerEventsOf<T extends ClientEventTable> = {
  [K in keyof T & string]: z.input<T[K]['payload']> extends undefined
    ? (ack: AckCallback<AckOf<T, K>>) => void
    : (payload: z.input<T[K]['payload']>, ack: AckCallback<AckOf<T, K>>) => void;
};

/** Socket.IO's ServerToClientEvents for a table. */
export type ServerToClientEventsOf<T extends ServerEventTable> = {
  [K in keyof T & string]: (payload: z.output<T[K]>) => void;
};
