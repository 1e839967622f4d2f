import type { z } from 'zod';
import {
  chatReportPage,
  chatReportResponse,
  chatReportScopeResponse,
  type ResolveChatReportInput,
} from '../../../../shared/api/chat-reports.ts';
import {
  adminFeedbackPage,
  adminFeedbackResponse,
  commentResponse,
  type createEventBody,
  type createFeedbackBody,
  type createGroupBody,
  type createPostBody,
  eventPage,
  eventResponse,
  feedbackResponse,
  groupDetailResponse,
  groupPage,
  groupResponse,
  myFeedbackPage,
  postDetailResponse,
  postPage,
  postResponse,
  type reportBody,
  reportCreatedResponse,
  reportedItemPage,
  reportedItemResponse,
  reportPage,
  reportResponse,
  type updateEventBody,
  type updateFeedbackBody,
} from '../../../../shared/api/community.ts';
import { type ApiClient, api } from '../../api/client.ts';

export type NewGroup = z.input<typeof createGroupBody>;
export type NewEvent = z.input<typeof createEventBody>;
export type EventChange = z.input<typeof updateEventBody>;
export type NewPost = z.input<typeof createPostBody>;
export type NewReport = z.input<typeof reportBody>;
export type NewFeedback = z.input<typeof createFeedbackBody>;
export type FeedbackChange = z.input<typeof updateFeedbackBody>;

const at = (...parts: string[]) => `/api/${parts.map(encodeURIComponent).join('/')}`;
/** A reported post (commentId null) or comment. */
export interface ItemKey {
  postId: string;
  commentId: string | null;
}
const itemPath = (item: ItemKey) =>
  item.commentId ? at('posts', item.postId, 'comments', item.commentId) : at('posts', item.postId);

/**
 * The community routes of docs/community.md, typed with shared/api/community. Loaded with
 * `import()` by ./store.ts (it brings zod and the schemas); every failure is an `ApiError`.
 * List queries are ready-made search strings from ./filters.ts.
 */
export function communityApi(client: ApiClient = api) {
  return {
    // Groups
    listGroups: (search: string) => client.get(`/api/groups${search}`, groupPage),
    getGroup: (id: string) => client.get(at('groups', id), groupDetailResponse),
    createGroup: async (input: NewGroup) =>
      (await client.post('/api/groups', input, groupResponse)).group,
    joinGroup: async (id: string) =>
      (await client.post(`${at('groups', id)}/join`, {}, groupResponse)).group,
    leaveGroup: async (id: string) =>
      (await client.post(`${at('groups', id)}/leave`, {}, groupResponse)).group,
    addModerator: async (id: string, userId: string) =>
      (await client.post(`${at('groups', id)}/moderators`, { userId }, groupResponse)).group,
    removeModerator: async (id: string, userId: string) =>
      (await client.delete(at('groups', id, 'moderators', userId), groupResponse)).group,

    // Events
    listEvents: (search: string) => client.get(`/api/events${search}`, eventPage),
    getEvent: async (id: string) => (await client.get(at('events', id), eventResponse)).event,
    createEvent: async (input: NewEvent) =>
      (await client.post('/api/events', input, eventResponse)).event,
    updateEvent: async (id: string, change: EventChange) =>
      (await client.patch(at('events', id), change, eventResponse)).event,
    rsvp: async (id: string, going: boolean) =>
      (await client.post(`${at('events', id)}/rsvp`, { going }, eventResponse)).event,

    // Posts, comments, reports
    listPosts: (search: string) => client.get(`/api/posts${search}`, postPage),
    getPost: (id: string) => client.get(at('posts', id), postDetailResponse),
    createPost: async (input: NewPost) =>
      (await client.post('/api/posts', input, postResponse)).post,
    deletePost: async (id: string) => {
      await client.delete(at('posts', id));
    },
    addComment: async (postId: string, body: string) =>
      (await client.post(`${at('posts', postId)}/comments`, { body }, commentResponse)).comment,
    deleteComment: async (postId: string, commentId: string) => {
      await client.delete(at('posts', postId, 'comments', commentId));
    },
    reportPost: async (postId: string, report: NewReport) =>
      (await client.post(`${at('posts', postId)}/report`, report, reportCreatedResponse)).report,
    reportComment: async (postId: string, commentId: string, report: NewReport) =>
      (
        await client.post(
          `${at('posts', postId, 'comments', commentId)}/report`,
          report,
          reportCreatedResponse,
        )
      ).report,
    listReports: (search: string) => client.get(`/api/reports${search}`, reportPage),
    resolveReport: async (id: string, action: 'hide' | 'dismiss') =>
      (await client.patch(at('reports', id), { action }, reportResponse)).report,
    // The queue by reported item: one decision covers every open report on it.
    listReportedItems: (search: string) =>
      client.get(`/api/reports/items${search}`, reportedItemPage),
    decideItem: async (item: ItemKey, action: 'hide' | 'dismiss') =>
      (await client.post(`${itemPath(item)}/moderation`, { action }, reportedItemResponse)).item,
    unhideItem: async (item: ItemKey) =>
      (await client.post(`${itemPath(item)}/unhide`, {}, reportedItemResponse)).item,

    // Reported group-chat lines (the moderation page; reporting is the chat socket's)
    chatReportScope: () => client.get('/api/chat/reports/scope', chatReportScopeResponse),
    listChatReports: (search: string) => client.get(`/api/chat/reports${search}`, chatReportPage),
    resolveChatReport: async (id: string, input: ResolveChatReportInput) =>
      (await client.post(`${at('chat', 'reports', id)}/resolve`, input, chatReportResponse)).report,

    // Feedback
    sendFeedback: async (input: NewFeedback) =>
      (await client.post('/api/feedback', input, feedbackResponse)).feedback,
    myFeedback: (search: string) => client.get(`/api/feedback/mine${search}`, myFeedbackPage),
    allFeedback: (search: string) => client.get(`/api/feedback${search}`, adminFeedbackPage),
    updateFeedback: async (id: string, change: FeedbackChange) =>
      (await client.patch(at('feedback', id), change, adminFeedbackResponse)).feedback,
  };
}

export type CommunityApi = ReturnType<typeof communityApi>;

export const community = communityApi();
