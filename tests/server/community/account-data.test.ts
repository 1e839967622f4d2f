import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { communityHaven, inDays, type Member } from './helpers.ts';

const t = communityHaven();
const oid = (id: string) => new Types.ObjectId(id);

/** A member who took part in everything, and a friend whose things must survive. */
async function activeMember() {
  const me = await t.member(['facilitator'], { displayName: 'Leaving', listed: true });
  const friend = await t.member(['participant'], { displayName: 'Staying', listed: true });
  const group = (
    await me.client.post('/api/groups', {
      name: 'Cleveland early recovery',
      description: 'For the first ninety days and beyond.',
      language: 'en',
      kind: 'topic',
      topic: 'Early recovery',
      area: { country: 'US', city: 'Cleveland' },
    })
  ).body.group;
  await friend.client.post(`/api/groups/${group.id}/join`);
  const friendsGroup = (
    await (
      await t.member(['moderator'])
    ).client.post('/api/groups', {
      name: 'Ohio family and friends',
      description: 'For those who love someone in recovery.',
      language: 'en',
      kind: 'area',
      area: { country: 'US', region: 'Ohio' },
    })
  ).body.group;
  await me.client.post(`/api/groups/${friendsGroup.id}/join`);

  const myEvent = (
    await me.client.post('/api/events', {
      title: 'Lakefront walk',
      description: 'Meet at the pier.',
      kind: 'social',
      startsAt: inDays(5, 14),
      endsAt: inDays(5, 16),
      timeZone: 'America/New_York',
      location: { type: 'in-person', venue: 'Edgewater pier', city: 'Cleveland', country: 'US' },
      capacity: 10,
    })
  ).body.event;
  await friend.client.post(`/api/events/${myEvent.id}/rsvp`, { going: true });
  const friendsEvent = (
    await friend.client.post('/api/events', {
      title: 'Board games night',
      description: 'Alcohol-free, snacks provided.',
      kind: 'social',
      startsAt: inDays(6, 23),
      endsAt: inDays(7, 1),
      timeZone: 'America/New_York',
      location: { type: 'in-person', venue: 'Library room B', city: 'Cleveland', country: 'US' },
      capacity: 2,
    })
  ).body.event;
  await me.client.post(`/api/events/${friendsEvent.id}/rsvp`, { going: true });

  const myPost = (
    await me.client.post('/api/posts', {
      kind: 'idea',
      title: 'My cost-benefit analysis',
      body: 'Writing it down made the choice clearer.',
      point: 1,
    })
  ).body.post;
  await friend.client.post(`/api/posts/${myPost.id}/comments`, { body: 'Same for me.' });
  const friendsPost = (
    await friend.client.post('/api/posts', {
      kind: 'article',
      title: 'Balance and sleep',
      body: 'A good read.',
      url: 'https://www.example.net/sleep',
      point: 4,
    })
  ).body.post;
  const myComment = (
    await me.client.post(`/api/posts/${friendsPost.id}/comments`, { body: 'Thanks!' })
  ).body.comment;
  const myReport = (
    await me.client.post(`/api/posts/${friendsPost.id}/report`, {
      reason: 'other',
      note: 'Paywalled',
    })
  ).body.report;
  const named = (
    await me.client.post('/api/feedback', {
      topic: 'training',
      message: 'More evening slots please.',
    })
  ).body.feedback;
  const anonymous = (
    await me.client.post('/api/feedback', {
      topic: 'haven',
      message: 'Dark mode?',
      anonymous: true,
    })
  ).body.feedback;
  return {
    me,
    friend,
    group,
    friendsGroup,
    myEvent,
    friendsEvent,
    myPost,
    friendsPost,
    myComment,
    myReport,
    named,
    anonymous,
  };
}

