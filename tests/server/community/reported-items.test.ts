import { describe, expect, it } from 'vitest';
import { reportedItemPage } from '../../../shared/api/community.ts';
import { communityHaven, type Member } from './helpers.ts';

// Issue 18, finding 6: the moderation queue holds one entry per reported item (its
// reports newest first), a decision covers all of the item's open reports, and hiding can
// be undone (the item's reports open again).

const t = communityHaven();
let seq = 0;

async function createPost(author: Member) {
  const response = await author.client.post('/api/posts', {
    kind: 'idea',
    title: `Reported twice ${seq++}`,
    body: 'Words two members found hurtful, for the moderators to judge.',
    point: 2,
  });
  expect(response.status, response.text).toBe(201);
  return response.body.post as { id: string };
}

async function comment(author: Member, postId: string) {
  const response = await author.client.post(`/api/posts/${postId}/comments`, {
    body: 'A comment someone reports.',
  });
  expect(response.status, response.text).toBe(201);
  return response.body.comment.id as string;
}

async function items(who: Member, status = 'open') {
  const response = await who.client.get(`/api/reports/items?status=${status}&limit=100`);
  expect(response.status, response.text).toBe(200);
  return reportedItemPage.parse(response.body).items;
}

const key = (postId: string, commentId: string | null = null) => ({ postId, commentId });

describe('the grouped queue', () => {
  it('shows an item reported twice once, with each reason newest first and no reporter', async () => {
    const author = await t.member();
    const post = await createPost(author);
    const [r1, r2] = [await t.member(), await t.member()];
    expect(
      (await r1.client.post(`/api/posts/${post.id}/report`, { reason: 'harmful', note: 'Mean.' }))
        .status,
    ).toBe(201);
    expect((await r2.client.post(`/api/posts/${post.id}/report`, { reason: 'spam' })).status).toBe(
      201,
    );
    const commentId = await comment(author, post.id);
    expect(
      (
        await r1.client.post(`/api/posts/${post.id}/comments/${commentId}/report`, {
          reason: 'other',
        })
      ).status,
    ).toBe(201);
    const moderator = await t.member(['moderator']);
    const queue = await items(moderator);
    const mine = queue.filter((item) => item.target.postId === post.id);
    expect(mine.map((item) => [item.target.type, item.count])).toEqual([
      ['post', 2],
      ['comment', 1],
    ]);
    expect(mine[0]?.reports.map((r) => [r.reason, r.note])).toEqual([
      ['spam', null],
      ['harmful', 'Mean.'],
    ]);
    const text = JSON.stringify(queue);
    expect(text).not.toContain(r1.id);
    expect(text).not.toContain(r2.id);
  });

  it('pages through items, each once', async () => {
    const author = await t.member();
    const reporter = await t.member();
    for (let n = 0; n < 3; n++) {
      const post = await createPost(author);
      await reporter.client.post(`/api/posts/${post.id}/report`, { reason: 'spam' });
    }
    const moderator = await t.member(['moderator']);
    const id = (item: { target: { postId: string; commentId: string | null } }) =>
      `${item.target.postId}:${item.target.commentId}`;
    const all = (await items(moderator)).map(id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const response = await moderator.client.get(`/api/reports/items?limit=2${query}`);
      expect(response.status, response.text).toBe(200);
      const page = reportedItemPage.parse(response.body);
      seen.push(...page.items.map(id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('deciding on an item', () => {
  it('dismisses every open report of the item at once', async () => {
    const author = await t.member();
    const post = await createPost(author);
    for (const reason of ['spam', 'off-topic']) {
      const reporter = await t.member();
      await reporter.client.post(`/api/posts/${post.id}/report`, { reason });
    }
    const moderator = await t.member(['moderator']);
    const done = await moderator.client.post(`/api/posts/${post.id}/moderation`, {
      action: 'dismiss',
    });
    expect(done.status, done.text).toBe(200);
    expect(done.body.item).toMatchObject({ count: 2, target: { status: 'visible' } });
    expect(done.body.item.reports.map((r: { status: string }) => r.status)).toEqual([
      'resolved',
      'resolved',
    ]);
    expect((await items(moderator)).some((item) => item.target.postId === post.id)).toBe(false);
    const again = await moderator.client.post(`/api/posts/${post.id}/moderation`, {
      action: 'hide',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
    expect((await author.client.get(`/api/posts/${post.id}`)).body.post.status).toBe('visible');
  });

  it('hides a comment, and undoes it: the comment shows again and its reports reopen', async () => {
    const author = await t.member();
    const post = await createPost(author);
    const commentId = await comment(author, post.id);
    const reporter = await t.member();
    await reporter.client.post(`/api/posts/${post.id}/comments/${commentId}/report`, {
      reason: 'harmful',
    });
    const moderator = await t.member(['moderator']);
    const path = `/api/posts/${post.id}/comments/${commentId}`;
    const hidden = await moderator.client.post(`${path}/moderation`, { action: 'hide' });
    expect(hidden.status, hidden.text).toBe(200);
    expect(hidden.body.item.target).toMatchObject({ ...key(post.id, commentId), status: 'hidden' });
    const seen = async () =>
      (await reporter.client.get(`/api/posts/${post.id}`)).body.comments.map(
        (c: { id: string }) => c.id,
      );
    expect(await seen()).not.toContain(commentId);

    const undone = await moderator.client.post(`${path}/unhide`, {});
    expect(undone.status, undone.text).toBe(200);
    expect(undone.body.item).toMatchObject({ count: 1, target: { status: 'visible' } });
    expect(await seen()).toContain(commentId);
    const open = await items(moderator);
    expect(open.find((item) => item.target.commentId === commentId)?.reports[0]?.status).toBe(
      'open',
    );
    // Nothing hidden any more: a second undo is refused and changes nothing.
    const twice = await moderator.client.post(`${path}/unhide`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('INVALID_TRANSITION');
  });

  it('keeps deciding and undoing to moderators and admins, not on their own words', async () => {
    const author = await t.member(['moderator']);
    const post = await createPost(author);
    const reporter = await t.member();
    await reporter.client.post(`/api/posts/${post.id}/report`, { reason: 'spam' });
    for (const roles of [['participant'], ['facilitator'], ['advisor']]) {
      const member = await t.member(roles);
      expect((await member.client.get('/api/reports/items')).status, roles[0]).toBe(403);
      const hide = await member.client.post(`/api/posts/${post.id}/moderation`, {
        action: 'hide',
      });
      expect(hide.status, roles[0]).toBe(403);
      expect((await member.client.post(`/api/posts/${post.id}/unhide`, {})).status).toBe(403);
    }
    const own = await author.client.post(`/api/posts/${post.id}/moderation`, { action: 'hide' });
    expect(own.status).toBe(403);
    expect((await author.client.get(`/api/posts/${post.id}`)).body.post.status).toBe('visible');
    const admin = await t.member(['admin']);
    const bad = await admin.client.post(`/api/posts/${post.id}/moderation`, { action: 'ban' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_INPUT');
    const none = await admin.client.post(`/api/posts/${'0'.repeat(24)}/moderation`, {
      action: 'hide',
    });
    expect(none.status).toBe(404);
    expect(
      (await admin.client.post(`/api/posts/${post.id}/moderation`, { action: 'hide' })).status,
    ).toBe(200);
    // Undo is judged like hiding: not the author's to undo.
    expect((await author.client.post(`/api/posts/${post.id}/unhide`, {})).status).toBe(403);
    expect((await admin.client.post(`/api/posts/${post.id}/unhide`, {})).status).toBe(200);
  });
});
