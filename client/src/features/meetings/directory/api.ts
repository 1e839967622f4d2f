import type { z } from 'zod';
import { pageOf } from '../../../../../shared/api/common.ts';
import {
  type createMeetingBody,
  joinMeetingResponse,
  meetingResponse,
  meetingSchema,
  meetingsOccurrencesResponse,
  occurrencesResponse,
  type updateMeetingBody,
} from '../../../../../shared/api/directory.ts';
import { partnerResponse } from '../../../../../shared/api/programme/partners.ts';
import { meetingFeedbackResponse } from '../../../../../shared/meetings/feedback.ts';
import { type ApiClient, api } from '../../../api/client.ts';
import type { MeetingView } from './model.ts';

export type CreateMeetingInput = z.input<typeof createMeetingBody>;
export type UpdateMeetingInput = z.input<typeof updateMeetingBody>;
export type OccurrencesAnswer = z.infer<typeof occurrencesResponse>;
export type JoinAnswer = z.infer<typeof joinMeetingResponse>;
export type MeetingFeedback = z.infer<typeof meetingFeedbackResponse>;

const meetingPage = pageOf(meetingSchema);

const query = (params: Record<string, string>) => {
  const text = new URLSearchParams(params).toString();
  return text ? `?${text}` : '';
};
const at = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;

/**
 * The directory routes of docs/directory.md, typed with shared/api/directory.ts. Loaded with
 * import() by the directory store, so zod and the schemas stay out of the first-paint bundle.
 */
export function directoryApi(client: ApiClient = api) {
  return {
    async list(params: Record<string, string>) {
      return client.get(`/api/meetings${query(params)}`, meetingPage);
    },
    async get(id: string, tz: string): Promise<MeetingView> {
      return (await client.get(`${at(id)}${query({ tz })}`, meetingResponse)).meeting;
    },
    async occurrences(id: string, window: { from?: string; to?: string; tz: string }) {
      const params: Record<string, string> = { tz: window.tz };
      if (window.from) params.from = window.from;
      if (window.to) params.to = window.to;
      return client.get(`${at(id)}/occurrences${query(params)}`, occurrencesResponse);
    },
    /** The week view's one request: every listed weekly meeting's occurrences at once. */
    async occurrencesOf(ids: readonly string[], window: { from: string; to: string; tz: string }) {
      return client.get(
        `/api/meetings/occurrences${query({ ids: ids.join(','), ...window })}`,
        meetingsOccurrencesResponse,
      );
    },
    async create(input: CreateMeetingInput): Promise<MeetingView> {
      return (await client.post('/api/meetings', input, meetingResponse)).meeting;
    },
    async update(id: string, patch: UpdateMeetingInput): Promise<MeetingView> {
      return (await client.patch(at(id), patch, meetingResponse)).meeting;
    },
    async remove(id: string): Promise<void> {
      await client.delete(at(id));
    },
    async join(id: string, confirmEligibility: boolean): Promise<JoinAnswer> {
      const body = confirmEligibility ? { confirmEligibility: true } : {};
      return client.post(`${at(id)}/join`, body, joinMeetingResponse);
    },
    /** Anonymous numbers per occurrence, for those who run the meeting. */
    async feedback(id: string): Promise<MeetingFeedback> {
      return client.get(`${at(id)}/feedback`, meetingFeedbackResponse);
    },
    async partnerName(id: string): Promise<string> {
      return (await client.get(`/api/partners/${encodeURIComponent(id)}`, partnerResponse)).partner
        .name;
    },
  };
}

export type DirectoryApi = ReturnType<typeof directoryApi>;

export const directory = directoryApi();
