import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../helpers/api-client.ts';
import { allLogs, allPages, havenPerFile, member, models, visitor } from './helpers.ts';

const haven = havenPerFile();
// A phrase only a worksheet contains: if it ever shows up in a log, privacy broke.
const SECRET = 'private-answer-7f3a9c';

let owner: { client: ApiClient; id: string };
let other: { client: ApiClient; id: string };
let admin: { client: ApiClient; id: string };

beforeAll(async () => {
  owner = await member(haven());
  other = await member(haven());
  admin = await member(haven(), ['admin', 'moderator', 'advisor']);
});

const urgeEntry = (intensity: number) => ({
  when: '2025-03-03T18:30:00.000Z',
  intensity,
  trigger: `payday ${SECRET}`,
  whatIDid: 'went for a run',
  outcome: 'passed',
});

async function create(client: ApiClient, body: Record<string, unknown>) {
  const response = await client.post('/api/worksheets', body);
  expect(response.status).toBe(201);
  return response.body.worksheet as { id: string; content: Record<string, unknown> };
}

describe('creating and reading my worksheets', () => {
  it('creates each tool, filling in defaults so a half-done worksheet can be saved', async () => {
    const tools = ['cost-benefit-analysis', 'change-plan', 'urge-log', 'abc'];
    for (const tool of tools) {
      const worksheet = await create(owner.client, { tool });
      expect(worksheet).toMatchObject({ tool, title: null });
      const stored = await models(haven()).Worksheet.findById(worksheet.id).lean();
      expect(String(stored?.ownerId)).toBe(owner.id);
    }
    const abc = await create(owner.client, {
      tool: 'abc',
      content: { beliefs: 'I must not fail' },
    });
    expect(abc.content).toEqual({
      activatingEvent: '',
      beliefs: 'I must not fail',
      consequences: '',
      disputation: '',
      effectiveNewBelief: '',
    });
  });

  it('keeps an urge log with its entries and reads it back in full', async () => {
    const created = await create(owner.client, {
      tool: 'urge-log',
      title: 'March',
      content: { entries: [urgeEntry(7), urgeEntry(3)] },
    });
    const { status, body } = await owner.client.get(`/api/worksheets/${created.id}`);
    expect(status).toBe(200);
    expect(body.worksheet.content.entries).toEqual([urgeEntry(7), urgeEntry(3)]);
  });

  it('lists only my own worksheets, recently edited first, filtered by tool and paged', async () => {
    await create(other.client, { tool: 'abc', title: 'not yours' });
    const mine = await allPages(owner.client, '/api/worksheets', 2);
    expect(mine.length).toBe(6);
    expect(mine.map((w) => w.title)).not.toContain('not yours');
    const stamps = mine.map((w) => String(w.updatedAt));
    expect(stamps).toEqual([...stamps].sort().reverse());
    const urgeLogs = (await owner.client.get('/api/worksheets?tool=urge-log')).body.items;
    expect(urgeLogs.map((w: { tool: string }) => w.tool)).toEqual(['urge-log', 'urge-log']);
    expect(urgeLogs[0]).not.toHaveProperty('content');
  });

  it('needs a session', async () => {
    const client = await visitor(haven());
    expect((await client.get('/api/worksheets')).status).toBe(401);
    expect((await client.post('/api/worksheets', { tool: 'abc' })).status).toBe(401);
  });
});

describe('nobody else reaches a worksheet', () => {
  it('answers 404 to another member and to an admin, exactly as for a missing one, and changes nothing', async () => {
    const worksheet = await create(owner.client, { tool: 'abc', content: { beliefs: SECRET } });
    const missing = await owner.client.get('/api/worksheets/0123456789abcdef01234567');
    for (const intruder of [other, admin]) {
      const read = await intruder.client.get(`/api/worksheets/${worksheet.id}`);
      expect(read.status).toBe(404);
      expect(read.body).toEqual(missing.body);
      expect(read.text).not.toContain(SECRET);
      const edit = await intruder.client.patch(`/api/worksheets/${worksheet.id}`, {
        title: 'mine now',
      });
      expect(edit.status).toBe(404);
      expect((await intruder.client.delete(`/api/worksheets/${worksheet.id}`)).status).toBe(404);
      const listed = await intruder.client.get('/api/worksheets?limit=100');
      expect(listed.body.items.map((w: { id: string }) => w.id)).not.toContain(worksheet.id);
    }
    const stored = await models(haven()).Worksheet.findById(worksheet.id).lean();
    expect(stored?.title).toBeNull();
    expect(stored?.content).toMatchObject({ beliefs: SECRET });
  });
});

