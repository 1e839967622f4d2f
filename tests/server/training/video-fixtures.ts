import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll } from 'vitest';
import type { ApiClient } from '../../helpers/api-client.ts';
import type { TestHaven } from '../../helpers/haven.ts';
import { courseBody, havenPerFile, member, models } from './helpers.ts';

// Small made-up files, not real videos: the server checks the first bytes only.

/** An "MP4": a 24-byte `ftyp` box (brand isom), then filler. */
export function mp4(size: number): Buffer {
  const bytes = randomBytes(size);
  bytes.writeUInt32BE(24, 0);
  bytes.write('ftypisom', 4, 'latin1');
  return bytes;
}

/** A "WebM": the EBML magic number, then filler. */
export function webm(size: number): Buffer {
  const bytes = randomBytes(size);
  Buffer.from([0x1a, 0x45, 0xdf, 0xa3]).copy(bytes, 0);
  return bytes;
}

export const videosDir = (haven: TestHaven) => join(haven.dataDir, 'training-videos');
export const filesOnDisk = (haven: TestHaven) =>
  existsSync(videosDir(haven)) ? readdirSync(videosDir(haven)).sort() : [];

/** What is stored now: the folder's files and the number of video documents. */
export async function stored(haven: TestHaven) {
  return { files: filesOnDisk(haven), docs: await models(haven).Video.countDocuments() };
}

export function upload(client: ApiClient, body: Uint8Array, contentType = 'video/mp4') {
  return client.raw('POST', '/api/training/videos', {
    body,
    headers: { 'content-type': contentType },
  });
}

/** The helpers' course, its video item (the module's second item) at `url`. */
export function courseWithVideo(title: string, url: string) {
  const body = courseBody({ title }) as {
    modules: Array<{ items: Array<Record<string, unknown>> }>;
  };
  const video = body.modules[0]?.items[1];
  if (video?.kind !== 'video') throw new Error('the helpers’ course has moved its video');
  video.url = url;
  return body;
}

/** The upload ceiling the video test files run under: small, so refusals cost little. */
export const MAX_BYTES = 256 * 1024;

/**
 * A video test file's Haven (uploads up to MAX_BYTES), a trainer and a learner signed up
 * before its tests, and what is stored in its videos folder and collection.
 */
export function videoSuite() {
  const { haven } = havenPerFile({ trainingVideoMaxBytes: MAX_BYTES });
  const people = {} as Record<'trainer' | 'learner', { client: ApiClient; id: string }>;
  beforeAll(async () => {
    people.trainer = await member(haven(), ['trainer']);
    people.learner = await member(haven());
  });
  return {
    haven,
    people,
    videosDir: () => videosDir(haven()),
    filesOnDisk: () => filesOnDisk(haven()),
    stored: () => stored(haven()),
  };
}
