import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { member, models } from './helpers.ts';
import { mp4, upload, videoSuite, webm } from './video-fixtures.ts';

const { haven, people, videosDir, filesOnDisk, stored } = videoSuite();

describe('uploading a training video', () => {
  it('stores a trainer’s MP4 on disk and in training_videos, and serves it back byte for byte', async () => {
    const file = mp4(100_000);
    const answer = await upload(people.trainer.client, file);
    expect(answer.status, answer.bytes.toString()).toBe(201);
    const { video } = answer.body;
    expect(video).toEqual({
      id: expect.stringMatching(/^[a-f0-9]{24}$/),
      url: `/api/training/videos/${video.id}`,
      contentType: 'video/mp4',
      size: file.length,
    });
    // On disk under HAVEN_DATA_DIR, nothing else left beside it.
    expect(filesOnDisk()).toContain(`${video.id}.mp4`);
    expect(filesOnDisk().filter((name) => name.endsWith('.part'))).toEqual([]);
    expect(readFileSync(join(videosDir(), `${video.id}.mp4`)).equals(file)).toBe(true);
    const doc = await models(haven()).Video.findById(video.id).lean();
    expect(doc).toMatchObject({ contentType: 'video/mp4', size: file.length });
    expect(String(doc?.ownerId)).toBe(people.trainer.id);
    expect(Object.keys(doc ?? {}).sort()).toEqual(
      ['__v', '_id', 'contentType', 'createdAt', 'ownerId', 'size'].sort(),
    );

    // Any signed-in member watches it.
    const served = await people.learner.client.raw('GET', video.url);
    expect(served.status).toBe(200);
    expect(served.bytes.equals(file)).toBe(true);
    expect(served.headers.get('content-type')).toBe('video/mp4');
    expect(served.headers.get('content-length')).toBe(String(file.length));
    expect(served.headers.get('accept-ranges')).toBe('bytes');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('cache-control')).toBe('private, no-cache');
    expect(served.headers.get('last-modified')).toBeTruthy();
  });

  it('takes an admin’s WebM too, with parameters on the Content-Type', async () => {
    const admin = await member(haven(), ['admin']);
    const file = webm(5_000);
    const answer = await upload(admin.client, file, 'video/webm; codecs="vp9"');
    expect(answer.status, answer.bytes.toString()).toBe(201);
    expect(answer.body.video.contentType).toBe('video/webm');
    const served = await people.learner.client.raw('GET', answer.body.video.url);
    expect(served.headers.get('content-type')).toBe('video/webm');
    expect(served.bytes.equals(file)).toBe(true);
  });

  it('streams a body sent without a Content-Length (chunked)', async () => {
    const file = mp4(150_000);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < file.length; at += 10_000)
          controller.enqueue(file.subarray(at, at + 10_000));
        controller.close();
      },
    });
    const answer = await people.trainer.client.raw('POST', '/api/training/videos', {
      body,
      headers: { 'content-type': 'video/mp4' },
    });
    expect(answer.status, answer.bytes.toString()).toBe(201);
    const served = await people.learner.client.raw('GET', answer.body.video.url);
    expect(served.bytes.equals(file)).toBe(true);
  });
});

describe('the OpenAPI document', () => {
  it('describes the upload’s raw body and the file’s types', async () => {
    const doc = await (await fetch(`${haven().url}/api/openapi.json`)).json();
    const upload = doc.paths['/training/videos'].post;
    expect(Object.keys(upload.requestBody.content)).toEqual(['video/mp4', 'video/webm']);
    expect(upload.requestBody.content['video/mp4'].schema).toEqual({
      type: 'string',
      format: 'binary',
    });
    expect(upload.responses['201'].content['application/json'].schema.properties).toHaveProperty(
      'video',
    );
    const watch = doc.paths['/training/videos/{id}'].get;
    expect(Object.keys(watch.responses['200'].content)).toEqual(['video/mp4', 'video/webm']);
  });
});

describe('range requests', () => {
  const file = mp4(50_000);
  let url: string;

  beforeAll(async () => {
    url = (await upload(people.trainer.client, file)).body.video.url;
  });

  it('answers a byte range with 206 and exactly those bytes', async () => {
    const part = await people.learner.client.raw('GET', url, {
      headers: { range: 'bytes=100-1099' },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-1099/${file.length}`);
    expect(part.headers.get('content-length')).toBe('1000');
    expect(part.headers.get('content-type')).toBe('video/mp4');
    expect(part.headers.get('accept-ranges')).toBe('bytes');
    expect(part.bytes.equals(file.subarray(100, 1100))).toBe(true);
  });

  it('answers open-ended and suffix ranges (what players ask when seeking)', async () => {
    const tail = await people.learner.client.raw('GET', url, {
      headers: { range: 'bytes=49000-' },
    });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe(`bytes 49000-49999/${file.length}`);
    expect(tail.bytes.equals(file.subarray(49_000))).toBe(true);
    const last = await people.learner.client.raw('GET', url, { headers: { range: 'bytes=-10' } });
    expect(last.status).toBe(206);
    expect(last.bytes.equals(file.subarray(file.length - 10))).toBe(true);
  });

  it('answers a range outside the file with 416, Content-Range and the error shape', async () => {
    const bad = await people.learner.client.raw('GET', url, {
      headers: { range: 'bytes=60000-70000' },
    });
    expect(bad.status).toBe(416);
    expect(bad.headers.get('content-range')).toBe(`bytes */${file.length}`);
    expect(bad.headers.get('content-type')).toMatch(/^application\/json/);
    expect(bad.body.error.code).toBe('INVALID_INPUT');
    expect(bad.body.error.fields.range).toBeDefined();
  });

  it('answers HEAD with the length and no body', async () => {
    const head = await people.learner.client.raw('HEAD', url);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(file.length));
    expect(head.bytes.length).toBe(0);
  });
});

describe('who may upload and watch', () => {
  it('refuses members who are not trainers or admins, storing nothing', async () => {
    const before = await stored();
    for (const roles of [['participant'], ['facilitator'], ['champion']]) {
      const someone = await member(haven(), roles);
      const answer = await upload(someone.client, mp4(2_000));
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('FORBIDDEN');
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses the signed-out: no upload, no watching', async () => {
    const { ApiClient } = await import('../../helpers/api-client.ts');
    const anonymous = await ApiClient.signedOut(haven().url);
    const file = mp4(2_000);
    const before = await stored();
    const refused = await upload(anonymous, file);
    expect(refused.status).toBe(401);
    expect(await stored()).toEqual(before);

    const url = (await upload(people.trainer.client, file)).body.video.url;
    const watched = await anonymous.raw('GET', url);
    expect(watched.status).toBe(401);
    expect(watched.body.error.code).toBe('UNAUTHENTICATED');
    expect(watched.bytes.includes(file.subarray(0, 64))).toBe(false);
  });

  it('answers an unknown id with NOT_FOUND and a malformed one with INVALID_INPUT', async () => {
    const unknown = await people.learner.client.raw(
      'GET',
      `/api/training/videos/${new Types.ObjectId()}`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    for (const id of ['nope', '../../../etc/passwd', `${new Types.ObjectId()}.mp4`]) {
      const malformed = await people.learner.client.raw(
        'GET',
        `/api/training/videos/${encodeURIComponent(id)}`,
      );
      expect(malformed.status, id).toBe(400);
      expect(malformed.body.error.code).toBe('INVALID_INPUT');
    }
  });
});
