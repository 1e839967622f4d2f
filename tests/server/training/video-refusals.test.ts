// Uploads the server refuses, video items that name uploads, and what happens to
// videos on export, account deletion and start-up. The upload itself and range
// requests are in videos.test.ts.
import { randomBytes } from 'node:crypto';
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { Types } from 'mongoose';
import { describe, expect, it, vi } from 'vitest';
import { courseBody, itemIds, member, models } from './helpers.ts';
import { courseWithVideo, MAX_BYTES, mp4, upload, videoSuite, webm } from './video-fixtures.ts';

const { haven, people, videosDir, filesOnDisk, stored } = videoSuite();

describe('refused uploads store nothing', () => {
  it('refuses other content types', async () => {
    const before = await stored();
    for (const type of ['video/quicktime', 'application/octet-stream', 'image/png', 'text/plain']) {
      const answer = await upload(people.trainer.client, mp4(2_000), type);
      expect(answer.status, type).toBe(400);
      expect(answer.body.error.code).toBe('INVALID_INPUT');
      expect(answer.body.error.fields.contentType).toBeDefined();
    }
    const untyped = await people.trainer.client.raw('POST', '/api/training/videos', {
      body: mp4(2_000),
    });
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
      const answer = await upload(people.trainer.client, body, type);
      expect(answer.status, type).toBe(400);
      expect(answer.body.error.code).toBe('INVALID_INPUT');
      expect(answer.body.error.fields.file).toBeDefined();
    }
    const empty = await upload(people.trainer.client, new Uint8Array(0));
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.file).toEqual(['is empty']);
    expect(await stored()).toEqual(before);
  });

  it('refuses a body over the size cap, declared or streamed', async () => {
    const before = await stored();
    const declared = await upload(people.trainer.client, mp4(MAX_BYTES + 1));
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
    const streamed = await people.trainer.client
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
    const atCap = await upload(people.trainer.client, mp4(MAX_BYTES));
    expect(atCap.status).toBe(201);
  });

  it('removes the file when its document cannot be written, and answers INTERNAL', async () => {
    const before = await stored();
    const create = vi
      .spyOn(models(haven()).Video, 'create')
      .mockRejectedValueOnce(new Error('the database went away'));
    try {
      const answer = await upload(people.trainer.client, mp4(20_000));
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
      .map((name) => `${name}=${people.trainer.client.cookie(name)}`)
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
          'x-csrf-token': people.trainer.client.csrfToken,
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
    const { video } = (await upload(people.trainer.client, mp4(3_000))).body;
    const body = courseWithVideo('Hosted video', video.url);
    const created = await people.trainer.client.post('/api/courses', body);
    expect(created.status, created.text).toBe(201);
    const id = created.body.course.id;
    expect(
      (await people.trainer.client.patch(`/api/courses/${id}`, { publish: true })).status,
    ).toBe(200);
    const items = await itemIds(people.learner.client, id);
    const item = await people.learner.client.get(`/api/items/${items.watch}`);
    expect(item.status).toBe(200);
    expect(item.body.item.video.url).toBe(video.url);
    // And the address plays for that people.learner.
    expect((await people.learner.client.raw('GET', item.body.item.video.url)).status).toBe(200);
  });

  it('refuses an item naming an upload that does not exist, changing nothing', async () => {
    const courses = await models(haven()).Course.countDocuments();
    const missing = `/api/training/videos/${new Types.ObjectId()}`;
    const body = courseWithVideo('Missing video', missing);
    const refused = await people.trainer.client.post('/api/courses', body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('INVALID_INPUT');
    expect(refused.body.error.fields['modules.0.items.1.url']).toEqual([
      'no uploaded video has this address',
    ]);
    expect(await models(haven()).Course.countDocuments()).toBe(courses);

    // The same through an edit: the draft keeps its item.
    const created = await people.trainer.client.post(
      '/api/courses',
      courseBody({ title: 'Edited' }),
    );
    const id = created.body.course.id;
    const draft = (await people.trainer.client.get(`/api/courses/${id}?view=draft`)).body.draft;
    const modules = structuredClone(draft.modules);
    modules[0].items[1].url = missing;
    const patched = await people.trainer.client.patch(`/api/courses/${id}`, { modules });
    expect(patched.status).toBe(400);
    expect(patched.body.error.fields['modules.0.items.1.url']).toBeDefined();
    const after = (await people.trainer.client.get(`/api/courses/${id}?view=draft`)).body.draft;
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
      const refused = await people.trainer.client.post('/api/courses', body);
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
    const served = await people.learner.client.raw('GET', video.url);
    expect(served.status).toBe(200);
    expect(served.bytes.equals(file)).toBe(true);
  });
});

describe('start-up sweep', () => {
  it('removes what a crash left (old .part files, files without a document), nothing else', async () => {
    const videos = haven().haven.api.training.videos;
    if (!videos) throw new Error('the videos store is missing');
    const kept = (await upload(people.trainer.client, mp4(1_000))).body.video;
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
    expect((await people.learner.client.raw('GET', kept.url)).status).toBe(200);
    rmSync(join(dir, freshPart));
  });
});
