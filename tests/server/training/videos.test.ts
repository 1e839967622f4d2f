import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { Types } from 'mongoose';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../helpers/api-client.ts';
import { courseBody, havenPerFile, itemIds, member, models } from './helpers.ts';

// Small made-up files, not real videos: the server checks the first bytes only.
const MAX_BYTES = 256 * 1024;
const { haven } = havenPerFile({ trainingVideoMaxBytes: MAX_BYTES });

/** An "MP4": a 24-byte `ftyp` box (brand isom), then filler. */
function mp4(size: number): Buffer {
  const bytes = randomBytes(size);
  bytes.writeUInt32BE(24, 0);
  bytes.write('ftypisom', 4, 'latin1');
  return bytes;
}

/** A "WebM": the EBML magic number, then filler. */
function webm(size: number): Buffer {
  const bytes = randomBytes(size);
  Buffer.from([0x1a, 0x45, 0xdf, 0xa3]).copy(bytes, 0);
  return bytes;
}

const videosDir = () => join(haven().dataDir, 'training-videos');
const filesOnDisk = () => (existsSync(videosDir()) ? readdirSync(videosDir()).sort() : []);

/** What is stored now: the folder's files and the number of video documents. */
async function stored() {
  return { files: filesOnDisk(), docs: await models(haven()).Video.countDocuments() };
}

function upload(client: ApiClient, body: Uint8Array, contentType = 'video/mp4') {
  return client.raw('POST', '/api/training/videos', {
    body,
    headers: { 'content-type': contentType },
  });
}

/** The helpers' course, its video item (the module's second item) at `url`. */
function courseWithVideo(title: string, url: string) {
  const body = courseBody({ title }) as {
    modules: Array<{ items: Array<Record<string, unknown>> }>;
  };
  const video = body.modules[0]?.items[1];
  if (video?.kind !== 'video') throw new Error('the helpers’ course has moved its video');
  video.url = url;
  return body;
}

let trainer: { client: ApiClient; id: string };
let learner: { client: ApiClient; id: string };

beforeAll(async () => {
  trainer = await member(haven(), ['trainer']);
  learner = await member(haven());
});

