import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEmpty, seedDemoCommunity } from '../../server/seed.ts';
import { ROLES } from '../../shared/api/accounts.ts';
import { ApiClient } from '../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../helpers/haven.ts';
import { capturingLogger } from '../helpers/logger.ts';

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
  expect(await isEmpty(haven.mongo.connection)).toBe(true);
  await seedDemoCommunity(haven.mongo.connection, capturingLogger().logger);
});
afterAll(async () => {
  await haven.close();
});

describe('the demo community', () => {
  it.each(ROLES)('signs in as %s@haven.local with the demo password', async (role) => {
    const client = new ApiClient(haven.url);
    const response = await client.login(`${role}@haven.local`, 'haven-demo');
    expect(response.status).toBe(200);
    expect(response.body.user.roles).toContain(role);
  });

  it('spans several time zones and at least two languages, online and in person', async () => {
    const client = new ApiClient(haven.url);
    const { body } = await client.get('/api/meetings?limit=100');
    const meetings = body.items as Array<{
      language: string;
      format: string;
      recurrence: { timeZone: string };
    }>;
    expect(new Set(meetings.map((m) => m.language)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(meetings.map((m) => m.recurrence.timeZone)).size).toBeGreaterThanOrEqual(3);
    expect(meetings.map((m) => m.format)).toEqual(expect.arrayContaining(['online', 'in-person']));
  });

  it('has a demo facilitator whose training is complete, and every listed facilitator trained', async () => {
    const client = new ApiClient(haven.url);
    await client.login('facilitator@haven.local', 'haven-demo');
    const record = (await client.get('/api/training/record')).body.record;
    expect(record.facilitatorTrainingComplete).toBe(true);
    const { body } = await client.get('/api/meetings?limit=100');
    const ids = (body.items as Array<{ facilitatorIds: string[] }>).flatMap(
      (m) => m.facilitatorIds,
    );
    const trained = await haven.haven.services.training.records.trainedAmong(ids);
    expect(ids.filter((id) => !trained.has(id))).toEqual([]);
  });

  it('has a tool proposal in each state, groups, events and posts', async () => {
    const client = new ApiClient(haven.url);
    await client.login('participant@haven.local', 'haven-demo');
    const proposals = (await client.get('/api/proposals?limit=100')).body.items as Array<{
      state: string;
    }>;
    expect(new Set(proposals.map((p) => p.state))).toEqual(
      new Set(['submitted', 'under-review', 'approved', 'declined', 'withdrawn']),
    );
    expect((await client.get('/api/groups')).body.items.length).toBeGreaterThan(0);
    expect((await client.get('/api/events')).body.items.length).toBeGreaterThan(0);
    expect((await client.get('/api/posts')).body.items.length).toBeGreaterThan(0);
  });

  it('has a published course per track in English and Spanish, each with every kind of item, and a review waiting', async () => {
    const client = new ApiClient(haven.url);
    await client.login('trainer@haven.local', 'haven-demo');
    const courses = (await client.get('/api/courses?limit=100')).body.items as Array<{
      id: string;
      track: string;
      language: string;
    }>;
    expect(new Set(courses.map((c) => `${c.track}:${c.language}`))).toEqual(
      new Set(['foundations', 'facilitator', 'champion'].flatMap((t) => [`${t}:en`, `${t}:es`])),
    );
    for (const course of courses) {
      const detail = (await client.get(`/api/courses/${course.id}`)).body.course;
      const kinds = detail.modules.flatMap((m: { items: Array<{ kind: string }> }) =>
        m.items.map((i) => i.kind),
      );
      expect(new Set(kinds)).toEqual(new Set(['video', 'reading', 'quiz', 'exercise']));
    }
    const waiting = await haven.haven.api.training.submissionsFor({ status: 'submitted' });
    expect(waiting).toHaveLength(1);
  });

  it('is refused when NODE_ENV=production', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        MONGODB_URI: haven.mongo.uri,
        LOG_LEVEL: 'silent',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/refused when NODE_ENV=production/);
  });
});
