import { describe, expect, it } from 'vitest';
import { signUpAs } from '../../helpers/api-client.ts';
import {
  call,
  clientId,
  codeOf,
  groupWith,
  must,
  next,
  openChatSocket,
  recordEvents,
  twoNodes,
} from './helpers.ts';

/**
 * Acting on a reported chat line from the queue (`POST /api/chat/reports/:id/resolve`):
 * delete (tombstone, broadcast on every node), mute, ban, dismiss; once only. And the
 * reports in a member's own data.
 */

const nodes = twoNodes({ chatSendLimit: 1000 });

/** Cy writes a line; Ana (and Ben) report it. Cy's socket is on the other node. */
async function reported(text: string) {
  const { groupId, founder, members } = await groupWith(nodes.a, ['Ana', 'Ben', 'Cy']);
  const [ana, ben, cy] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];
  const anaSocket = await openChatSocket(nodes.a, ana.client);
  const benSocket = await openChatSocket(nodes.a, ben.client);
  const cySocket = await openChatSocket(nodes.b, cy.client);
  const line = await must(cySocket, 'chat:send', { groupId, clientId: clientId(), text });
  const report = await must(anaSocket, 'chat:report', { messageId: line.id, reason: 'harmful' });
  return { groupId, founder, ana, ben, cy, anaSocket, benSocket, cySocket, line, report };
}

const resolve = (
  client: Awaited<ReturnType<typeof reported>>['founder']['client'],
  id: string,
  body: unknown,
) => client.post(`/api/chat/reports/${id}/resolve`, body);