describe('uploading a training video', () => {
  it('stores a trainer’s MP4 on disk and in training_videos, and serves it back byte for byte', async () => {
    const file = mp4(100_000);
    const answer = await upload(trainer.client, file);
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
    expect(String(doc?.ownerId)).toBe(trainer.id);
    expect(Object.keys(doc ?? {}).sort()).toEqual(
      ['__v', '_id', 'contentType', 'createdAt', 'ownerId', 'size'].sort(),
    );

    // Any signed-in member watches it.
    const served = await learner.client.raw('GET', video.url);
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
    const served = await learner.client.raw('GET', answer.body.video.url);
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
    const answer = await trainer.client.raw('POST', '/api/training/videos', {
      body,
      headers: { 'content-type': 'video/mp4' },
    });
    expect(answer.status, answer.bytes.toString()).toBe(201);
    const served = await learner.client.raw('GET', answer.body.video.url);
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
    url = (await upload(trainer.client, file)).body.video.url;
  });

  it('answers a byte range with 206 and exactly those bytes', async () => {
    const part = await learner.client.raw('GET', url, { headers: { range: 'bytes=100-1099' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-1099/${file.length}`);
    expect(part.headers.get('content-length')).toBe('1000');
    expect(part.headers.get('content-type')).toBe('video/mp4');
    expect(part.headers.get('accept-ranges')).toBe('bytes');
    expect(part.bytes.equals(file.subarray(100, 1100))).toBe(true);
  });

  it('answers open-ended and suffix ranges (what players ask when seeking)', async () => {
    const tail = await learner.client.raw('GET', url, { headers: { range: 'bytes=49000-' } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe(`bytes 49000-49999/${file.length}`);
    expect(tail.bytes.equals(file.subarray(49_000))).toBe(true);
    const last = await learner.client.raw('GET', url, { headers: { range: 'bytes=-10' } });
    expect(last.status).toBe(206);
    expect(last.bytes.equals(file.subarray(file.length - 10))).toBe(true);
  });

  it('answers a range outside the file with 416, Content-Range and the error shape', async () => {
    const bad = await learner.client.raw('GET', url, { headers: { range: 'bytes=60000-70000' } });
    expect(bad.status).toBe(416);
    expect(bad.headers.get('content-range')).toBe(`bytes */${file.length}`);
    expect(bad.headers.get('content-type')).toMatch(/^application\/json/);
    expect(bad.body.error.code).toBe('INVALID_INPUT');
    expect(bad.body.error.fields.range).toBeDefined();
  });

  it('answers HEAD with the length and no body', async () => {
    const head = await learner.client.raw('HEAD', url);
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
    const anonymous = new ApiClient(haven().url);
    await anonymous.fetchCsrf();
    const file = mp4(2_000);
    const before = await stored();
    const refused = await upload(anonymous, file);
    expect(refused.status).toBe(401);
    expect(await stored()).toEqual(before);

    const url = (await upload(trainer.client, file)).body.video.url;
    const watched = await anonymous.raw('GET', url);
    expect(watched.status).toBe(401);
    expect(watched.body.error.code).toBe('UNAUTHENTICATED');
    expect(watched.bytes.includes(file.subarray(0, 64))).toBe(false);
  });

  it('answers an unknown id with NOT_FOUND and a malformed one with INVALID_INPUT', async () => {
    const unknown = await learner.client.raw('GET', `/api/training/videos/${new Types.ObjectId()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    for (const id of ['nope', '../../../etc/passwd', `${new Types.ObjectId()}.mp4`]) {
      const malformed = await learner.client.raw(
        'GET',
        `/api/training/videos/${encodeURIComponent(id)}`,
      );
      expect(malformed.status, id).toBe(400);
      expect(malformed.body.error.code).toBe('INVALID_INPUT');
    }
  });
});

describe('refused uploads store nothing', () => {
  it('refuses other content types', async () => {
    const before = await stored();
    for (const type of ['video/quicktime', 'application/octet-stream', 'image/png', 'text/plain']) {
      const answer = await upload(trainer.client, mp4(2_000), type);
      expect(answer.status, type).toBe(400);
      expect(answer.body.error.code).toBe('INVALID_INPUT');
      expect(answer.body.error.fields.contentType).toBeDefined();
    }
    const untyped = await trainer.client.raw('POST', '/api/training/videos', { body: mp4(2_000) });
    expect(untyped.status).toBe(400);
    expect(untyped.body.error.fields.contentType).toBeDefined();
    expect(await stored()).toEqual(before);
  });

  it('refuses a file whose first bytes are not of the type it claims', async () => {
    const before = await stored();
    const liars: Array<[string, Buffer]> = [
      ['video/mp4', webm(2_000)],
      ['video/webm', mp4(2_000)],
      ['video/mp4', randomBytes(2_000)],
      // Past the first chunk: the check happens before anything of it is kept.
      ['video/webm', randomBytes(200_000)],
      ['video/mp4', Buffer.from('<html><script>alert(1)</script></html>')],
      // Too short to say.
      ['video/mp4', Buffer.from([0, 0, 0, 8, 0x66, 0x74])],
    ];
    for (const [type, body] of liars) {
      const answer = await upload(trainer.client, body, type);
      expect(answer.status, type).toBe(400);
      expect(answer.body.error.code).toBe('INVALID_INPUT');
      expect(answer.body.error.fields.file).toBeDefined();
    }
    const empty = await upload(trainer.client, new Uint8Array(0));
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.file).toEqual(['is empty']);
    expect(await stored()).toEqual(before);
  });

  it('refuses a body over the size cap, declared or streamed', async () => {
    const before = await stored();
    const declared = await upload(trainer.client, mp4(MAX_BYTES + 1));
    expect(declared.status).toBe(400);
    expect(declared.body.error.code).toBe('INVALID_INPUT');
    expect(declared.body.error.fields.size).toBeDefined();

    // Without a Content-Length the server counts as the bytes come, and stops at the cap.
    const file = mp4(MAX_BYTES + 50_000);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < file.length; at += 16_384)
          controller.enqueue(file.subarray(at, at + 16_384));
        controller.close();
      },
    });
    const streamed = await trainer.client
      .raw('POST', '/api/training/videos', { body, headers: { 'content-type': 'video/mp4' } })
      .catch((error: Error) => ({ status: 0, body: { error: { message: error.message } } }));
    // The server may close the connection before the client has sent everything; either
    // way the answer, when it arrives, is the refusal.
    if (streamed.status !== 0) {
      expect(streamed.status).toBe(400);
      expect(streamed.body.error.fields.size).toBeDefined();
    }
    await expect.poll(stored).toEqual(before);

    // Exactly the cap is fine.
    const atCap = await upload(trainer.client, mp4(MAX_BYTES));
    expect(atCap.status).toBe(201);
  });

  it('removes the file when its document cannot be written, and answers INTERNAL', async () => {
    const before = await stored();
    const create = vi
      .spyOn(models(haven()).Video, 'create')
      .mockRejectedValueOnce(new Error('the database went away'));
    try {
      const answer = await upload(trainer.client, mp4(20_000));
      expect(answer.status).toBe(500);
      expect(answer.body.error.code).toBe('INTERNAL');
    } finally {
      create.mockRestore();
    }
    expect(await stored()).toEqual(before);
  });

  it('keeps nothing of an upload the client abandons half-way', async () => {
    const before = await stored();
    const cookie = ['haven_session', 'haven_csrf']
      .map((name) => `${name}=${trainer.client.cookie(name)}`)
      .join('; ');
    const { port } = haven();
    await new Promise<void>((resolve) => {
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/training/videos',
        headers: {
          cookie,
          'x-csrf-token': trainer.client.csrfToken,
          'content-type': 'video/mp4',
          'content-length': String(200_000),
        },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write(mp4(60_000), () => {
        // Give the server time to start writing the file, then hang up.
        setTimeout(() => req.destroy(), 200);
      });
    });
    // A .part file may exist for a moment; then nothing is left.
    await expect.poll(stored, { timeout: 5_000 }).toEqual(before);
  });
});

