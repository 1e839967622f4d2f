import { afterEach, describe, expect, it } from 'vitest';
import { closeClients, openClient, settle, storing } from './fake-chat-socket.ts';
import { ANA, GROUP, id, line, ME } from './fixtures.ts';

afterEach(closeClients);

const OTHER = 'd'.repeat(24);

/**
 * Sends 'hello', which its node shows to the group (line 3) and then goes down before the
 * line is stored: its ack says UNAVAILABLE. Gives the line's clientId; acks flow again after.
 */
async function unconfirmed({ socket, client }: Awaited<ReturnType<typeof openClient>>) {
  socket.answers.set('chat:send', () => ({
    ok: false,
    error: { code: 'UNAVAILABLE', message: 'chat:send was not answered' },
  }));
  socket.hold = true;
  client.send('hello');
  const clientId = String(socket.of('chat:send')[0]?.clientId);
  socket.fire('chat:message', line(3, { senderId: ME, clientId, text: 'hello' }));
  socket.release();
  socket.hold = false;
  await settle();
  return clientId;
}

/** The member's own lines on their way (line-sender.ts), through the ChatClient. */
describe('ChatClient sending', () => {
  it('shows a sent line at once, then the stored one, once, ack first', async () => {
    const { socket, store, client, texts } = await openClient();
    storing(socket, 3);
    socket.hold = true;
    client.send('hello');
    expect(store.getState().lines?.pending.map((p) => p.text)).toEqual(['hello']);
    const [sent] = socket.of('chat:send');
    expect(sent?.clientId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    socket.release();
    await settle();
    socket.fire(
      'chat:message',
      line(3, { senderId: ME, clientId: String(sent?.clientId), text: 'hello' }),
    );
    expect(texts()).toEqual(['hello']);
    expect(store.getState().lines?.pending).toEqual([]);
  });

  it('takes the broadcast when it comes before the ack', async () => {
    const { socket, store, client, texts } = await openClient();
    storing(socket, 3);
    socket.hold = true;
    client.send('hello');
    const clientId = String(socket.of('chat:send')[0]?.clientId);
    socket.fire('chat:message', line(3, { senderId: ME, clientId, text: 'hello' }));
    expect(store.getState().lines?.pending).toEqual([]);
    socket.release();
    await settle();
    expect(texts()).toEqual(['hello']);
  });

  it('retries a failed send with the same clientId', async () => {
    const { socket, store, client, texts } = await openClient();
    socket.answers.set('chat:send', () => ({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'down' },
    }));
    client.send('hello');
    await settle();
    const failed = store.getState().lines?.pending[0];
    expect(failed).toMatchObject({ status: 'failed', error: 'UNAVAILABLE' });
    storing(socket, 4);
    await client.retry(String(failed?.clientId));
    const [first, second] = socket.of('chat:send');
    expect(second?.clientId).toBe(first?.clientId);
    expect(texts()).toEqual(['hello']);
    expect(store.getState().lines?.pending).toEqual([]);
  });

  it('sends a line shown while written again after a reconnect when its ack never came', async () => {
    const opened = await openClient();
    const { socket, store, texts } = opened;
    const clientId = await unconfirmed(opened);
    expect(store.getState().lines?.pending).toEqual([]);
    expect(socket.of('chat:send')).toHaveLength(1);
    socket.fire('disconnect', 'transport close');
    storing(socket, 4);
    socket.fire('connect');
    await expect.poll(() => socket.of('chat:send').length, { interval: 5 }).toBe(2);
    expect(socket.of('chat:send')[1]?.clientId).toBe(clientId);
    // The stored line stands for the shown copy: one line, under its stored id.
    await expect
      .poll(() => store.getState().lines?.messages.map((m) => m.id), { interval: 5 })
      .toEqual([id(4)]);
    expect(texts()).toEqual(['hello']);
    // Confirmed: a later reconnect sends nothing more.
    socket.fire('disconnect', 'transport close');
    socket.fire('connect');
    await settle();
    await settle();
    expect(socket.of('chat:send')).toHaveLength(2);
  });

  it('sends an unconfirmed line again after a reconnect with no chat page open', async () => {
    const opened = await openClient();
    const { socket, client } = opened;
    const clientId = await unconfirmed(opened);
    // The member went on to another page; the tab's client (and its socket) stays.
    client.leave(GROUP);
    socket.fire('disconnect', 'transport close');
    storing(socket, 4);
    socket.fire('connect');
    await expect.poll(() => socket.of('chat:send').length, { interval: 5 }).toBe(2);
    expect(socket.of('chat:send')[1]).toMatchObject({ groupId: GROUP, clientId, text: 'hello' });
  });

  it('puts a failed line back in its own group, not in the group opened meanwhile', async () => {
    const { socket, store, client } = await openClient();
    socket.answers.set('chat:send', () => ({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'try again in 3 seconds' },
    }));
    socket.hold = true;
    client.send('hello');
    const opening = client.open(OTHER);
    socket.hold = false;
    socket.release();
    await opening;
    expect(store.getState().lines).toMatchObject({ groupId: OTHER, pending: [] });
  });

  it('shows how long to wait when sending too fast, from the number the server sends', async () => {
    const { socket, store, client } = await openClient();
    socket.answers.set('chat:send', () => ({
      ok: false,
      // The message is a hint for logs: its wording (and its number) is not what counts.
      error: { code: 'RATE_LIMITED', message: 'slow down, maybe 99 seconds', retryAfter: 7 },
    }));
    client.send('hello');
    await settle();
    expect(store.getState().notice).toMatchObject({ code: 'RATE_LIMITED', wait: 7 });
    socket.answers.set('chat:send', () => ({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'try again in 3 seconds' },
    }));
    client.send('again');
    await settle();
    expect(store.getState().notice).toMatchObject({ code: 'RATE_LIMITED', wait: null });
  });

  it('sends the members picked in the composer, and again with a retry', async () => {
    const { socket, client } = await openClient();
    socket.answers.set('chat:send', () => ({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'down' },
    }));
    client.send('hi @Ana', null, [ANA]);
    await settle();
    const clientId = String(socket.of('chat:send')[0]?.clientId);
    await client.retry(clientId);
    expect(socket.of('chat:send').map((p) => p.mentions)).toEqual([[ANA], [ANA]]);
    client.send('no one');
    await settle();
    expect(socket.of('chat:send')[2]).not.toHaveProperty('mentions');
  });
});