describe('bad input', () => {
  it.each([
    [{ tool: 'mood-diary' }, ['tool']],
    [
      { tool: 'urge-log', content: { entries: [{ ...urgeEntry(11), when: 'yesterday' }] } },
      ['content.entries.0.intensity', 'content.entries.0.when'],
    ],
    [{ tool: 'abc', content: { beliefs: 'x'.repeat(2001) } }, ['content.beliefs']],
    [{ tool: 'abc', content: { notAField: 'x' } }, ['content']],
    [{ tool: 'abc', ownerId: '0123456789abcdef01234567' }, ['_']],
    [{ tool: 'change-plan', content: { steps: ['ok', 'bad\u0000step'] } }, ['content.steps.1']],
  ])('refuses %j with field errors and stores nothing', async (body, fields) => {
    const before = await models(haven()).Worksheet.countDocuments();
    const response = await owner.client.post('/api/worksheets', body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_INPUT');
    expect(Object.keys(response.body.error.fields).sort()).toEqual(fields);
    expect(await models(haven()).Worksheet.countDocuments()).toBe(before);
  });

  it('refuses operator-shaped answers before they reach the database', async () => {
    const response = await owner.client.post('/api/worksheets', {
      tool: 'abc',
      content: { beliefs: { $gt: '' } },
    });
    expect(response.status).toBe(400);
    const bracket = await owner.client.get('/api/worksheets?ownerId[$ne]=x');
    expect(bracket.status).toBe(400);
    expect((await owner.client.get('/api/worksheets/not-an-id')).status).toBe(400);
  });
});

describe('PATCH and DELETE', () => {
  it('checks new content against the worksheet’s own tool and keeps it unchanged on error', async () => {
    const worksheet = await create(owner.client, {
      tool: 'urge-log',
      content: { entries: [urgeEntry(5)] },
    });
    const wrongTool = await owner.client.patch(`/api/worksheets/${worksheet.id}`, {
      content: { beliefs: 'abc fields on an urge log' },
    });
    expect(wrongTool.status).toBe(400);
    expect(wrongTool.body.error.fields).toHaveProperty('content');
    const badEntry = await owner.client.patch(`/api/worksheets/${worksheet.id}`, {
      content: { entries: [urgeEntry(0)] },
    });
    expect(badEntry.status).toBe(400);
    expect(badEntry.body.error.fields).toHaveProperty(['content.entries.0.intensity']);
    const changeTool = await owner.client.patch(`/api/worksheets/${worksheet.id}`, { tool: 'abc' });
    expect(changeTool.status).toBe(400);
    const stored = (await owner.client.get(`/api/worksheets/${worksheet.id}`)).body.worksheet;
    expect(stored).toMatchObject({ tool: 'urge-log', content: { entries: [urgeEntry(5)] } });
  });

  it('updates the title and answers, and moves the worksheet to the top of my list', async () => {
    const first = await create(owner.client, { tool: 'abc' });
    await create(owner.client, { tool: 'abc' });
    const response = await owner.client.patch(`/api/worksheets/${first.id}`, {
      title: 'After the argument',
      content: { activatingEvent: 'An argument at work', beliefs: 'They must respect me' },
    });
    expect(response.status).toBe(200);
    expect(response.body.worksheet).toMatchObject({
      title: 'After the argument',
      content: { activatingEvent: 'An argument at work', disputation: '' },
    });
    const top = (await owner.client.get('/api/worksheets?limit=1')).body.items[0];
    expect(top.id).toBe(first.id);
  });

  it('deletes my worksheet; a second delete is 404', async () => {
    const worksheet = await create(owner.client, { tool: 'change-plan' });
    expect((await owner.client.delete(`/api/worksheets/${worksheet.id}`)).status).toBe(204);
    expect(await models(haven()).Worksheet.exists({ _id: worksheet.id })).toBeNull();
    expect((await owner.client.get(`/api/worksheets/${worksheet.id}`)).status).toBe(404);
    expect((await owner.client.delete(`/api/worksheets/${worksheet.id}`)).status).toBe(404);
  });
});

describe('my data', () => {
  it('exports every worksheet in full, and deleting the account deletes them (only theirs)', async () => {
    const leaving = await member(haven());
    const kept = await create(other.client, { tool: 'abc', title: 'stays' });
    const worksheet = await create(leaving.client, {
      tool: 'cost-benefit-analysis',
      content: { usingCosts: [SECRET] },
    });
    const exported = await leaving.client.get('/api/me/export');
    expect(exported.body.worksheets).toEqual([
      expect.objectContaining({
        id: worksheet.id,
        content: expect.objectContaining({ usingCosts: [SECRET] }),
      }),
    ]);
    expect((await leaving.client.delete('/api/me')).status).toBe(204);
    expect(await models(haven()).Worksheet.countDocuments({ ownerId: leaving.id })).toBe(0);
    expect(await models(haven()).Worksheet.exists({ _id: kept.id })).not.toBeNull();
  });

  it('never logs what a worksheet says', () => {
    expect(allLogs(haven())).not.toContain(SECRET);
  });
});