describe('video items name uploaded videos', () => {
  it('saves an item whose url is an uploaded video, and learners get that address', async () => {
    const { video } = (await upload(trainer.client, mp4(3_000))).body;
    const body = courseWithVideo('Hosted video', video.url);
    const created = await trainer.client.post('/api/courses', body);
    expect(created.status, created.text).toBe(201);
    const id = created.body.course.id;
    expect((await trainer.client.patch(`/api/courses/${id}`, { publish: true })).status).toBe(200);
    const items = await itemIds(learner.client, id);
    const item = await learner.client.get(`/api/items/${items.watch}`);
    expect(item.status).toBe(200);
    expect(item.body.item.video.url).toBe(video.url);
    // And the address plays for that learner.
    expect((await learner.client.raw('GET', item.body.item.video.url)).status).toBe(200);
  });

  it('refuses an item naming an upload that does not exist, changing nothing', async () => {
    const courses = await models(haven()).Course.countDocuments();
    const missing = `/api/training/videos/${new Types.ObjectId()}`;
    const body = courseWithVideo('Missing video', missing);
    const refused = await trainer.client.post('/api/courses', body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('INVALID_INPUT');
    expect(refused.body.error.fields['modules.0.items.1.url']).toEqual([
      'no uploaded video has this address',
    ]);
    expect(await models(haven()).Course.countDocuments()).toBe(courses);

    // The same through an edit: the draft keeps its item.
    const created = await trainer.client.post('/api/courses', courseBody({ title: 'Edited' }));
    const id = created.body.course.id;
    const draft = (await trainer.client.get(`/api/courses/${id}?view=draft`)).body.draft;
    const modules = structuredClone(draft.modules);
    modules[0].items[1].url = missing;
    const patched = await trainer.client.patch(`/api/courses/${id}`, { modules });
    expect(patched.status).toBe(400);
    expect(patched.body.error.fields['modules.0.items.1.url']).toBeDefined();
    const after = (await trainer.client.get(`/api/courses/${id}?view=draft`)).body.draft;
    expect(after.modules[0].items[1].url).toBe('https://video.example.org/urges.mp4');
  });

  it('still takes https addresses, and refuses other addresses', async () => {
    for (const url of [
      'http://video.example.org/a.mp4',
      '/api/training/videos/nope',
      '/etc/passwd',
      'javascript:alert(1)',
      `/api/training/videos/${new Types.ObjectId()}/../x`,
    ]) {
      const body = courseWithVideo('Address', url);
      const refused = await trainer.client.post('/api/courses', body);
      expect(refused.status, url).toBe(400);
      expect(refused.body.error.fields['modules.0.items.1.url'], url).toBeDefined();
    }
  });
});

describe('export and account deletion', () => {
  it('exports a trainer’s uploads, and keeps the videos when the account goes', async () => {
    const leaving = await member(haven(), ['trainer']);
    const file = mp4(4_000);
    const { video } = (await upload(leaving.client, file)).body;
    const exported = await leaving.client.get('/api/me/export');
    expect(exported.status).toBe(200);
    expect(exported.body.trainingVideos).toEqual([
      {
        id: video.id,
        url: video.url,
        contentType: 'video/mp4',
        size: file.length,
        createdAt: expect.any(String),
      },
    ]);

    const erased = await leaving.client.delete('/api/me');
    expect([200, 204]).toContain(erased.status);
    const doc = await models(haven()).Video.findById(video.id).lean();
    expect(doc?.ownerId).toBeNull();
    const served = await learner.client.raw('GET', video.url);
    expect(served.status).toBe(200);
    expect(served.bytes.equals(file)).toBe(true);
  });
});

describe('start-up sweep', () => {
  it('removes what a crash left (old .part files, files without a document), nothing else', async () => {
    const videos = haven().haven.api.training.videos;
    if (!videos) throw new Error('the videos store is missing');
    const kept = (await upload(trainer.client, mp4(1_000))).body.video;
    const dir = videosDir();
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const oldPart = `.upload-${new Types.ObjectId()}-0123abcd.part`;
    const freshPart = `.upload-${new Types.ObjectId()}-89abcdef.part`;
    const orphan = `${new Types.ObjectId()}.mp4`;
    for (const name of [oldPart, freshPart, orphan]) writeFileSync(join(dir, name), mp4(100));
    for (const name of [oldPart, orphan]) utimesSync(join(dir, name), hourAgo, hourAgo);
    // A stored video may be old too: its document keeps it.
    utimesSync(join(dir, `${kept.id}.mp4`), hourAgo, hourAgo);

    expect(await videos.sweep()).toEqual({ parts: 1, orphans: 1 });
    const left = filesOnDisk();
    expect(left).not.toContain(oldPart);
    expect(left).not.toContain(orphan);
    expect(left).toContain(freshPart);
    expect(left).toContain(`${kept.id}.mp4`);
    expect((await learner.client.raw('GET', kept.url)).status).toBe(200);
    rmSync(join(dir, freshPart));
  });
});
