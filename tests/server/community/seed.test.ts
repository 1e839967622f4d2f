import { describe, expect, it } from 'vitest';
import { seedAccounts } from '../../../server/accounts/seed.ts';
import { seedCommunity } from '../../../server/community/seed.ts';
import { ApiClient } from '../../helpers/api-client.ts';
import { communityHaven } from './helpers.ts';

const t = communityHaven();

describe('demo seed', () => {
  it('creates groups, events, posts, one open report and feedback, all through the rules', async () => {
    const context = await seedAccounts(t.haven.mongo.connection);
    await seedCommunity(context);

    const groups = await t.collection('community_groups').find({}).toArray();
    expect(groups.map((g) => g.language).sort()).toEqual(expect.arrayContaining(['en', 'es']));
    expect(new Set(groups.map((g) => g.area?.country).filter(Boolean))).toEqual(
      new Set(['GB', 'ES', 'US', 'MX', 'AU']),
    );
    expect(groups.filter((g) => g.kind === 'topic').length).toBeGreaterThanOrEqual(2);
    expect(groups.some((g) => g.moderatorIds.length > 1)).toBe(true);

    const events = await t.collection('community_events').find({}).toArray();
    expect(new Set(events.map((e) => e.kind))).toEqual(
      new Set(['social', 'conference', 'training-day']),
    );
    for (const event of events) {
      expect(event.startsAt.getTime()).toBeGreaterThan(Date.now());
      expect(event.goingCount).toBe(event.attendees.length);
      expect(event.goingCount).toBeGreaterThan(0);
    }

    const posts = await t.collection('community_posts').find({}).toArray();
    expect(new Set(posts.map((post) => post.point))).toEqual(new Set([1, 2, 3, 4]));
    expect(new Set(posts.map((post) => post.kind))).toEqual(new Set(['idea', 'video', 'article']));
    expect(await t.collection('community_comments').countDocuments()).toBeGreaterThan(5);
    expect(await t.collection('community_reports').countDocuments({ status: 'open' })).toBe(1);
    const feedback = await t.collection('community_feedback').find({}).toArray();
    expect(new Set(feedback.map((f) => f.status))).toEqual(
      new Set(['new', 'under-review', 'planned', 'done', 'declined']),
    );
    // Backdated, so the admin's list reads like a real inbox.
    expect(new Set(feedback.map((f) => f.createdAt.toISOString().slice(0, 10))).size).toBe(5);

    // The demo moderator sees the report, and the feed shows the posts newest first.
    const moderator = new ApiClient(t.haven.url);
    expect((await moderator.login('moderator@haven.local', 'haven-demo')).status).toBe(200);
    const queue = await moderator.get('/api/reports');
    expect(queue.body.items).toHaveLength(1);
    expect(queue.body.items[0].target.type).toBe('comment');
    const feed = await moderator.get('/api/posts');
    const dates = feed.body.items.map((post: { createdAt: string }) => post.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
    const manchester = groups.find((g) => g.name === 'Manchester SMART Community');
    const detail = await moderator.get(`/api/groups/${manchester?._id}`);
    expect(detail.body.members.hiddenCount).toBe(1);
    expect(detail.text).not.toMatch(/@haven\.local/);
  });
});
