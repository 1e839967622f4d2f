import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/api-client.ts';
import { communityHaven, type Member } from './helpers.ts';

const t = communityHaven();
let seq = 0;

const give = (member: Member, extra: Record<string, unknown> = {}) =>
  member.client.post('/api/feedback', {
    topic: 'meetings',
    message: `The online meetings could start with a short check-in round ${seq++}.`,
    ...extra,
  });

describe('giving feedback', () => {
  it('needs a session', async () => {
    const anonymous = await ApiClient.signedOut(t.haven.url);
    const response = await anonymous.post('/api/feedback', { topic: 'haven', message: 'Hello' });
    expect(response.status).toBe(401);
    expect((await anonymous.get('/api/feedback/mine')).status).toBe(401);
  });

  it('stores who gave it, unless it is anonymous: then no member id at all', async () => {
    const member = await t.member();
    const named = await give(member);
    expect(named.status).toBe(201);
    expect(named.body.feedback).toMatchObject({
      topic: 'meetings',
      status: 'new',
      anonymous: false,
      response: null,
    });
    const anonymous = await give(member, { topic: 'programme', anonymous: true });
    expect(anonymous.status).toBe(201);
    const stored = await t
      .collection('community_feedback')
      .findOne({ _id: new Types.ObjectId(anonymous.body.feedback.id) });
    expect(stored?.memberId).toBeNull();
    expect(JSON.stringify(stored)).not.toContain(member.id);
    const storedNamed = await t
      .collection('community_feedback')
      .findOne({ _id: new Types.ObjectId(named.body.feedback.id) });
    expect(String(storedNamed?.memberId)).toBe(member.id);

    const mine = await member.client.get('/api/feedback/mine');
    expect(mine.body.items.map((f: { id: string }) => f.id)).toEqual([named.body.feedback.id]);
  });

  it('gives field errors for bad input and stores nothing', async () => {
    const member = await t.member();
    const before = await t.collection('community_feedback').countDocuments();
    for (const [body, field] of [
      [{ topic: 'food', message: 'x' }, 'topic'],
      [{ topic: 'haven', message: '' }, 'message'],
      [{ topic: 'haven', message: 'x'.repeat(4001) }, 'message'],
      [{ topic: 'haven', message: 'ok', anonymous: 'yes' }, 'anonymous'],
      [{ topic: 'haven', message: 'ok', memberId: member.id }, '_'],
      [{ topic: 'haven', message: 'ok', status: 'done' }, '_'],
    ] as const) {
      const response = await member.client.post('/api/feedback', body);
      expect(response.status, field).toBe(400);
      expect(Object.keys(response.body.error.fields), field).toContain(field);
    }
    expect(await t.collection('community_feedback').countDocuments()).toBe(before);
  });

  it('never logs the message', async () => {
    const member = await t.member();
    const marker = `feedback-words-${Date.now()}`;
    await give(member, { message: `Please hear this: ${marker}` });
    expect(JSON.stringify(t.haven.logLines())).not.toContain(marker);
  });
});

describe('triage by admins', () => {
  it('keeps the list and status changes to admins', async () => {
    const member = await t.member();
    const given = await give(member);
    for (const role of ['participant', 'moderator', 'advisor', 'facilitator']) {
      const other = await t.member([role]);
      expect((await other.client.get('/api/feedback')).status, role).toBe(403);
      const patch = await other.client.patch(`/api/feedback/${given.body.feedback.id}`, {
        status: 'done',
      });
      expect(patch.status, role).toBe(403);
    }
    const stored = await t
      .collection('community_feedback')
      .findOne({ _id: new Types.ObjectId(given.body.feedback.id) });
    expect(stored?.status).toBe('new');
  });

  it('lists newest first with who gave it (or null), filters by status, and pages', async () => {
    const member = await t.member(['participant'], { displayName: 'Robin' });
    const named = await give(member, { topic: 'training' });
    const anonymous = await give(member, { anonymous: true });
    const admin = await t.member(['admin']);
    const list = await admin.client.get('/api/feedback?status=new&limit=100');
    expect(list.status).toBe(200);
    const byId = new Map(list.body.items.map((f: { id: string }) => [f.id, f]));
    expect(byId.get(named.body.feedback.id)).toMatchObject({
      from: { id: member.id, displayName: 'Robin' },
    });
    expect(byId.get(anonymous.body.feedback.id)).toMatchObject({ from: null, anonymous: true });
    expect(list.text).not.toMatch(/@example\.org/);
    expect(list.body.items[0].id).toBe(anonymous.body.feedback.id);

    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } =
        await admin.client.get(`/api/feedback?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      ids.push(...page.body.items.map((f) => f.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(await t.collection('community_feedback').countDocuments());
    for (const query of ['status=closed', 'status[$ne]=new', 'cursor=abc']) {
      expect((await admin.client.get(`/api/feedback?${query}`)).status, query).toBe(400);
    }
  });

  it('answers feedback; the member sees the status and response', async () => {
    const member = await t.member();
    const given = await give(member, { topic: 'haven' });
    const admin = await t.member(['admin']);
    const updated = await admin.client.patch(`/api/feedback/${given.body.feedback.id}`, {
      status: 'planned',
      response: 'Thank you — we will add a check-in prompt for facilitators next month.',
    });
    expect(updated.status).toBe(200);
    expect(updated.body.feedback).toMatchObject({ status: 'planned' });
    expect(updated.body.feedback.respondedAt).not.toBeNull();
    const mine = await member.client.get('/api/feedback/mine');
    expect(mine.body.items[0]).toMatchObject({
      id: given.body.feedback.id,
      status: 'planned',
      response: 'Thank you — we will add a check-in prompt for facilitators next month.',
    });
    expect(
      (await admin.client.get('/api/feedback?status=planned')).body.items.map(
        (f: { id: string }) => f.id,
      ),
    ).toContain(given.body.feedback.id);
    const bad = await admin.client.patch(`/api/feedback/${given.body.feedback.id}`, {
      status: 'archived',
    });
    expect(bad.status).toBe(400);
    const missing = await admin.client.patch(`/api/feedback/${new Types.ObjectId()}`, {
      status: 'done',
    });
    expect(missing.status).toBe(404);
  });
});

describe('privacy across every response', () => {
  it('never sent an email to anyone in this file', () => {
    t.expectNoEmailsSeen();
  });
});

describe('OpenAPI', () => {
  it('documents the community routes from the same schemas', async () => {
    const response = await fetch(`${t.haven.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/groups',
        '/groups/{id}',
        '/groups/{id}/join',
        '/groups/{id}/leave',
        '/groups/{id}/moderators',
        '/groups/{id}/moderators/{userId}',
        '/events',
        '/events/{id}',
        '/events/{id}/rsvp',
        '/posts',
        '/posts/{id}',
        '/posts/{id}/comments',
        '/posts/{id}/report',
        '/reports',
        '/reports/{id}',
        '/feedback',
        '/feedback/{id}',
        '/feedback/mine',
      ]),
    );
    expect(doc.paths['/events'].post.requestBody.content['application/json'].schema).toBeDefined();
  });
});
