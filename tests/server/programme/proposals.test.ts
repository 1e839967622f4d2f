import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../helpers/api-client.ts';
import { havenPerFile, member, models, visitor } from './helpers.ts';

const haven = havenPerFile();
type Member = { client: ApiClient; id: string };
let proposer: Member;
let bystander: Member;
let advisor: Member;
let secondAdvisor: Member;
let admin: Member;
let moderator: Member;

beforeAll(async () => {
  proposer = await member(haven(), ['participant'], 'Rowan');
  bystander = await member(haven());
  advisor = await member(haven(), ['advisor'], 'Prof. Okafor');
  secondAdvisor = await member(haven(), ['advisor']);
  admin = await member(haven(), ['admin'], 'Board');
  moderator = await member(haven(), ['moderator', 'trainer', 'champion', 'facilitator']);
});

const proposalBody = (title = 'Urge surfing') => ({
  title,
  point: 2,
  description: 'A short guided exercise for riding out an urge without acting on it.',
  evidence: [
    {
      citation: 'Bowen S, et al. JAMA Psychiatry. 2014;71(5):547-556.',
      url: 'https://doi.org/10.1001/jamapsychiatry.2013.4546',
    },
  ],
});
const review = { recommendation: 'recommend', comments: 'Well supported; keep it simple.' };
const decision = { decision: 'approved', reason: 'Recommended by the advisors.' };

async function propose(by: Member = proposer, title?: string): Promise<string> {
  const response = await by.client.post('/api/proposals', proposalBody(title));
  expect(response.status).toBe(201);
  return response.body.proposal.id;
}
const read = async (id: string) =>
  (await bystander.client.get(`/api/proposals/${id}`)).body.proposal;
const reviewed = async (id: string) => {
  expect((await advisor.client.post(`/api/proposals/${id}/reviews`, review)).status).toBe(200);
};
const near = (iso: string, since: number) => {
  const at = Date.parse(iso);
  expect(at).toBeGreaterThanOrEqual(since - 1000);
  expect(at).toBeLessThanOrEqual(Date.now() + 1000);
};