describe('acting on a chat report', () => {
  it('deletes the line: a tombstone, chat:updated to members on every node, every report on it resolved, once', async () => {
    const { founder, benSocket, cySocket, line, report } = await reported('Hurtful words');
    const second = await must(benSocket, 'chat:report', { messageId: line.id, reason: 'spam' });
    const onB = next(cySocket, 'chat:updated', (m) => m.id === line.id);
    const onA = next(benSocket, 'chat:updated', (m) => m.id === line.id);
    const done = await resolve(founder.client, report.id, { action: 'delete' });
    expect(done.status).toBe(200);
    expect(done.body.report).toMatchObject({
      status: 'resolved',
      action: 'delete',
      line: { id: line.id, text: null, deleted: true },
    });
    expect((await onB).text).toBeNull();
    expect((await onA).deletedAt).not.toBeNull();
    // Ben's report on the same line went with it; resolving again is refused.
    const open = await founder.client.get('/api/chat/reports?status=open');
    expect(open.body.items).toEqual([]);
    const resolved = await founder.client.get('/api/chat/reports?status=resolved');
    expect((resolved.body.items as Array<{ id: string }>).map((r) => r.id).sort()).toEqual(
      [report.id, second.id].sort(),
    );
    for (const id of [report.id, second.id]) {
      const again = await resolve(founder.client, id, { action: 'dismiss' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('INVALID_TRANSITION');
    }
    const stored = JSON.stringify(
      await nodes.a.mongo.connection
        .collection('chat_messages')
        .find({ _id: { $exists: true } })
        .toArray(),
    );
    expect(stored).not.toContain('Hurtful words');
  });

  it('mutes the sender for the minutes chosen (site staff need not be members); bad bodies change nothing', async () => {
    const { anaSocket, cySocket, groupId, report } = await reported('Loud line');
    const staff = await signUpAs(nodes.a, ['moderator'], { displayName: 'Staff' });
    for (const body of [
      { action: 'mute' },
      { action: 'mute', minutes: 0 },
      { action: 'dismiss', minutes: 5 },
      { action: 'silence' },
      { action: 'mute', minutes: 5, extra: true },
    ]) {
      const refused = await resolve(staff.client, report.id, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    const done = await resolve(staff.client, report.id, { action: 'mute', minutes: 15 });
    expect(done.status).toBe(200);
    expect(done.body.report.action).toBe('mute');
    const refused = await call(cySocket, 'chat:send', {
      groupId,
      clientId: clientId(),
      text: 'hi',
    });
    expect(codeOf(refused)).toBe('MUTED');
    // Muted, Cy still reads; the others still write.
    const heard = next(cySocket, 'chat:message');
    await must(anaSocket, 'chat:send', { groupId, clientId: clientId(), text: 'still on' });
    expect((await heard).text).toBe('still on');
  });

  it('bans the sender: their socket hears nothing more of the group and sends nothing', async () => {
    const { founder, anaSocket, cySocket, groupId, report } = await reported('Spam spam');
    const cyEvents = recordEvents(cySocket);
    const done = await resolve(founder.client, report.id, { action: 'ban' });
    expect(done.status).toBe(200);
    await must(anaSocket, 'chat:send', { groupId, clientId: clientId(), text: 'after the ban' });
    expect(codeOf(await call(cySocket, 'chat:history', { groupId }))).toBe('FORBIDDEN');
    expect(
      codeOf(await call(cySocket, 'chat:send', { groupId, clientId: clientId(), text: 'x' })),
    ).toBe('FORBIDDEN');
    expect(cyEvents.filter((e) => e === 'chat:message')).toEqual([]);
  });

  it('dismisses, leaving the line and its sender alone; a moderator’s line cannot be muted', async () => {
    const { founder, anaSocket, cySocket, groupId, line, report } = await reported('Fine line');
    const done = await resolve(founder.client, report.id, { action: 'dismiss' });
    expect(done.body.report).toMatchObject({ action: 'dismiss', line: { text: 'Fine line' } });
    await must(cySocket, 'chat:send', { groupId, clientId: clientId(), text: 'still here' });
    // Reported again after the dismissal: a new open report.
    const again = await must(anaSocket, 'chat:report', { messageId: line.id, reason: 'other' });
    expect(again.id).not.toBe(report.id);
    // The founder's own line: Ana reports it, but a moderator is not muted; the report stays open.
    const franSocket = await openChatSocket(nodes.a, founder.client);
    const fran = await must(franSocket, 'chat:send', {
      groupId,
      clientId: clientId(),
      text: 'mod',
    });
    const onFran = await must(anaSocket, 'chat:report', { messageId: fran.id, reason: 'other' });
    const staff = await signUpAs(nodes.a, ['admin'], { displayName: 'Admin' });
    const refused = await resolve(staff.client, onFran.id, { action: 'mute', minutes: 5 });
    expect(refused.body.error.code).toBe('FORBIDDEN');
    const open = await staff.client.get('/api/chat/reports?status=open&limit=100');
    expect((open.body.items as Array<{ id: string }>).map((r) => r.id)).toContain(onFran.id);
  });
});

describe('chat reports in a member’s own data', () => {
  it('exports the reports a member made, and anonymises them when the account goes', async () => {
    const { ana, anaSocket, benSocket, founder, groupId, report, line } =
      await reported('Reported line');
    const other = await must(benSocket, 'chat:send', { groupId, clientId: clientId(), text: 'b' });
    const noted = await must(anaSocket, 'chat:report', {
      messageId: other.id,
      reason: 'spam',
      note: 'My own note',
    });
    const exported = await ana.client.get('/api/me/export');
    expect(exported.body.groupChatReports).toEqual([
      expect.objectContaining({ id: report.id, messageId: line.id, reason: 'harmful' }),
      expect.objectContaining({ id: noted.id, messageId: other.id, note: 'My own note' }),
    ]);
    expect(exported.text).not.toContain('Reported line');
    expect((await ana.client.delete('/api/me')).status).toBe(204);
    const stored = await nodes.a.mongo.connection
      .collection('chat_reports')
      .find({ _id: { $exists: true } })
      .toArray();
    const mine = stored.find((r) => String(r._id) === report.id);
    expect(mine).toMatchObject({ reporterId: null, status: 'open' });
    expect(JSON.stringify(stored)).not.toContain(ana.id);
    expect(JSON.stringify(stored)).not.toContain('My own note');
    // The report still stands in the queue.
    const queue = await founder.client.get('/api/chat/reports');
    expect((queue.body.items as Array<{ id: string }>).map((r) => r.id)).toContain(report.id);
  });
});
