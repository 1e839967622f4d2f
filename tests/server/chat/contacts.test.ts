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
  next,
  openChatSocket,
} from './helpers.ts';

/**
 * Who may ask whom to be contacts, and what a block does: a shared group or meeting area and
 * the other's consent are needed; refusals look alike; a block stops requests, lines and
 * presence at once. Private conversations themselves: private-messages.test.ts.
 */

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven({ chatSendLimit: 1000 });
});
afterEach(() => closeChatSockets());
afterAll(async () => {
  await haven?.close();
});

const pairs = () => haven.mongo.connection.collection('chat_contacts').countDocuments();

async function twoInAGroup() {
  const { groupId, members } = await groupWith(haven, ['Ana', 'Ben']);
  const [ana, ben] = members as [(typeof members)[0], (typeof members)[0]];
  return {
    groupId,
    ana,
    ben,
    anaSocket: await openChatSocket(haven, ana.client),
    benSocket: await openChatSocket(haven, ben.client),
  };
}

describe('contact requests', () => {
  it('reach a member who shares a group, who accepts; both are then contacts', async () => {
    const { ana, ben, anaSocket, benSocket } = await twoInAGroup();
    const told = next(benSocket, 'contact:changed');
    const asked = await must(anaSocket, 'contact:request', { userId: ben.id });
    expect(asked.contact).toMatchObject({ userId: ben.id, name: 'Ben', status: 'outgoing' });
    expect(await told).toEqual({ userId: ana.id });
    const { contacts } = await must(benSocket, 'contact:list');
    expect(contacts).toEqual([
      expect.objectContaining({ userId: ana.id, name: 'Ana', status: 'incoming', unread: 0 }),
    ]);
    const accepted = await must(benSocket, 'contact:respond', { userId: ana.id, accept: true });
    expect(accepted.contact).toMatchObject({ userId: ana.id, status: 'contact' });
    expect(accepted.contact?.conversationId).toBe(asked.contact.conversationId);
    const mine = await must(anaSocket, 'contact:list');
    expect(mine.contacts).toEqual([expect.objectContaining({ userId: ben.id, status: 'contact' })]);
  });

  it('reach a member of the same meeting area, though they share no group', async () => {
    const ana = await signUpAs(haven, ['participant'], { displayName: 'Ana' });
    const dev = await signUpAs(haven, ['participant'], { displayName: 'Dev' });
    for (const [member, city] of [
      [ana, 'São Paulo'],
      [dev, 'SAO PAULO'],
    ] as const)
      expect((await member.client.patch('/api/me', { area: { country: 'BR', city } })).status).toBe(
        200,
      );
    const socket = await openChatSocket(haven, ana.client);
    expect((await must(socket, 'contact:request', { userId: dev.id })).contact.status).toBe(
      'outgoing',
    );
  });

  it('are refused alike whether nothing is shared, the member takes none, or blocked the asker', async () => {
    const { ana, ben, anaSocket, benSocket } = await twoInAGroup();
    const stranger = await signUpAs(haven, ['participant'], { displayName: 'Cy' });
    const before = await pairs();
    const refusals = [await call(anaSocket, 'contact:request', { userId: stranger.id })];
    expect(
      (await ben.client.patch('/api/me', { privacy: { acceptContactRequests: false } })).status,
    ).toBe(200);
    refusals.push(await call(anaSocket, 'contact:request', { userId: ben.id }));
    expect(
      (await ben.client.patch('/api/me', { privacy: { acceptContactRequests: true } })).status,
    ).toBe(200);
    await must(benSocket, 'contact:block', { userId: ana.id });
    refusals.push(await call(anaSocket, 'contact:request', { userId: ben.id }));
    expect(refusals.map(codeOf)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    const messages = refusals.map((r) => (r.ok ? '' : r.error.message));
    expect(new Set(messages).size).toBe(1);
    // Only Ben's block is stored; the refused requests stored nothing.
    expect(await pairs()).toBe(before + 1);
    // Nobody learns of the block: to Ana it is as if they had never been in touch.
    expect((await must(anaSocket, 'contact:list')).contacts).toEqual([]);
  });

  it('refuse bad input and oneself, storing nothing', async () => {
    const { ana, anaSocket } = await twoInAGroup();
    const before = await pairs();
    const answers = [
      await call(anaSocket, 'contact:request', { userId: { $gt: '' } }),
      await call(anaSocket, 'contact:request', { userId: 'not-an-id' }),
      await call(anaSocket, 'contact:request', { userId: ana.id, extra: 1 }),
      await call(anaSocket, 'contact:respond', { userId: ana.id, accept: 'yes' }),
      await call(anaSocket, 'contact:block', { __proto__: { userId: ana.id } }),
    ];
    expect(answers.map(codeOf)).toEqual(Array(5).fill('INVALID_PAYLOAD'));
    expect(codeOf(await call(anaSocket, 'contact:request', { userId: ana.id }))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(await call(anaSocket, 'contact:request', { userId: 'f'.repeat(24) }))).toBe(
      'NOT_FOUND',
    );
    expect(await pairs()).toBe(before);
  });

  it('declined, leave the asker waiting, untold; asking back later makes contacts', async () => {
    const { ana, ben, anaSocket, benSocket } = await twoInAGroup();
    await must(anaSocket, 'contact:request', { userId: ben.id });
    let toldAna = false;
    anaSocket.on('contact:changed', () => {
      toldAna = true;
    });
    expect(
      (await must(benSocket, 'contact:respond', { userId: ana.id, accept: false })).contact,
    ).toBeNull();
    expect((await must(benSocket, 'contact:list')).contacts).toEqual([]);
    // Asking again changes nothing and is not another request to Ben.
    expect((await must(anaSocket, 'contact:request', { userId: ben.id })).contact.status).toBe(
      'outgoing',
    );
    expect((await must(benSocket, 'contact:list')).contacts).toEqual([]);
    // A round trip on Ana's socket: any contact:changed for her would have come before it.
    await must(anaSocket, 'contact:list');
    expect(toldAna).toBe(false);
    // Ben changes his mind.
    expect((await must(benSocket, 'contact:request', { userId: ana.id })).contact.status).toBe(
      'contact',
    );
  });

  it('stop at a cap of open requests per asker', async () => {
    const { ana, anaSocket } = await twoInAGroup();
    // Thirty members with no answer yet, written directly: sign-ups are limited per hour.
    const others = Array.from({ length: 30 }, (_, i) =>
      `${(i + 1).toString(16)}`.padStart(24, 'a'),
    );
    const { Types } = await import('mongoose');
    await haven.mongo.connection.collection('chat_contacts').insertMany(
      others.map((id) => ({
        key: `${ana.id}:${id}-x`,
        members: [new Types.ObjectId(ana.id), new Types.ObjectId(id)],
        requestedBy: new Types.ObjectId(ana.id),
        declined: false,
        contacts: false,
        blockedBy: [],
        updatedAt: new Date(),
      })),
    );
    const { members } = await groupWith(haven, ['Zoe']);
    const zoe = members[0] as (typeof members)[0];
    expect(codeOf(await call(anaSocket, 'contact:request', { userId: zoe.id }))).toBe(
      'RATE_LIMITED',
    );
  });
});

describe('the chat list’s online counts', () => {
  it('count the others online when asked, never a member who blocked the viewer', async () => {
    const { groupId, ana, ben, anaSocket, benSocket } = await twoInAGroup();
    const { contact } = await must(anaSocket, 'contact:request', { userId: ben.id });
    await must(benSocket, 'contact:respond', { userId: ana.id, accept: true });
    const online = async () => {
      const { groups } = await must(anaSocket, 'chat:groups', { online: true });
      return groups.map((g) => [g.kind, g.groupId, g.online]);
    };
    expect(await online()).toEqual([
      ['group', groupId, 1],
      ['private', contact.conversationId, 1],
    ]);
    const unasked = await must(anaSocket, 'chat:groups');
    expect(unasked.groups.map((g) => g.online)).toEqual([null, null]);
    await must(benSocket, 'contact:block', { userId: ana.id });
    expect(await online()).toEqual([['group', groupId, 0]]);
  });
});

describe('a block', () => {
  it('ends the contact, stops lines both ways at once, and hides the blocker’s presence', async () => {
    const { groupId, ana, ben, anaSocket, benSocket } = await twoInAGroup();
    const { contact } = await must(anaSocket, 'contact:request', { userId: ben.id });
    await must(benSocket, 'contact:respond', { userId: ana.id, accept: true });
    const conversationId = contact.conversationId;
    await must(anaSocket, 'chat:send', {
      groupId: conversationId,
      clientId: clientId(),
      text: 'Hi',
    });

    const hidden = next(anaSocket, 'chat:presence', (p) => p.userId === ben.id);
    const blocked = await must(benSocket, 'contact:block', { userId: ana.id });
    expect(blocked.contact.status).toBe('blocked');
    expect(await hidden).toEqual({ userId: ben.id, state: 'offline', lastSeen: null });
    const tries = [
      await call(anaSocket, 'chat:send', {
        groupId: conversationId,
        clientId: clientId(),
        text: 'Hello?',
      }),
      await call(benSocket, 'chat:send', {
        groupId: conversationId,
        clientId: clientId(),
        text: 'Bye',
      }),
      await call(anaSocket, 'chat:typing', { groupId: conversationId }),
    ];
    expect(tries.map(codeOf)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    // In their shared group Ben reads offline to Ana, though he is connected.
    const { members } = await must(anaSocket, 'chat:who', { groupId });
    expect(members.find((m) => m.userId === ben.id)?.state).toBe('offline');
    const benSees = await must(benSocket, 'chat:who', { groupId });
    expect(benSees.members.find((m) => m.userId === ana.id)?.state).toBe('online');
    // Ana sees a former contact (their history), not that she was blocked.
    expect((await must(anaSocket, 'contact:list')).contacts).toEqual([
      expect.objectContaining({ userId: ben.id, status: 'former', presence: null }),
    ]);
    // Unblocked, they are not contacts again until one asks and the other accepts.
    expect((await must(benSocket, 'contact:unblock', { userId: ana.id })).contact.status).toBe(
      'former',
    );
    expect(
      codeOf(
        await call(anaSocket, 'chat:send', {
          groupId: conversationId,
          clientId: clientId(),
          text: 'x',
        }),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('whom presence reaches', () => {
  it('reads several members’ groups, contacts and blocks together, each their own', async () => {
    // Presence announces in bursts (a crashed node's members): one query for all of them.
    const { groupId, members } = await groupWith(haven, ['Ana', 'Ben', 'Cai']);
    const [ana, ben, cai] = members as [
      (typeof members)[0],
      (typeof members)[0],
      (typeof members)[0],
    ];
    const anaSocket = await openChatSocket(haven, ana.client);
    const benSocket = await openChatSocket(haven, ben.client);
    const caiSocket = await openChatSocket(haven, cai.client);
    await must(anaSocket, 'contact:request', { userId: ben.id });
    await must(benSocket, 'contact:respond', { userId: ana.id, accept: true });
    await must(caiSocket, 'contact:block', { userId: ana.id });
    const { groups, chat } = haven.haven.services;
    const ids = [ana.id, ben.id, cai.id];
    const [circles, groupIds] = await Promise.all([
      chat.contacts.presenceCircles(ids),
      groups.groupIdsOfMembers(ids),
    ]);
    expect(Object.fromEntries(circles)).toEqual({
      [ana.id]: { contacts: [ben.id], hiddenFrom: [] },
      [ben.id]: { contacts: [ana.id], hiddenFrom: [] },
      [cai.id]: { contacts: [], hiddenFrom: [ana.id] },
    });
    expect(Object.fromEntries(groupIds)).toEqual({
      [ana.id]: [groupId],
      [ben.id]: [groupId],
      [cai.id]: [groupId],
    });
  });
});