describe('proposing', () => {
  it('records the submission in the history with who and when', async () => {
    const since = Date.now();
    const id = await propose();
    const proposal = await read(id);
    expect(proposal).toMatchObject({
      state: 'submitted',
      proposerId: proposer.id,
      reviews: [],
      decision: null,
    });
    expect(proposal.proposer).toMatchObject({ id: proposer.id, displayName: 'Rowan' });
    expect(proposal.proposer).not.toHaveProperty('email');
    expect(proposal.history).toEqual([
      expect.objectContaining({ action: 'submitted', state: 'submitted', actorId: proposer.id }),
    ]);
    near(proposal.history[0].at, since);
  });

  it.each([
    [{ ...proposalBody(), evidence: [] }, 'evidence'],
    [{ ...proposalBody(), point: 5 }, 'point'],
    [{ ...proposalBody(), description: 'too short' }, 'description'],
    [
      { ...proposalBody(), evidence: [{ citation: 'A study', url: 'javascript:alert(1)' }] },
      'evidence.0.url',
    ],
    [
      { ...proposalBody(), evidence: [{ citation: 'A study', url: 'https://a@b.example/paper' }] },
      'evidence.0.url',
    ],
    [{ ...proposalBody(), evidence: [{ citation: 'A study', url: '//x' }] }, 'evidence.0.url'],
    [{ ...proposalBody(), state: 'approved' }, '_'],
    [{ ...proposalBody(), title: { $ne: null } }, 'title'],
  ])('refuses %j (400, field %s) and stores nothing', async (body, field) => {
    const before = await models(haven()).Proposal.countDocuments();
    const response = await proposer.client.post('/api/proposals', body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_INPUT');
    if (!JSON.stringify(body).includes('$ne'))
      expect(response.body.error.fields).toHaveProperty([field]);
    expect(await models(haven()).Proposal.countDocuments()).toBe(before);
  });

  it('shows the board to signed-in members only, filtered and paged', async () => {
    const visitorResponse = await (await visitor(haven())).get('/api/proposals');
    expect(visitorResponse.status).toBe(401);
    const id = await propose(bystander, 'Balance pie');
    await bystander.client.post(`/api/proposals/${id}/withdraw`);
    const withdrawn = (await proposer.client.get('/api/proposals?state=withdrawn')).body.items;
    expect(withdrawn.map((p: { id: string }) => p.id)).toContain(id);
    expect(withdrawn.every((p: { state: string }) => p.state === 'withdrawn')).toBe(true);
    const point4 = (await proposer.client.get('/api/proposals?point=4')).body.items;
    expect(point4).toEqual([]);
    const first = await proposer.client.get('/api/proposals?limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await proposer.client.get(
      `/api/proposals?limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect((await proposer.client.get('/api/proposals?state=lost')).status).toBe(400);
  });

  it('answers 404 for an unknown proposal', async () => {
    const missing = '0123456789abcdef01234567';
    expect((await bystander.client.get(`/api/proposals/${missing}`)).status).toBe(404);
    expect((await advisor.client.post(`/api/proposals/${missing}/reviews`, review)).status).toBe(
      404,
    );
    expect((await admin.client.post(`/api/proposals/${missing}/decision`, decision)).status).toBe(
      404,
    );
  });
});

describe('who may do what', () => {
  it('lets only advisors review (403 for everyone else, nothing changes)', async () => {
    const id = await propose();
    for (const someone of [proposer, bystander, admin, moderator]) {
      const response = await someone.client.post(`/api/proposals/${id}/reviews`, review);
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    }
    expect(await read(id)).toMatchObject({ state: 'submitted', reviews: [] });
  });

  it('does not let an advisor review their own proposal', async () => {
    const id = await propose(advisor);
    expect((await advisor.client.post(`/api/proposals/${id}/reviews`, review)).status).toBe(403);
    expect((await read(id)).state).toBe('submitted');
  });

  it('lets only admins decide (403 for everyone else, nothing changes)', async () => {
    const id = await propose();
    await reviewed(id);
    for (const someone of [proposer, bystander, advisor, moderator]) {
      const response = await someone.client.post(`/api/proposals/${id}/decision`, decision);
      expect(response.status).toBe(403);
    }
    expect(await read(id)).toMatchObject({ state: 'under-review', decision: null });
  });

  it('lets only the proposer withdraw', async () => {
    const id = await propose();
    for (const someone of [bystander, advisor, admin]) {
      expect((await someone.client.post(`/api/proposals/${id}/withdraw`)).status).toBe(403);
    }
    expect((await read(id)).state).toBe('submitted');
  });

  it('refuses a decision without a reason, or an unknown decision', async () => {
    const id = await propose();
    await reviewed(id);
    for (const body of [{ decision: 'approved' }, { decision: 'maybe', reason: 'unsure yet' }]) {
      const response = await admin.client.post(`/api/proposals/${id}/decision`, body);
      expect(response.status).toBe(400);
    }
    expect((await read(id)).state).toBe('under-review');
  });
});

describe('the review and decision workflow', () => {
  it('moves submitted → under-review → approved, one review per advisor, all in the history', async () => {
    const since = Date.now();
    const id = await propose();
    await reviewed(id);
    expect(await read(id)).toMatchObject({ state: 'under-review', reviewCount: 1 });

    const update = {
      recommendation: 'do-not-recommend',
      comments: 'On reflection, needs a script.',
    };
    const again = await advisor.client.post(`/api/proposals/${id}/reviews`, update);
    expect(again.body.proposal.reviews).toEqual([
      expect.objectContaining({ advisorId: advisor.id, ...update }),
    ]);
    await secondAdvisor.client.post(`/api/proposals/${id}/reviews`, review);
    const decided = await admin.client.post(`/api/proposals/${id}/decision`, decision);
    expect(decided.status).toBe(200);

    const proposal = await read(id);
    expect(proposal.state).toBe('approved');
    expect(proposal.reviews).toHaveLength(2);
    expect(proposal.reviews[0].advisor).toMatchObject({ displayName: 'Prof. Okafor' });
    expect(proposal.decision).toMatchObject({
      ...decision,
      actorId: admin.id,
      actor: { displayName: 'Board' },
    });
    expect(
      proposal.history.map((h: { action: string; state: string; actorId: string }) => [
        h.action,
        h.state,
        h.actorId,
      ]),
    ).toEqual([
      ['submitted', 'submitted', proposer.id],
      ['reviewed', 'under-review', advisor.id],
      ['review-updated', 'under-review', advisor.id],
      ['reviewed', 'under-review', secondAdvisor.id],
      ['approved', 'approved', admin.id],
    ]);
    for (const step of proposal.history) near(step.at, since);
  });

  it('refuses a decision before any review with 409, leaving it submitted', async () => {
    const id = await propose();
    const response = await admin.client.post(`/api/proposals/${id}/decision`, decision);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('INVALID_TRANSITION');
    expect(await read(id)).toMatchObject({
      state: 'submitted',
      decision: null,
      history: [expect.anything()],
    });
  });

  it('moves nothing after a decision: decide twice, review, withdraw all answer 409', async () => {
    const id = await propose();
    await reviewed(id);
    await admin.client.post(`/api/proposals/${id}/decision`, {
      decision: 'declined',
      reason: 'Not for peer-led meetings.',
    });
    const before = await read(id);
    const attempts = [
      await admin.client.post(`/api/proposals/${id}/decision`, decision),
      await advisor.client.post(`/api/proposals/${id}/reviews`, {
        ...review,
        comments: 'changed my mind',
      }),
      await secondAdvisor.client.post(`/api/proposals/${id}/reviews`, review),
      await proposer.client.post(`/api/proposals/${id}/withdraw`),
    ];
    for (const response of attempts) {
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('INVALID_TRANSITION');
    }
    expect(await read(id)).toEqual(before);
  });

  it('moves nothing after a withdrawal either', async () => {
    const id = await propose();
    await reviewed(id);
    expect((await proposer.client.post(`/api/proposals/${id}/withdraw`)).body.proposal.state).toBe(
      'withdrawn',
    );
    const before = await read(id);
    expect((await admin.client.post(`/api/proposals/${id}/decision`, decision)).status).toBe(409);
    expect((await secondAdvisor.client.post(`/api/proposals/${id}/reviews`, review)).status).toBe(
      409,
    );
    expect((await proposer.client.post(`/api/proposals/${id}/withdraw`)).status).toBe(409);
    expect(await read(id)).toEqual(before);
  });

  it('lets exactly one of two simultaneous decisions through', async () => {
    const id = await propose();
    await reviewed(id);
    const otherAdmin = await member(haven(), ['admin']);
    const [a, b] = await Promise.all([
      admin.client.post(`/api/proposals/${id}/decision`, decision),
      otherAdmin.client.post(`/api/proposals/${id}/decision`, {
        decision: 'declined',
        reason: 'No.',
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const proposal = await read(id);
    expect(
      proposal.history.filter((h: { action: string }) =>
        ['approved', 'declined'].includes(h.action),
      ),
    ).toHaveLength(1);
  });
});

describe('when members leave', () => {
  it('exports the member’s proposals and reviews', async () => {
    const id = await propose(advisor, 'Exported');
    const other = await propose();
    await reviewed(other);
    const exported = (await advisor.client.get('/api/me/export')).body.toolProposals;
    expect(exported.proposals.map((p: { id: string }) => p.id)).toContain(id);
    expect(exported.reviews).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ proposalId: other, comments: review.comments }),
      ]),
    );
  });

  it('keeps every step, attributed to a deleted member (actor null)', async () => {
    const leavingProposer = await member(haven());
    const leavingAdvisor = await member(haven(), ['advisor']);
    const { id } = (
      await leavingProposer.client.post('/api/proposals', proposalBody('Left behind'))
    ).body.proposal;
    await leavingAdvisor.client.post(`/api/proposals/${id}/reviews`, review);
    await leavingAdvisor.client.post(`/api/proposals/${id}/reviews`, {
      ...review,
      comments: 'Still good.',
    });
    await admin.client.post(`/api/proposals/${id}/decision`, decision);

    expect((await leavingProposer.client.delete('/api/me')).status).toBe(204);
    expect((await leavingAdvisor.client.delete('/api/me')).status).toBe(204);

    const proposal = await read(id);
    expect(proposal).toMatchObject({
      state: 'approved',
      title: 'Left behind',
      proposerId: null,
      proposer: null,
    });
    expect(proposal.reviews).toEqual([
      expect.objectContaining({ advisorId: null, advisor: null, comments: 'Still good.' }),
    ]);
    expect(proposal.decision).toMatchObject({ actorId: admin.id });
    expect(
      proposal.history.map((h: { action: string; actorId: string | null; actor: unknown }) => [
        h.action,
        h.actorId,
        h.actor === null,
      ]),
    ).toEqual([
      ['submitted', null, true],
      ['reviewed', null, true],
      ['review-updated', null, true],
      ['approved', admin.id, false],
    ]);
    const stored = JSON.stringify(await models(haven()).Proposal.findById(id).lean());
    expect(stored).not.toContain(leavingProposer.id);
    expect(stored).not.toContain(leavingAdvisor.id);
  });
});
