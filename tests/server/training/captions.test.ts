import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../helpers/api-client.ts';
import { courseBody, havenPerFile, member, models } from './helpers.ts';

/** WebVTT captions on video items: validated, stored as written, given to learners. */
const { haven } = havenPerFile();

const VTT = 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nHello <b>and</b> welcome.\n';
let trainer: { client: ApiClient; id: string };

/** The course body with its video item changed by `video`. */
function withVideo(video: Record<string, unknown>) {
  const body = courseBody();
  const [module] = body.modules as Array<{ items: Array<Record<string, unknown>> }>;
  const items = (module?.items ?? []).map((item) =>
    item.kind === 'video' ? { ...item, ...video } : item,
  );
  return { ...body, modules: [{ ...module, items }] };
}

beforeAll(async () => {
  trainer = await member(haven(), ['trainer']);
});

describe('captions on a video item', () => {
  it('refuses captions that are not WebVTT, or too long, and stores nothing', async () => {
    const before = await models(haven()).Course.countDocuments();
    for (const captionsVtt of [
      'Hello and welcome.',
      '1\n00:00:00,000 --> 00:00:04,000\nAn SRT file\n',
      'WEBVTTX\n',
      `WEBVTT\n\n${'x'.repeat(40_000)}`,
    ]) {
      const response = await trainer.client.post('/api/courses', withVideo({ captionsVtt }));
      expect(response.status, response.text).toBe(400);
      expect(response.body.error.code).toBe('INVALID_INPUT');
      expect(Object.keys(response.body.error.fields)).toContain('modules.0.items.1.captionsVtt');
    }
    expect(await models(haven()).Course.countDocuments()).toBe(before);
  });

  it('stores WebVTT captions as written and gives them to authors and learners', async () => {
    const created = await trainer.client.post(
      '/api/courses',
      withVideo({ captionsVtt: VTT, key: 'watch' }),
    );
    expect(created.status, created.text).toBe(201);
    const id = created.body.course.id as string;
    const video = created.body.draft.modules[0].items[1];
    expect(video).toMatchObject({ kind: 'video', captionsVtt: VTT, transcript: 'Hello.' });
    expect((await trainer.client.patch(`/api/courses/${id}`, { publish: true })).status).toBe(200);
    const learner = await member(haven());
    const outline = await learner.client.get(`/api/courses/${id}`);
    const watchId = outline.body.course.modules[0].items[1].id as string;
    const item = await learner.client.get(`/api/items/${watchId}`);
    expect(item.status, item.text).toBe(200);
    // Cue text is kept exactly (the browser shows it as text, so nothing is stripped).
    expect(item.body.item.video).toEqual({
      url: 'https://video.example.org/urges.mp4',
      durationSeconds: 120,
      transcript: 'Hello.',
      captionsVtt: VTT,
    });
  });

  it('leaves captions out when none are given (and an empty box means none)', async () => {
    const created = await trainer.client.post('/api/courses', withVideo({ captionsVtt: '' }));
    expect(created.status, created.text).toBe(201);
    expect(created.body.draft.modules[0].items[1]).not.toHaveProperty('captionsVtt');
  });

  it('lets the page give captions to the player from a Blob URL (CSP media-src blob:)', async () => {
    const response = await fetch(`${haven().url}/`);
    expect(response.headers.get('content-security-policy')).toMatch(/media-src [^;]*blob:/);
  });
});
