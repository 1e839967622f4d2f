// The bare baseline of bench:chat: one plain Socket.IO 4.8 server with @socket.io/redis-adapter
// on the same Redis as Haven, in a process of its own (the bench starts two, as it starts two
// Haven nodes). No session, no validation, no limit, no storage: every socket joins one room
// on connecting, and a `chat:send` is answered and broadcast to the room at once. The line it
// broadcasts has the shape and size of Haven's ChatMessage (same namespace, same event name,
// same fields), so both sides put the same bytes on the same number of sockets, and the
// difference is Haven's own work.
//
// Spoken to over Node's IPC channel (../data/haven-process.ts): greets with {url, pid} once
// listening; "gc" collects garbage; ends when the channel closes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';

const send = (value: unknown) => process.send?.(value);
if (!process.send) throw new Error('bare-server.ts runs under bench:chat (an IPC channel)');
const redisUrl = process.env.BENCH_CHAT_REDIS;
const key = process.env.BENCH_CHAT_ADAPTER_KEY;
if (!redisUrl || !key) throw new Error('BENCH_CHAT_REDIS and BENCH_CHAT_ADAPTER_KEY are needed');

const ROOM = 'bench-room';
const pub = new Redis(redisUrl);
const sub = pub.duplicate();
const http = createServer();
// Haven's own Socket.IO options (server/realtime/socket-server.ts), minus its guards.
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 100_000 });
// Its own adapter key: Haven's nodes (and any other Haven on this Redis) publish under
// "socket.io", and would otherwise hear, and decode, every one of these broadcasts.
io.adapter(createAdapter(pub, sub, { key }));

let counter = 0;
/** 24 hex digits, as a MongoDB id is. */
const nextId = () =>
  `${process.pid.toString(16).padStart(8, '0')}${(counter++).toString(16).padStart(16, '0')}`;

io.of('/chat').on('connection', (socket) => {
  void socket.join(ROOM);
  socket.on('chat:send', (payload: { groupId: string; clientId: string; text: string }, ack) => {
    const message = {
      id: nextId(),
      groupId: payload.groupId,
      senderId: payload.groupId,
      senderName: 'Bench sender',
      clientId: payload.clientId,
      text: payload.text,
      replyTo: null,
      mentions: [],
      reactions: [],
      createdAt: Date.now(),
      editedAt: null,
      deletedAt: null,
    };
    io.of('/chat').to(ROOM).emit('chat:message', message);
    if (typeof ack === 'function') ack({ ok: true, data: message });
  });
});

await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
send({ url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, pid: process.pid });

process.on('message', (command) => {
  if (command === 'gc') {
    (globalThis as { gc?: () => void }).gc?.();
    send({ ok: true });
  } else send({ error: `unknown command ${String(command)}` });
});
process.once('disconnect', () => {
  io.close(() => {
    Promise.all([pub.quit(), sub.quit()]).finally(() => process.exit(0));
  });
});
