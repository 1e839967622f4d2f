import type mongoose from 'mongoose';
import { Schema } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MongoStandin } from '../../../../server/infra/mongo-standin/index.ts';
import { connect, makeTempDir, removeDir, startMongoStandin } from './helpers.ts';

interface ArticleDoc {
  slug: string;
  title: string;
  body: string;
  tags?: string[];
  status?: string;
}

const articleSchema = new Schema<ArticleDoc>({
  slug: String,
  title: String,
  body: String,
  tags: [String],
  status: String,
});
articleSchema.index(
  { title: 'text', body: 'text', tags: 'text' },
  { name: 'article_search', weights: { title: 10, body: 1, tags: 3 } },
);

const ARTICLES: ArticleDoc[] = [
  {
    slug: 'coffee',
    title: 'Coffee',
    body: 'A small café serves strong coffee and pastries.',
    status: 'open',
  },
  {
    slug: 'tea',
    title: 'Tea rituals',
    body: 'Green tea, black tea and the rituals of tea houses. Coffee is mentioned once.',
    status: 'open',
  },
  {
    slug: 'meetings',
    title: 'Running better meetings',
    body: 'Facilitators run meetings with a clear agenda.',
    tags: ['facilitation'],
    status: 'closed',
  },
  {
    slug: 'shop',
    title: 'The coffee shop',
    body: 'Opening a coffee shop needs a plan.',
    status: 'open',
  },
  { slug: 'other', title: 'Nothing here', body: 'Unrelated words only.', status: 'open' },
];

let dir: string;
let standin: MongoStandin;
let conn: mongoose.Connection;
let Article: mongoose.Model<ArticleDoc>;

beforeAll(async () => {
  dir = await makeTempDir('mongo-standin-text');
  standin = await startMongoStandin({ dataDir: dir });
  conn = await connect(standin, 'standin_text');
  Article = conn.model<ArticleDoc>('TextArticle', articleSchema);
  await Article.init();
  await Article.insertMany(ARTICLES);
});

afterAll(async () => {
  await conn?.close();
  await standin?.close();
  await removeDir(dir);
});

const slugs = (docs: { slug: string }[]) => docs.map((d) => d.slug).sort();

function mongoCode(err: unknown): number | undefined {
  return (err as { code?: number }).code;
}

