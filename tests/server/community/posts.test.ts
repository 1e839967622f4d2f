import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/api-client.ts';
import { communityHaven, type Member } from './helpers.ts';

const t = communityHaven();
let seq = 0;

const postBody = (extra: Record<string, unknown> = {}) => ({
  kind: 'idea',
  title: `Urge surfing on the bus home ${seq++}`,
  body: 'When the urge hits on the way home I notice where I feel it and let it peak and pass.',
  point: 2,
  ...extra,
});

async function createPost(author: Member, extra: Record<string, unknown> = {}) {
  const response = await author.client.post('/api/posts', postBody(extra));
  expect(response.status).toBe(201);
  return response.body.post as { id: string; title: string };
}

const report = (member: Member, postId: string, reason = 'harmful') =>
  member.client.post(`/api/posts/${postId}/report`, { reason });

describe('sharing posts', () => {
  it('needs a session', async () => {
    const anonymous = new ApiClient(t.haven.url);
    expect((await anonymous.get('/api/posts')).status).toBe(401);
    expect((await anonymous.get('/api/reports')).status).toBe(401);
    await anonymous.fetchCsrf();
    expect((await anonymous.post('/api/posts', postBody())).status).toBe(401);
  });

  it('shares ideas, videos and articles, showing the author by display name only', async () => {
    const alex = await t.member(['participant'], { displayName: 'Alex' });
    const idea = await alex.client.post('/api/posts', postBody());
    expect(idea.status).toBe(201);
    expect(idea.body.post).toMatchObject({
      kind: 'idea',
      point: 2,
      url: null,
      author: { id: alex.id, displayName: 'Alex' },
      commentCount: 0,
      status: 'visible',
      mine: true,
    });
    expect(Object.keys(idea.body.post.author).sort()).toEqual(['displayName', 'id']);
    const video = await alex.client.post(
      '/api/posts',
      postBody({ kind: 'video', point: 3, url: 'https://www.youtube.com/watch?v=abc123' }),
    );
    expect(video.status).toBe(201);
    expect(video.body.post.url).toBe('https://www.youtube.com/watch?v=abc123');
  });

  it('gives field errors for bad input and stores nothing', async () => {
    const member = await t.member();
    const before = await t.collection('community_posts').countDocuments();
    const cases: Array<[Record<string, unknown>, string]> = [
      [postBody({ kind: 'video' }), 'url'],
      [postBody({ kind: 'article', url: 'javascript:alert(1)' }), 'url'],
      [postBody({ kind: 'article', url: 'data:text/html,<script>x</script>' }), 'url'],
      [postBody({ kind: 'article', url: 'https://user:secret@example.net/a' }), 'url'],
      // Not addresses at all: once a 500, now field errors like any other.
      [postBody({ kind: 'article', url: 'example.com' }), 'url'],
      [postBody({ kind: 'article', url: 'http://' }), 'url'],
      [postBody({ kind: 'article', url: '//x' }), 'url'],
      [postBody({ kind: 'article', url: 'https://example.net\\@evil.example/a' }), 'url'],
      [postBody({ point: 5 }), 'point'],
      [postBody({ point: '2' }), 'point'],
      [postBody({ title: '' }), 'title'],
      [postBody({ kind: 'podcast' }), 'kind'],
      [postBody({ authorId: new Types.ObjectId().toString() }), '_'],
    ];
    for (const [body, field] of cases) {
      const response = await member.client.post('/api/posts', body);
      expect(response.status, field).toBe(400);
      expect(response.body.error.code).toBe('INVALID_INPUT');
      expect(Object.keys(response.body.error.fields), field).toContain(field);
    }
    expect(await t.collection('community_posts').countDocuments()).toBe(before);
  });

  it('lists newest first, filters by point and kind, and pages', async () => {
    const member = await t.member();
    const made: string[] = [];
    for (const point of [1, 4, 4, 4]) made.push((await createPost(member, { point })).id);
    const pointFour = made.slice(1).reverse();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: {
        status: number;
        body: { items: Array<{ id: string; point: number }>; nextCursor: string | null };
      } = await member.client.get(`/api/posts?point=4&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      for (const post of page.body.items) expect(post.point).toBe(4);
      seen.push(...page.body.items.map((p) => p.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.slice(0, 3)).toEqual(pointFour);
    const videos = await member.client.get('/api/posts?kind=video&limit=100');
    expect(videos.body.items.every((p: { kind: string }) => p.kind === 'video')).toBe(true);
    for (const query of [
      'point=abc',
      'point=0',
      'point[$gt]=0',
      'kind=podcast',
      'point=1&point=2',
    ]) {
      const response = await member.client.get(`/api/posts?${query}`);
      expect(response.status, query).toBe(400);
    }
  });

  it('never logs what members wrote', async () => {
    const member = await t.member();
    const marker = `private-words-${Date.now()}`;
    await createPost(member, { body: `Something I only share here: ${marker}` });
    expect(JSON.stringify(t.haven.logLines())).not.toContain(marker);
  });
});

describe('comments and deletion', () => {
  it('adds comments, counts them, and lets only the author delete', async () => {
    const author = await t.member(['participant'], { displayName: 'Alex' });
    const post = await createPost(author);
    const friend = await t.member(['participant'], { displayName: 'Sam' });
    const comment = await friend.client.post(`/api/posts/${post.id}/comments`, {
      body: 'Thank you, I tried this last night and it helped.',
    });
    expect(comment.status).toBe(201);
    expect(comment.body.comment).toMatchObject({
      author: { id: friend.id, displayName: 'Sam' },
      mine: true,
    });
    const detail = await author.client.get(`/api/posts/${post.id}`);
    expect(detail.body.post.commentCount).toBe(1);
    expect(detail.body.comments.map((c: { body: string }) => c.body)).toEqual([
      'Thank you, I tried this last night and it helped.',
    ]);
    expect(detail.text).not.toMatch(/@example\.org/);

    const commentPath = `/api/posts/${post.id}/comments/${comment.body.comment.id}`;
    expect((await author.client.delete(commentPath)).status).toBe(403);
    expect((await friend.client.delete(`/api/posts/${post.id}`)).status).toBe(403);
    expect((await friend.client.delete(commentPath)).status).toBe(204);
    expect((await author.client.get(`/api/posts/${post.id}`)).body.comments).toEqual([]);

    await friend.client.post(`/api/posts/${post.id}/comments`, { body: 'Still here.' });
    expect((await author.client.delete(`/api/posts/${post.id}`)).status).toBe(204);
    expect((await friend.client.get(`/api/posts/${post.id}`)).status).toBe(404);
    expect(
      await t
        .collection('community_comments')
        .countDocuments({ postId: new Types.ObjectId(post.id) }),
    ).toBe(0);
  });

  it('refuses empty comments and comments on missing posts', async () => {
    const member = await t.member();
    const post = await createPost(member);
    const empty = await member.client.post(`/api/posts/${post.id}/comments`, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.body).toBeDefined();
    const missing = await member.client.post(`/api/posts/${new Types.ObjectId()}/comments`, {
      body: 'Hi',
    });
    expect(missing.status).toBe(404);
  });
});

describe('reports and moderation', () => {
  it('takes one report per member and target', async () => {
    const author = await t.member();
    const post = await createPost(author);
    const reporter = await t.member();
    const first = await report(reporter, post.id);
    expect(first.status).toBe(201);
    expect(first.body.report.status).toBe('open');
    const again = await report(reporter, post.id, 'spam');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
    const bad = await reporter.client.post(`/api/posts/${post.id}/report`, { reason: 'boring' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.reason).toBeDefined();
    expect(
      await t
        .collection('community_reports')
        .countDocuments({ postId: new Types.ObjectId(post.id) }),
    ).toBe(1);
  });

  it('keeps the report queue and decisions to moderators and admins', async () => {
    const author = await t.member();
    const post = await createPost(author);
    const reporter = await t.member();
    const filed = await report(reporter, post.id);
    for (const role of [['participant'], ['facilitator'], ['trainer'], ['advisor']]) {
      const member = await t.member(role);
      expect((await member.client.get('/api/reports')).status, role[0]).toBe(403);
      const hide = await member.client.patch(`/api/reports/${filed.body.report.id}`, {
        action: 'hide',
      });
      expect(hide.status, role[0]).toBe(403);
    }
    expect((await reporter.client.get(`/api/posts/${post.id}`)).body.post.status).toBe('visible');
  });

  it('hides reported content from feeds, resolving every report about it', async () => {
    const author = await t.member(['participant'], { displayName: 'Alex' });
    const post = await createPost(author, { title: `Something hurtful ${seq++}` });
    const [r1, r2] = [await t.member(), await t.member()];
    const filed = await r1.client.post(`/api/posts/${post.id}/report`, {
      reason: 'harmful',
      note: 'Mocks people.',
    });
    await report(r2, post.id, 'spam');
    const moderator = await t.member(['moderator']);
    const queue = await moderator.client.get('/api/reports?limit=100');
    expect(queue.status).toBe(200);
    const mine = queue.body.items.find((r: { id: string }) => r.id === filed.body.report.id);
    expect(mine).toMatchObject({
      reason: 'harmful',
      note: 'Mocks people.',
      openReportsOnTarget: 2,
      target: {
        type: 'post',
        postId: post.id,
        title: post.title,
        author: { id: author.id, displayName: 'Alex' },
      },
    });
    // Reporters are never shown, not even to moderators.
    expect(queue.text).not.toContain(r1.id);
    expect(queue.text).not.toContain(r2.id);

    const hidden = await moderator.client.patch(`/api/reports/${filed.body.report.id}`, {
      action: 'hide',
    });
    expect(hidden.status).toBe(200);
    expect(hidden.body.report).toMatchObject({
      status: 'resolved',
      action: 'hide',
      target: { status: 'hidden' },
    });
    const feed = await r1.client.get('/api/posts?limit=100');
    expect(feed.body.items.map((p: { id: string }) => p.id)).not.toContain(post.id);
    expect((await r1.client.get(`/api/posts/${post.id}`)).status).toBe(404);
    expect((await author.client.get(`/api/posts/${post.id}`)).body.post.status).toBe('hidden');
    const open = await moderator.client.get('/api/reports?limit=100');
    expect(
      open.body.items.map((r: { target: { postId: string } }) => r.target.postId),
    ).not.toContain(post.id);
    const twice = await moderator.client.patch(`/api/reports/${filed.body.report.id}`, {
      action: 'dismiss',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('INVALID_TRANSITION');
  });

  it('dismisses a report and leaves the content up', async () => {
    const author = await t.member();
    const post = await createPost(author);
    const reporter = await t.member();
    const filed = await report(reporter, post.id, 'off-topic');
    const admin = await t.member(['admin']);
    const dismissed = await admin.client.patch(`/api/reports/${filed.body.report.id}`, {
      action: 'dismiss',
    });
    expect(dismissed.body.report).toMatchObject({ status: 'resolved', action: 'dismiss' });
    expect((await reporter.client.get(`/api/posts/${post.id}`)).status).toBe(200);
    const resolved = await admin.client.get('/api/reports?status=resolved&limit=100');
    expect(resolved.body.items.map((r: { id: string }) => r.id)).toContain(filed.body.report.id);
    const bad = await admin.client.patch(`/api/reports/${filed.body.report.id}`, {
      action: 'delete',
    });
    expect(bad.status).toBe(400);
  });

  it('lets no moderator decide a report about their own post or comment', async () => {
    const moderator = await t.member(['moderator']);
    const post = await createPost(moderator);
    const reporter = await t.member();
    const filed = await report(reporter, post.id, 'harmful');
    const comment = await moderator.client.post(`/api/posts/${post.id}/comments`, {
      body: 'My own reply',
    });
    const onComment = await reporter.client.post(
      `/api/posts/${post.id}/comments/${comment.body.comment.id}/report`,
      { reason: 'harmful' },
    );
    for (const id of [filed.body.report.id, onComment.body.report.id])
      for (const action of ['dismiss', 'hide']) {
        const own = await moderator.client.patch(`/api/reports/${id}`, { action });
        expect(own.status, action).toBe(403);
        expect(own.body.error.code).toBe('FORBIDDEN');
      }
    // Nothing changed: the reports wait for another moderator, who can decide them.
    const open = await moderator.client.get('/api/reports?limit=100');
    expect(open.body.items.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining([filed.body.report.id, onComment.body.report.id]),
    );
    const other = await t.member(['moderator']);
    const decided = await other.client.patch(`/api/reports/${filed.body.report.id}`, {
      action: 'dismiss',
    });
    expect(decided.status).toBe(200);
  });

  it('hides a reported comment for everyone but its author and staff', async () => {
    const author = await t.member();
    const post = await createPost(author);
    const commenter = await t.member();
    const comment = await commenter.client.post(`/api/posts/${post.id}/comments`, {
      body: 'Buy cheap pills here',
    });
    const commentId = comment.body.comment.id;
    const filed = await author.client.post(`/api/posts/${post.id}/comments/${commentId}/report`, {
      reason: 'spam',
    });
    expect(filed.status).toBe(201);
    const moderator = await t.member(['moderator']);
    const hidden = await moderator.client.patch(`/api/reports/${filed.body.report.id}`, {
      action: 'hide',
    });
    expect(hidden.body.report.target).toMatchObject({
      type: 'comment',
      commentId,
      status: 'hidden',
    });
    const asAuthor = await author.client.get(`/api/posts/${post.id}`);
    expect(asAuthor.body.comments).toEqual([]);
    expect(asAuthor.body.post.commentCount).toBe(0);
    const asCommenter = await commenter.client.get(`/api/posts/${post.id}`);
    expect(asCommenter.body.comments.map((c: { status: string }) => c.status)).toEqual(['hidden']);
  });

  it('closes open reports when the author deletes the content', async () => {
    const author = await t.member();
    const post = await createPost(author);
    const filed = await report(await t.member(), post.id);
    await author.client.delete(`/api/posts/${post.id}`);
    const stored = await t
      .collection('community_reports')
      .findOne({ _id: new Types.ObjectId(filed.body.report.id) });
    expect(stored).toMatchObject({ status: 'resolved', action: 'content-deleted' });
  });
});

describe('privacy across every response', () => {
  it('never sent an email to anyone in this file', () => {
    t.expectNoEmailsSeen();
  });
});
