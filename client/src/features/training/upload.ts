import { csrfResponse } from '../../../../shared/api/accounts.ts';
import {
  isVideoContentType,
  type UploadedVideo,
  VIDEO_CONTENT_TYPES,
  videoUploadResponse,
} from '../../../../shared/training/videos.ts';
import { type ApiClient, api } from '../../api/client.ts';
import { ApiError, apiErrorFrom } from '../../api/errors.ts';
import { errorMessageKey } from '../../i18n/index.ts';

export interface UploadVideoOptions {
  /** Bytes sent so far of the total, as the browser reports them. */
  onProgress?: (sent: number, total: number) => void;
  /** Aborting cancels the upload; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
  /** Where the CSRF token comes from (the page's API client). */
  client?: ApiClient;
  /** Makes the request (tests pass a stand-in; the browser's XMLHttpRequest otherwise). */
  createRequest?: () => XMLHttpRequest;
}

/** What a file input's `accept` takes: the types the server stores. */
export const VIDEO_ACCEPT = VIDEO_CONTENT_TYPES.join(',');

/**
 * Uploads one training video (trainers and admins): `POST /api/training/videos` with the
 * file as the raw body and its type as the Content-Type (docs/training.md, "Uploaded
 * videos"). XMLHttpRequest rather than fetch, for upload progress. Resolves with the stored
 * video, whose `url` goes into a video item; rejects with an ApiError (the server's code
 * and fields; UNAVAILABLE when nothing came back) or, when aborted, an AbortError.
 */
export async function uploadVideo(
  file: Blob,
  options: UploadVideoOptions = {},
): Promise<UploadedVideo> {
  // The server refuses other types too; saying so here spares sending the file.
  if (!isVideoContentType(file.type))
    throw new ApiError('INVALID_INPUT', 0, {
      contentType: [`must be ${VIDEO_CONTENT_TYPES.join(' or ')}`],
    });
  if (options.signal?.aborted) throw abortError();
  const { csrfToken } = await (options.client ?? api).get('/api/auth/csrf', csrfResponse);
  return new Promise((resolve, reject) => {
    const xhr = options.createRequest?.() ?? new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    const done = () => options.signal?.removeEventListener('abort', onAbort);
    xhr.open('POST', '/api/training/videos');
    xhr.setRequestHeader('Content-Type', file.type);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) =>
      options.onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      done();
      let json: unknown;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        json = undefined;
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(apiErrorFrom(xhr.status, json));
        return;
      }
      const parsed = videoUploadResponse.safeParse(json);
      if (parsed.success) resolve(parsed.data.video);
      else
        reject(new ApiError('INTERNAL', xhr.status, {}, 'the response did not match its schema'));
    };
    xhr.onerror = () => {
      done();
      reject(new ApiError('UNAVAILABLE', 0, {}, 'no response'));
    };
    xhr.onabort = () => {
      done();
      reject(abortError());
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(file);
  });
}

function abortError(): DOMException {
  return new DOMException('the upload was cancelled', 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export type UploadProblemKey =
  | `training.upload.${'wrongType' | 'tooLarge' | 'empty' | 'notVideo' | 'forbidden'}`
  | ReturnType<typeof errorMessageKey>;

/** Why an upload failed, as a catalogue key: the server's field first, else its code. */
export function uploadProblemKey(error: ApiError): UploadProblemKey {
  if (error.fields.contentType) return 'training.upload.wrongType';
  if (error.fields.size) return 'training.upload.tooLarge';
  if (error.fields.file?.includes('is empty')) return 'training.upload.empty';
  if (error.fields.file) return 'training.upload.notVideo';
  if (error.code === 'FORBIDDEN') return 'training.upload.forbidden';
  return errorMessageKey(error.code);
}
