import { Types } from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';
import {
  call,
  clientId,
  closeChatSockets,
  codeOf,
  groupWith,
  must,
  openChatSocket,
} from './helpers.ts';

/**
 * Reporting a group-chat line (`chat:report`) and who sees the queue
 * (`GET /api/chat/reports`): the group's moderators their groups', site staff every group's.
 * The actions are in report-actions.test.ts (each test Haven allows 30 sign-ups an hour).
 */

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven({ chatSendLimit: 1000 });
});
afterEach(() => closeChatSockets());
afterAll(async () => {
  await haven?.close();
});

const reports = () => haven.mongo.connection.collection('chat_reports');

async function groupWithLine(text: string) {
  const { groupId, founder, members } = await groupWith(haven, ['Ana', 'Ben']);
  const [ana, ben] = members as [(typeof members)[0], (typeof members)[0]];
  const anaSocket = await openChatSocket(haven, ana.client);
  const benSocket = await openChatSocket(haven, ben.client);
  const line = await must(benSocket, 'chat:send', { groupId, clientId: clientId(), text });
  return { groupId, founder, ana, ben, anaSocket, benSocket, line };
}

describe('reporting a chat line', () => {
  it('stores ids and the reason, never the text; a second report answers the first; refuses the wrong ones', async () => {
    const { groupId, anaSocket, benSocket, line } = await groupWithLine('Something unkind here');
    const report = await must(anaSocket, 'chat:report', {
      messageId: line.id,
      reason: 'harmful',
      note: 'Please look',
    });
    expect(report.status).toBe('open');
    const again = await must(anaSocket, 'chat:report', { messageId: line.id, reason: 'spam' });
    expect(again.id).toBe(report.id);

    const stored = await reports()
      .find({ messageId: { $exists: true } })
      .toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ groupId: expect.anything(), reason: 'harmful' });
    expect(String(stored[0]?.messageId)).toBe(line.id);
    expect(String(stored[0]?.groupId)).toBe(groupId);
    expect(JSON.stringify(stored)).not.toContain('Something unkind');

    // Not one's own line; not someone outside the group; not a deleted line.
    expect(
      codeOf(await call(benSocket, 'chat:report', { messageId: line.id, reason: 'spam' })),
    ).toBe('INVALID_TRANSITION');
    const outsider = await signUpAs(haven, ['participant'], { displayName: 'Out' });
    const outSocket = await openChatSocket(haven, outsider.client);
    expect(
      codeOf(await call(outSocket, 'chat:report', { messageId: line.id, reason: 'spam' })),
    ).toBe('FORBIDDEN');
    const gone = await must(benSocket, 'chat:send', {
      groupId,
      clientId: clientId(),
      text: 'oops',
    });
    await must(benSocket, 'chat:delete', { messageId: gone.id });
    expect(
      codeOf(await call(anaSocket, 'chat:report', { messageId: gone.id, reason: 'spam' })),
    ).toBe('INVALID_TRANSITION');
    expect(
      codeOf(
        await call(anaSocket, 'chat:report', {
          messageId: '0123456789abcdef01234567',
          reason: 'spam',
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(await reports().countDocuments({})).toBe(1);
  });

  it('refuses bad payloads with INVALID_PAYLOAD and stores nothing', async () => {
    const { anaSocket, line } = await groupWithLine('A line');
    const before = await reports().countDocuments({});
    const bad = [
      {},
      { messageId: line.id },
      { messageId: line.id, reason: 'rude' },
      { messageId: { $gt: '' }, reason: 'spam' },
      { messageId: line.id, reason: 'spam', note: 'x'.repeat(501) },
      { messageId: line.id, reason: 'spam', note: '' },
      { messageId: line.id, reason: 'spam', note: 'bell\u0007' },
      { messageId: line.id, reason: 'spam', extra: 1 },
      JSON.parse(`{"messageId":"${line.id}","reason":"spam","__proto__":{"admin":true}}`),
    ];
    for (const payload of bad)
      expect(codeOf(await call(anaSocket, 'chat:report', payload)), JSON.stringify(payload)).toBe(
        'INVALID_PAYLOAD',
      );
    expect(await reports().countDocuments({})).toBe(before);
  });
});

describe('the chat report queue', () => {
  it('lists a line reported twice once, with both reports newest first; pages by line; resolving closes both', async () => {
    const { groupId, founder, members } = await groupWith(haven, ['Ana', 'Ben', 'Cy']);
    const [ana, ben, cy] = members as [
      (typeof members)[0],
      (typeof members)[0],
      (typeof members)[0],
    ];
    const anaSocket = await openChatSocket(haven, ana.client);
    const benSocket = await openChatSocket(haven, ben.client);
    const cySocket = await openChatSocket(haven, cy.client);
    const say = (text: string) =>
      must(cySocket, 'chat:send', { groupId, clientId: clientId(), text });
    const [one, two, three] = [await say('First line'), await say('Second'), await say('Third')];
    // Ben's report of line one comes after Ana's report of line two, so by report the
    // queue would read one, two, one, three.
    const first = await must(anaSocket, 'chat:report', {
      messageId: one.id,
      reason: 'harmful',
      note: 'Unkind to a newcomer',
    });
    await must(anaSocket, 'chat:report', { messageId: two.id, reason: 'off-topic' });
    await must(benSocket, 'chat:report', { messageId: one.id, reason: 'spam' });
    await must(anaSocket, 'chat:report', { messageId: three.id, reason: 'spam' });

    const all = await founder.client.get('/api/chat/reports?status=open&limit=100');
    expect(all.status).toBe(200);
    expect((all.body.items as Array<{ line: { id: string } }>).map((r) => r.line.id)).toEqual([
      one.id,
      two.id,
      three.id,
    ]);
    // The entry is the line's oldest open report, with every open report on it, newest first.
    expect(all.body.items[0]).toMatchObject({
      id: first.id,
      openReportsOnLine: 2,
      reports: [
        { reason: 'spam', note: null, createdAt: expect.any(String) },
        { reason: 'harmful', note: 'Unkind to a newcomer', createdAt: expect.any(String) },
      ],
    });
    expect(Object.keys(all.body.items[0].reports[0]).sort()).toEqual([
      'createdAt',
      'note',
      'reason',
    ]);
    expect(JSON.stringify(all.body)).not.toContain(ana.id);
    expect(JSON.stringify(all.body)).not.toContain(ben.id);

    // One line a page: each line exactly once, in the same order.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await founder.client.get(`/api/chat/reports?status=open&limit=1${query}`);
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(1);
      paged.push(page.body.items[0].line.id);
      cursor = page.body.nextCursor;
    } while (cursor && paged.length < 10);
    expect(paged).toEqual([one.id, two.id, three.id]);

    // Acting on the entry closes both of line one's reports, and it leaves the queue.
    const done = await founder.client.post(`/api/chat/reports/${first.id}/resolve`, {
      action: 'dismiss',
    });
    expect(done.status).toBe(200);
    expect(
      await reports().countDocuments({ messageId: new Types.ObjectId(one.id), status: 'open' }),
    ).toBe(0);
    const after = await founder.client.get('/api/chat/reports?status=open&limit=100');
    expect((after.body.items as Array<{ line: { id: string } }>).map((r) => r.line.id)).toEqual([
      two.id,
      three.id,
    ]);
  });

  it('shows a group’s moderators their groups’ reports, site staff every group’s, and others nothing', async () => {
    const one = await groupWithLine('Line in group one');
    const two = await groupWithLine('Line in group two');
    await must(one.anaSocket, 'chat:report', { messageId: one.line.id, reason: 'harmful' });
    const inTwo = await must(two.anaSocket, 'chat:report', {
      messageId: two.line.id,
      reason: 'off-topic',
    });

    const seen = async (client: typeof one.founder.client) => {
      const page = await client.get('/api/chat/reports?status=open&limit=100');
      expect(page.status).toBe(200);
      return (page.body.items as Array<{ line: { id: string } }>).map((r) => r.line.id);
    };
    // Group one's moderator (its founder) sees group one's report, with the line looked up.
    const firstPage = await one.founder.client.get('/api/chat/reports');
    expect(firstPage.body.items).toEqual([
      expect.objectContaining({
        reason: 'harmful',
        status: 'open',
        openReportsOnLine: 1,
        line: expect.objectContaining({
          id: one.line.id,
          groupId: one.groupId,
          senderId: one.ben.id,
          senderName: 'Ben',
          text: 'Line in group one',
          deleted: false,
        }),
      }),
    ]);
    expect(JSON.stringify(firstPage.body)).not.toContain(one.ana.id);
    expect(await seen(two.founder.client)).toEqual([two.line.id]);
    expect((await one.founder.client.get('/api/chat/reports/scope')).body).toEqual({
      all: false,
      groups: [{ id: one.groupId, name: expect.any(String) }],
    });

    // Site staff see every group's without being members.
    const staff = await signUpAs(haven, ['moderator'], { displayName: 'Staff' });
    const all = await seen(staff.client);
    expect(all).toEqual(expect.arrayContaining([one.line.id, two.line.id]));
    expect((await staff.client.get('/api/chat/reports/scope')).body.all).toBe(true);

    // An ordinary member sees no queue; a group's moderator acts on no other group's report.
    expect((await one.ana.client.get('/api/chat/reports')).status).toBe(403);
    expect((await one.ana.client.get('/api/chat/reports/scope')).body).toEqual({
      all: false,
      groups: [],
    });
    const across = await one.founder.client.post(`/api/chat/reports/${inTwo.id}/resolve`, {
      action: 'delete',
    });
    expect(across.status).toBe(403);
    expect(across.body.error.code).toBe('FORBIDDEN');
    const byMember = await two.ana.client.post(`/api/chat/reports/${inTwo.id}/resolve`, {
      action: 'dismiss',
    });
    expect(byMember.status).toBe(403);
    const missing = await staff.client.post('/api/chat/reports/0123456789abcdef01234567/resolve', {
      action: 'dismiss',
    });
    expect(missing.status).toBe(404);
    const [twoHistory] = (await must(two.anaSocket, 'chat:history', { groupId: two.groupId }))
      .messages;
    expect(twoHistory?.text).toBe('Line in group two');
  });

  it('leaves a report on a moderator’s own line to the group’s other moderators and site staff', async () => {
    const { groupId, founder, anaSocket } = await groupWithLine('unused');
    const fran = await openChatSocket(haven, founder.client);
    const own = await must(fran, 'chat:send', { groupId, clientId: clientId(), text: 'Mine' });
    const report = await must(anaSocket, 'chat:report', { messageId: own.id, reason: 'harmful' });
    const queue = await founder.client.get('/api/chat/reports?status=open&limit=100');
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((r: { line: { id: string } }) => r.line.id)).not.toContain(own.id);
    const resolved = await founder.client.post(`/api/chat/reports/${report.id}/resolve`, {
      action: 'dismiss',
    });
    expect(resolved.status).toBe(403);
    expect((await reports().findOne({ _id: new Types.ObjectId(report.id) }))?.status).toBe('open');
    const staff = await signUpAs(haven, ['moderator'], { displayName: 'Sam' });
    const theirs = await staff.client.get('/api/chat/reports?status=open&limit=100');
    expect(theirs.body.items.map((r: { line: { id: string } }) => r.line.id)).toContain(own.id);
  });
});
