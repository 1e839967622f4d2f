import { beforeAll, describe, expect, it } from 'vitest';
import { seedAccounts } from '../../../server/accounts/seed.ts';
import type { SeedContext } from '../../../server/infra/seed-context.ts';
import { seedProgramme } from '../../../server/programme/seed.ts';
import { blockSchema } from '../../../shared/api/programme/publications.ts';
import { allPages, havenPerFile, models, visitor } from './helpers.ts';

const haven = havenPerFile();
let seed: SeedContext;

beforeAll(async () => {
  seed = await seedAccounts(haven().mongo.connection);
  await seedProgramme(seed);
});

describe('demo seed', () => {
  it('writes the library in English and Spanish across all four points', async () => {
    const docs = await models(haven()).Publication.find().lean();
    for (const language of ['en', 'es']) {
      const mine = docs.filter((d) => d.language === language);
      expect(mine.length).toBeGreaterThanOrEqual(8);
      expect(new Set(mine.map((d) => d.point))).toEqual(new Set([null, 1, 2, 3, 4]));
    }
  });

  it('creates two partners in different countries, each with staff, and hands their ids on', async () => {
    expect(seed.partnerIds).toHaveLength(2);
    const client = await visitor(haven());
    const countries = new Set<string>();
    for (const id of seed.partnerIds) {
      const { body } = await client.get(`/api/partners/${id}`);
      countries.add(body.partner.area.country);
      expect(body.partner.staff).toHaveLength(1);
      expect(body.partner.staff[0].partnerId).toBe(id);
    }
    expect(countries).toEqual(new Set(['GB', 'ES']));
  });

  it('plays a proposal into every state, with reviews by the advisor and decisions by the admin', async () => {
    const proposals = await models(haven()).Proposal.find().lean();
    const states = proposals.map((p) => p.state).sort();
    expect(states).toEqual(['approved', 'declined', 'submitted', 'under-review', 'withdrawn']);
    for (const proposal of proposals) {
      for (const review of proposal.reviews)
        expect(String(review.advisorId)).toBe(seed.people.advisor);
      if (proposal.decision) expect(String(proposal.decision.actorId)).toBe(seed.people.admin);
    }
  });

  it('gives the demo participant worksheets and leaves enquiries to answer', async () => {
    const { Worksheet, Enquiry } = models(haven());
    expect(await Worksheet.countDocuments({ ownerId: seed.people.participant })).toBe(2);
    expect(await Enquiry.countDocuments({ status: 'new' })).toBe(1);
    expect(await Enquiry.countDocuments({ status: 'answered' })).toBe(1);
  });
});

describe('GET /api/publications', () => {
  it('is public and lists general publications first, then points 1 to 4', async () => {
    const response = await fetch(`${haven().url}/api/publications?limit=100`);
    expect(response.status).toBe(200);
    const { items, nextCursor } = await response.json();
    expect(nextCursor).toBeNull();
    const points = items.map((p: { point: number | null }) => p.point ?? 0);
    expect(points).toEqual([...points].sort((a, b) => a - b));
    expect(items[0]).not.toHaveProperty('body');
  });

  it('filters by point, language and kind', async () => {
    const client = await visitor(haven());
    const urges = await client.get('/api/publications?point=2&language=es');
    expect(urges.body.items.length).toBeGreaterThan(0);
    for (const p of urges.body.items) expect(p).toMatchObject({ point: 2, language: 'es' });
    const general = await client.get('/api/publications?point=general&kind=handbook');
    expect(general.body.items.map((p: { slug: string }) => p.slug).sort()).toEqual([
      'a-handbook-for-family-and-friends',
      'manual-para-familiares-y-amigos',
    ]);
  });

  it('pages with an opaque cursor without losing or repeating anything', async () => {
    const client = await visitor(haven());
    const everything = (await client.get('/api/publications?limit=100')).body.items;
    const paged = await allPages(client, '/api/publications', 3);
    expect(paged.map((p) => p.slug)).toEqual(everything.map((p: { slug: string }) => p.slug));
  });

  it.each([
    ['point=5', 'point'],
    ['language=fr', 'language'],
    ['kind=poster', 'kind'],
    ['limit=1000', 'limit'],
    ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
  ])('refuses ?%s with a field error', async (query, field) => {
    const response = await (await visitor(haven())).get(`/api/publications?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_INPUT');
    expect(response.body.error.fields).toHaveProperty(field);
  });

  it('refuses operator-shaped query strings', async () => {
    for (const query of ['language[$ne]=en', 'point[$gt]=0', '$where=1']) {
      const response = await fetch(`${haven().url}/api/publications?${query}`);
      expect(response.status).toBe(400);
    }
  });
});

describe('GET /api/publications/:slug', () => {
  it('returns structured blocks only, with its translation', async () => {
    const client = await visitor(haven());
    const { status, body } = await client.get('/api/publications/abcs-of-managing-thoughts');
    expect(status).toBe(200);
    expect(body.publication).toMatchObject({ point: 3, language: 'en', kind: 'worksheet' });
    for (const block of body.publication.body)
      expect(blockSchema.safeParse(block).success).toBe(true);
    expect(body.publication.translations).toEqual([
      { language: 'es', slug: 'el-abc-para-manejar-pensamientos' },
    ]);
  });

  it('answers 404 for an unknown slug and 400 for a malformed one', async () => {
    const client = await visitor(haven());
    expect((await client.get('/api/publications/no-such-thing')).status).toBe(404);
    const bad = await client.get('/api/publications/Not%20A%20Slug');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('slug');
  });
});

describe('OpenAPI', () => {
  it('documents the programme routes from the shared schemas', async () => {
    const doc = await (await fetch(`${haven().url}/api/openapi.json`)).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/publications',
        '/publications/{slug}',
        '/worksheets',
        '/worksheets/{id}',
        '/proposals',
        '/proposals/{id}',
        '/proposals/{id}/reviews',
        '/proposals/{id}/decision',
        '/proposals/{id}/withdraw',
        '/partners',
        '/partners/{id}',
        '/partners/{id}/staff',
        '/partners/{id}/staff/{userId}',
        '/enquiries',
        '/enquiries/{id}',
      ]),
    );
    const create = doc.paths['/worksheets'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(create)).toContain('urge-log');
  });
});