describe('mongo stand-in: $text with a text index', () => {
  it('lists the text index as mongod stores it', async () => {
    const indexes = await Article.collection.listIndexes().toArray();
    const text = indexes.find((i) => i.name === 'article_search');
    expect(text?.key).toEqual({ _fts: 'text', _ftsx: 1 });
    expect(text?.weights).toEqual({ body: 1, tags: 3, title: 10 });
    expect(text?.default_language).toBe('english');
    expect(text?.textIndexVersion).toBe(3);
  });

  it('matches any word, folding case and diacritics, with light English stemming', async () => {
    expect(slugs(await Article.find({ $text: { $search: 'COFFEE' } }).lean())).toEqual([
      'coffee',
      'shop',
      'tea',
    ]);
    expect(slugs(await Article.find({ $text: { $search: 'cafe' } }).lean())).toEqual(['coffee']);
    expect(slugs(await Article.find({ $text: { $search: 'tea facilitation' } }).lean())).toEqual([
      'meetings',
      'tea',
    ]);
    // "meeting" finds "meetings", "runs" finds "Running" (stems of both sides agree).
    expect(slugs(await Article.find({ $text: { $search: 'meeting' } }).lean())).toEqual([
      'meetings',
    ]);
    expect(slugs(await Article.find({ $text: { $search: 'the' } }).lean())).toEqual([]);
  });

  it('honours phrases, negations, case and diacritic sensitivity', async () => {
    const phrase = await Article.find({ $text: { $search: '"coffee shop"' } }).lean();
    expect(slugs(phrase)).toEqual(['shop']);
    const negated = await Article.find({ $text: { $search: 'coffee -tea' } }).lean();
    expect(slugs(negated)).toEqual(['coffee', 'shop']);
    const caseSensitive = await Article.find({
      $text: { $search: 'Coffee', $caseSensitive: true },
    }).lean();
    expect(slugs(caseSensitive)).toEqual(['coffee', 'tea']);
    const accents = await Article.find({
      $text: { $search: 'cafe', $diacriticSensitive: true },
    }).lean();
    expect(slugs(accents)).toEqual([]);
  });

  it('scores by weights, projects and sorts by textScore, and combines with other conditions', async () => {
    const ranked = await Article.find(
      { $text: { $search: 'coffee' }, status: 'open' },
      { score: { $meta: 'textScore' }, slug: 1 },
    )
      .sort({ score: { $meta: 'textScore' } })
      .lean();
    expect(ranked.map((d) => d.slug)).toEqual(['coffee', 'shop', 'tea']);
    const scores = ranked.map((d) => (d as unknown as { score: number }).score);
    expect(scores[0]).toBeGreaterThan(scores[2] as number);
    expect(scores.every((s) => s > 0)).toBe(true);
    expect(Object.keys(ranked[0] as object).sort()).toEqual(['_id', 'score', 'slug']);
    const closed = await Article.find({ $text: { $search: 'coffee meetings' }, status: 'closed' });
    expect(closed.map((d) => d.slug)).toEqual(['meetings']);
    expect(await Article.countDocuments({ $text: { $search: 'coffee' } })).toBe(3);
  });

  it('runs $text as the first $match of an aggregate, with textScore downstream', async () => {
    const out = await Article.aggregate([
      { $match: { $text: { $search: 'coffee' } } },
      { $sort: { score: { $meta: 'textScore' } } },
      { $project: { _id: 0, slug: 1, score: { $meta: 'textScore' } } },
    ]);
    expect(out.map((d) => d.slug)).toEqual(['coffee', 'shop', 'tea']);
    expect(typeof out[0]?.score).toBe('number');
    expect(Object.keys(out[0] as object).sort()).toEqual(['score', 'slug']);
    const late = await Article.aggregate([
      { $match: { status: 'open' } },
      { $match: { $text: { $search: 'coffee' } } },
    ]).catch((e: unknown) => e);
    expect(mongoCode(late)).toBe(17313);
  });

  it('refuses $text without a text index and a second text index', async () => {
    const Plain = conn.model('PlainNote', new Schema({ body: String }));
    await Plain.create({ body: 'coffee' });
    const err = await Plain.find({ $text: { $search: 'coffee' } })
      .lean()
      .catch((e: unknown) => e);
    expect(mongoCode(err)).toBe(27);
    expect(String((err as Error).message)).toContain('text index required for $text query');
    const second = await Article.collection
      .createIndex({ slug: 'text' }, { name: 'slug_text' })
      .catch((e: unknown) => e);
    expect(mongoCode(second)).toBe(85);
    // The same index again is a no-op, as in mongod.
    await Article.collection.createIndex(
      { title: 'text', body: 'text', tags: 'text' },
      { name: 'article_search', weights: { title: 10, body: 1, tags: 3 } },
    );
  });

  it('reads a per-document language and the index default language', async () => {
    const db = conn.db;
    if (!db) throw new Error('no db');
    const coll = db.collection('recetas');
    await coll.createIndex({ texto: 'text' }, { default_language: 'spanish' });
    await coll.insertMany([
      { texto: 'Las tortillas de patatas' },
      { texto: 'The potatoes', language: 'english' },
    ]);
    expect(await coll.countDocuments({ $text: { $search: 'tortilla' } })).toBe(1);
    expect(await coll.countDocuments({ $text: { $search: 'las' } })).toBe(0);
    expect(
      await coll.countDocuments({ $text: { $search: 'potatoes', $language: 'english' } }),
    ).toBe(1);
  });

  it('explains a $text query as mongod does and refuses $text under $or', async () => {
    const out = (await Article.find({ $text: { $search: 'coffee -tea "coffee shop"' } }).explain(
      'queryPlanner',
    )) as unknown;
    const ex = (Array.isArray(out) ? out[0] : out) as {
      queryPlanner: { winningPlan: { stage: string; indexName: string; parsedTextQuery: object } };
    };
    expect(ex.queryPlanner.winningPlan.stage).toBe('TEXT_MATCH');
    expect(ex.queryPlanner.winningPlan.indexName).toBe('article_search');
    expect(ex.queryPlanner.winningPlan.parsedTextQuery).toEqual({
      terms: ['coffee', 'shop'],
      negatedTerms: ['tea'],
      phrases: ['coffee shop'],
      negatedPhrases: [],
    });
    const nested = await Article.find({ $or: [{ $text: { $search: 'x' } }, { status: 'open' }] })
      .lean()
      .catch((e: unknown) => e);
    // mongod's code depends on its version (planner errors); both refuse the query.
    expect(nested).toBeInstanceOf(Error);
  });

  it('keeps text and collated indexes across a restart', async () => {
    await Article.collection.createIndex(
      { slug: 1 },
      { name: 'slug_ci', collation: { locale: 'en', strength: 2 } },
    );
    await conn.close();
    await standin.close();
    standin = await startMongoStandin({ dataDir: dir });
    conn = await connect(standin, 'standin_text');
    Article = conn.model<ArticleDoc>('TextArticle', articleSchema);
    expect(slugs(await Article.find({ $text: { $search: 'coffee' } }).lean())).toEqual([
      'coffee',
      'shop',
      'tea',
    ]);
    const q = Article.find({ slug: 'COFFEE' }).collation({ locale: 'en', strength: 2 });
    expect(slugs(await q.clone().lean())).toEqual(['coffee']);
    const out = (await q.clone().explain('queryPlanner')) as unknown;
    const ex = (Array.isArray(out) ? out[0] : out) as {
      queryPlanner: { winningPlan: { inputStage?: { indexName?: string } } };
    };
    expect(ex.queryPlanner.winningPlan.inputStage?.indexName).toBe('slug_ci');
  });
});
