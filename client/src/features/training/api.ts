import { pageOf } from '../../../../shared/api/common.ts';
import {
  certificatesResponse,
  certificateVerifyResponse,
} from '../../../../shared/training/credentials.ts';
import {
  type AttemptBody,
  attemptResponse,
  courseResponse,
  courseSummarySchema,
  itemResponse,
  progressResponse,
  submissionResponse,
} from '../../../../shared/training/learning.ts';
import { type ReviewDecision, reviewResponse } from '../../../../shared/training/reviews.ts';
import { type ApiClient, api } from '../../api/client.ts';

const encode = encodeURIComponent;

/** The learner's training calls, checked with the shared schemas (docs/training.md). */
export function trainingApi(client: ApiClient = api) {
  return {
    /** Every published course, following the pages (a catalogue is small). */
    courses: async () => {
      const all = [];
      let cursor: string | null | undefined;
      do {
        const query = cursor ? `?limit=100&cursor=${encode(cursor)}` : '?limit=100';
        const page = await client.get(`/api/courses${query}`, pageOf(courseSummarySchema));
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    },
    course: async (id: string) =>
      (await client.get(`/api/courses/${encode(id)}`, courseResponse)).course,
    moveForward: (id: string) => client.post(`/api/courses/${encode(id)}/move-forward`, {}),
    item: async (id: string) => (await client.get(`/api/items/${encode(id)}`, itemResponse)).item,
    heartbeat: (id: string) =>
      client.post(`/api/items/${encode(id)}/heartbeat`, {}, progressResponse),
    complete: (id: string) =>
      client.post(`/api/items/${encode(id)}/complete`, {}, progressResponse),
    attempt: async (id: string, body: AttemptBody) =>
      (await client.post(`/api/items/${encode(id)}/attempts`, body, attemptResponse)).attempt,
    submit: async (id: string, text: string) =>
      (await client.post(`/api/items/${encode(id)}/submissions`, { text }, submissionResponse))
        .submission,
    certificates: async () =>
      (await client.get('/api/certificates', certificatesResponse)).certificates,
    decide: async (id: string, body: ReviewDecision) =>
      (await client.post(`/api/reviews/${encode(id)}`, body, reviewResponse)).review,
    verify: (code: string) =>
      client.get(`/api/certificates/${encode(code)}/verify`, certificateVerifyResponse),
  };
}

export const training = trainingApi();
