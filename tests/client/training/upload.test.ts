import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../client/src/api/client.ts';
import { ApiError } from '../../../client/src/api/errors.ts';
import {
  isAbortError,
  uploadProblemKey,
  uploadVideo,
  VIDEO_ACCEPT,
} from '../../../client/src/features/training/upload.ts';

/** An XMLHttpRequest stand-in: records what was sent; the test answers it. */
class FakeRequest {
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = '';
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true } as ProgressEvent);
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

const csrfClient = { get: async () => ({ csrfToken: 'token-1' }) } as unknown as ApiClient;
const id = '6b154ef44e2e6905f666d9d1';

function setUp() {
  const requests: FakeRequest[] = [];
  const createRequest = () => {
    const request = new FakeRequest();
    requests.push(request);
    return request as unknown as XMLHttpRequest;
  };
  /** The request, once uploadVideo has fetched its token and sent. */
  const sent = async () => {
    await expect.poll(() => requests.length).toBe(1);
    return requests[0] as FakeRequest;
  };
  return { requests, createRequest, sent };
}

describe('uploadVideo', () => {
  it('sends the file as the raw body with its type and the CSRF token, reporting progress', async () => {
    const { createRequest, sent } = setUp();
    const file = new Blob([new Uint8Array(1000)], { type: 'video/mp4' });
    const progress: Array<[number, number]> = [];
    const done = uploadVideo(file, {
      client: csrfClient,
      createRequest,
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    const request = await sent();
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/training/videos');
    expect(request.headers['content-type']).toBe('video/mp4');
    expect(request.headers['x-csrf-token']).toBe('token-1');
    expect(request.body).toBe(file);
    request.progress(500, 1000);
    request.progress(1000, 1000);
    const video = { id, url: `/api/training/videos/${id}`, contentType: 'video/mp4', size: 1000 };
    request.answer(201, { video });
    expect(await done).toEqual(video);
    expect(progress).toEqual([
      [500, 1000],
      [1000, 1000],
    ]);
  });

  it('refuses a file of another type without sending it', async () => {
    const { createRequest, requests } = setUp();
    const file = new Blob(['x'], { type: 'video/quicktime' });
    const error = await uploadVideo(file, { client: csrfClient, createRequest }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(uploadProblemKey(error)).toBe('training.upload.wrongType');
    expect(requests).toEqual([]);
    expect(VIDEO_ACCEPT).toBe('video/mp4,video/webm');
  });

  it("rejects with the server's refusal, worded by its field or code", async () => {
    const refusals: Array<[number, unknown, string]> = [
      [
        400,
        { error: { code: 'INVALID_INPUT', message: '', fields: { size: ['too big'] } } },
        'training.upload.tooLarge',
      ],
      [
        400,
        {
          error: { code: 'INVALID_INPUT', message: '', fields: { file: ['is not an MP4 video'] } },
        },
        'training.upload.notVideo',
      ],
      [
        400,
        { error: { code: 'INVALID_INPUT', message: '', fields: { file: ['is empty'] } } },
        'training.upload.empty',
      ],
      [403, { error: { code: 'FORBIDDEN', message: '' } }, 'training.upload.forbidden'],
      [429, { error: { code: 'RATE_LIMITED', message: '' } }, 'errors.RATE_LIMITED'],
      [502, 'not json', 'errors.UNAVAILABLE'],
    ];
    for (const [status, body, key] of refusals) {
      const { createRequest, sent } = setUp();
      const file = new Blob([new Uint8Array(10)], { type: 'video/webm' });
      const done = uploadVideo(file, { client: csrfClient, createRequest }).catch((e) => e);
      (await sent()).answer(status, body);
      const error = await done;
      expect(error).toBeInstanceOf(ApiError);
      expect(error.status).toBe(status);
      expect(uploadProblemKey(error)).toBe(key);
    }
  });

  it('cancels with the signal, and reports a lost connection as UNAVAILABLE', async () => {
    const first = setUp();
    const controller = new AbortController();
    const file = new Blob([new Uint8Array(10)], { type: 'video/mp4' });
    const cancelled = uploadVideo(file, {
      client: csrfClient,
      createRequest: first.createRequest,
      signal: controller.signal,
    }).catch((e) => e);
    await first.sent();
    controller.abort();
    expect(isAbortError(await cancelled)).toBe(true);

    const second = setUp();
    const lost = uploadVideo(file, {
      client: csrfClient,
      createRequest: second.createRequest,
    }).catch((e) => e);
    (await second.sent()).onerror?.();
    const error = await lost;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('UNAVAILABLE');
  });
});