describe('account export and deletion', () => {
  it('exports what the member created and joined', async () => {
    const s = await activeMember();
    const exported = await s.me.client.get('/api/me/export');
    expect(exported.status).toBe(200);
    const data = exported.body;
    expect(data.communityGroups.groupsCreated.map((g: { id: string }) => g.id)).toEqual([
      s.group.id,
    ]);
    expect(
      data.communityGroups.memberships
        .map((m: { groupId: string; moderator: boolean }) => [m.groupId, m.moderator])
        .sort(),
    ).toEqual(
      [
        [s.group.id, true],
        [s.friendsGroup.id, false],
      ].sort(),
    );
    expect(data.communityEvents.eventsOrganised.map((e: { id: string }) => e.id)).toEqual([
      s.myEvent.id,
    ]);
    expect(data.communityEvents.eventsGoing.map((e: { id: string }) => e.id)).toEqual([
      s.friendsEvent.id,
    ]);
    expect(data.communityPosts.posts.map((p: { body: string }) => p.body)).toEqual([
      'Writing it down made the choice clearer.',
    ]);
    expect(data.communityPosts.comments.map((c: { id: string }) => c.id)).toEqual([s.myComment.id]);
    expect(data.communityPosts.reportsFiled).toMatchObject([
      { id: s.myReport.id, reason: 'other', note: 'Paywalled' },
    ]);
    // Anonymous feedback cannot be linked to anyone, so it is not "theirs" to export.
    expect(data.communityFeedback.feedback.map((f: { id: string }) => f.id)).toEqual([s.named.id]);
    // Someone else's words are not part of this member's export.
    expect(exported.text).not.toContain('Same for me.');
  });

  it('erases memberships, RSVPs, posts and comments, and anonymises the rest', async () => {
    const s = await activeMember();
    const me = oid(s.me.id);
    expect((await s.me.client.delete('/api/me')).status).toBe(204);

    expect(await t.collection('community_group_memberships').countDocuments({ userId: me })).toBe(
      0,
    );
    const group = await t.collection('community_groups').findOne({ _id: oid(s.group.id) });
    expect(group).toMatchObject({ createdBy: null, moderatorIds: [] });
    // The group stays for the friend, who still sees it.
    const seen = await s.friend.client.get(`/api/groups/${s.group.id}`);
    expect(seen.body.group).toMatchObject({ memberCount: 1, createdBy: null, moderators: [] });

    const friendsEvent = await s.friend.client.get(`/api/events/${s.friendsEvent.id}`);
    expect(friendsEvent.body.event).toMatchObject({ goingCount: 0, placesLeft: 2, attendees: [] });
    const myEvent = await s.friend.client.get(`/api/events/${s.myEvent.id}`);
    expect(myEvent.body.event).toMatchObject({ createdBy: null, goingCount: 1, amGoing: true });

    expect(await t.collection('community_posts').countDocuments({ authorId: me })).toBe(0);
    expect((await s.friend.client.get(`/api/posts/${s.myPost.id}`)).status).toBe(404);
    expect(await t.collection('community_comments').countDocuments({ authorId: me })).toBe(0);
    expect(
      await t.collection('community_comments').countDocuments({ postId: oid(s.myPost.id) }),
    ).toBe(0);
    expect((await s.friend.client.get(`/api/posts/${s.friendsPost.id}`)).body.comments).toEqual([]);

    const report = await t.collection('community_reports').findOne({ _id: oid(s.myReport.id) });
    expect(report).toMatchObject({ reporterId: null, reason: 'other', status: 'open' });
    const feedback = await t.collection('community_feedback').findOne({ _id: oid(s.named.id) });
    expect(feedback).toMatchObject({ memberId: null, message: 'More evening slots please.' });

    for (const name of [
      'community_groups',
      'community_group_memberships',
      'community_events',
      'community_posts',
      'community_comments',
      'community_reports',
      'community_feedback',
    ]) {
      const docs = await t.collection(name).find({}).toArray();
      expect(JSON.stringify(docs), name).not.toContain(s.me.id);
    }
  });

  it('anonymises reports by two deleted members about the same post without a clash', async () => {
    const author = await t.member();
    const post = (
      await author.client.post('/api/posts', {
        kind: 'idea',
        title: 'A thought',
        body: 'Text',
        point: 3,
      })
    ).body.post;
    const reporters: Member[] = [await t.member(), await t.member()];
    for (const reporter of reporters) {
      expect(
        (await reporter.client.post(`/api/posts/${post.id}/report`, { reason: 'spam' })).status,
      ).toBe(201);
    }
    for (const reporter of reporters)
      expect((await reporter.client.delete('/api/me')).status).toBe(204);
    const reports = await t
      .collection('community_reports')
      .find({ postId: oid(post.id) })
      .toArray();
    expect(reports.map((r) => r.reporterId)).toEqual([null, null]);
    const moderator = await t.member(['moderator']);
    const queue = await moderator.client.get('/api/reports?limit=100');
    expect(
      queue.body.items.filter((r: { target: { postId: string } }) => r.target.postId === post.id),
    ).toHaveLength(2);
  });
});
