import { describe, expect, it } from 'vitest';
import { signUpAs } from '../../helpers/api-client.ts';
import {
  call,
  codeOf,
  groupWith,
  must,
  next,
  openChatSocket,
  recordEvents,
  twoNodes,
} from './helpers.ts';

/** Who is online in a group, told to those who share it, on two nodes. */

const nodes = twoNodes();

describe('presence in group chat', () => {
  it('tells those who share a group when a member comes online, and nobody else', async () => {
    const { groupId, founder, members } = await groupWith(nodes.a, ['Ana', 'Ben']);
    const [ana, ben] = members as [(typeof members)[0], (typeof members)[0]];
    const benSocket = await openChatSocket(nodes.b, ben.client);
    const outsider = await signUpAs(nodes.a, ['participant'], { displayName: 'Olly' });
    const outsiderSocket = await openChatSocket(nodes.a, outsider.client);
    const outsiderEvents = recordEvents(outsiderSocket);
    const online = next(benSocket, 'chat:presence', (p) => p.userId === ana.id);
    await openChatSocket(nodes.a, ana.client);
    expect(await online).toEqual({ userId: ana.id, state: 'online', lastSeen: null });
    const { members: who } = await must(benSocket, 'chat:who', { groupId });
    const stateOf = (id: string) => who.find((m) => m.userId === id)?.state;
    expect([stateOf(ana.id), stateOf(ben.id), stateOf(founder.id)]).toEqual([
      'online',
      'online',
      'offline',
    ]);
    // Named as the group's member list names them: the moderator, the listed, oneself.
    const nameOf = (id: string) => who.find((m) => m.userId === id)?.name;
    expect([nameOf(ana.id), nameOf(ben.id), nameOf(founder.id)]).toEqual([null, 'Ben', 'Fran']);
    const listed = await ana.client.patch('/api/me', { privacy: { showInGroupMemberLists: true } });
    expect(listed.status).toBe(200);
    const { members: again } = await must(benSocket, 'chat:who', { groupId });
    expect(again.find((m) => m.userId === ana.id)?.name).toBe('Ana');
    expect(codeOf(await call(outsiderSocket, 'chat:who', { groupId }))).toBe('FORBIDDEN');
    expect(outsiderEvents).not.toContain('chat:presence');
  });

  it('counts two tabs as one, shows away, and goes offline when the last tab closes', async () => {
    const { members } = await groupWith(nodes.a, ['Ana', 'Ben']);
    const [ana, ben] = members as [(typeof members)[0], (typeof members)[0]];
    const benSocket = await openChatSocket(nodes.b, ben.client);
    const online = next(benSocket, 'chat:presence', (p) => p.userId === ana.id);
    const tab1 = await openChatSocket(nodes.a, ana.client);
    await online;
    const tab2 = await openChatSocket(nodes.b, ana.client);
    // As a browser does on connecting: says whether it is in use (answered once it counts).
    await must(tab2, 'chat:presence', { state: 'online' });
    const seen: string[] = [];
    benSocket.on('chat:presence', (p) =>
      seen.push(`${p.userId === ana.id ? 'ana' : p.userId}:${p.state}`),
    );
    // Both tabs in the background: away. One back in use: online again.
    const away = next(benSocket, 'chat:presence', (p) => p.userId === ana.id && p.state === 'away');
    await must(tab1, 'chat:presence', { state: 'away' });
    await must(tab2, 'chat:presence', { state: 'away' });
    await away;
    const back = next(
      benSocket,
      'chat:presence',
      (p) => p.userId === ana.id && p.state === 'online',
    );
    await must(tab2, 'chat:presence', { state: 'online' });
    await back;
    // Closing one tab of two changes nothing others see; closing the last one does.
    const offline = next(
      benSocket,
      'chat:presence',
      (p) => p.userId === ana.id && p.state === 'offline',
    );
    tab1.disconnect();
    tab2.disconnect();
    await offline;
    expect(seen).toEqual(['ana:away', 'ana:online', 'ana:offline']);
  });

  it('keeps a member who chose to appear offline offline, and shows last seen only to those who opted in', async () => {
    const { groupId, members } = await groupWith(nodes.a, ['Ana', 'Ben', 'Cleo']);
    const [ana, ben, cleo] = members as [
      (typeof members)[0],
      (typeof members)[0],
      (typeof members)[0],
    ];
    expect((await ana.client.patch('/api/me', { privacy: { appearOffline: true } })).status).toBe(
      200,
    );
    expect((await cleo.client.patch('/api/me', { privacy: { showLastSeen: true } })).status).toBe(
      200,
    );
    const benSocket = await openChatSocket(nodes.b, ben.client);
    const seen: string[] = [];
    benSocket.on('chat:presence', (p) => seen.push(`${p.userId}:${p.state}`));
    // Ana is here but invisible; Cleo comes and goes, leaving the time she was last seen.
    const anaSocket = await openChatSocket(nodes.a, ana.client);
    await must(anaSocket, 'chat:presence', { state: 'online' });
    const cleoOnline = next(
      benSocket,
      'chat:presence',
      (p) => p.userId === cleo.id && p.state === 'online',
    );
    const cleoSocket = await openChatSocket(nodes.a, cleo.client);
    await cleoOnline;
    const cleoGone = next(
      benSocket,
      'chat:presence',
      (p) => p.userId === cleo.id && p.state === 'offline',
    );
    cleoSocket.disconnect();
    const gone = await cleoGone;
    expect(gone.lastSeen).toEqual(expect.any(Number));
    const { members: who } = await must(benSocket, 'chat:who', { groupId });
    expect(who.find((m) => m.userId === ana.id)).toEqual({
      userId: ana.id,
      state: 'offline',
      lastSeen: null,
      // Not in the group's member lists (the default), so not named to others.
      name: null,
    });
    expect(who.find((m) => m.userId === cleo.id)?.lastSeen).toBe(gone.lastSeen);
    expect(seen.filter((e) => e.startsWith(ana.id))).toEqual([]);
  });

  it('relays typing to the group, but never to a member the typer blocked, nor while they appear offline', async () => {
    const { groupId, founder, members } = await groupWith(nodes.a, ['Ana', 'Ben', 'Dee']);
    const [ana, ben, dee] = members as [
      (typeof members)[0],
      (typeof members)[0],
      (typeof members)[0],
    ];
    const anaSocket = await openChatSocket(nodes.a, ana.client);
    const benTab = await openChatSocket(nodes.b, ben.client);
    const typing = next(anaSocket, 'chat:typing');
    await must(benTab, 'chat:typing', { groupId });
    expect(await typing).toEqual({ groupId, userId: ben.id, name: 'Ben' });
    await must(benTab, 'contact:block', { userId: ana.id });
    expect((await dee.client.patch('/api/me', { privacy: { appearOffline: true } })).status).toBe(
      200,
    );
    const typers: string[] = [];
    anaSocket.on('chat:typing', (t) => typers.push(t.userId));
    // Each from a tab of its own (a tab says it is typing at most every 2 s).
    await must(await openChatSocket(nodes.b, ben.client), 'chat:typing', { groupId });
    await must(await openChatSocket(nodes.a, dee.client), 'chat:typing', { groupId });
    // Fran's typing comes after theirs: once Ana has it, she would have had theirs.
    const fran = next(anaSocket, 'chat:typing', (t) => t.userId === founder.id);
    await must(await openChatSocket(nodes.b, founder.client), 'chat:typing', { groupId });
    await fran;
    expect(typers).toEqual([founder.id]);
  });
});
