/** Where the community's pages live (groups, events, posts, feedback are its sections). */
export const COMMUNITY_PATHS = {
  groups: '/groups',
  newGroup: '/groups/new',
  group: (id: string) => `/groups/${encodeURIComponent(id)}`,
  events: '/events',
  newEvent: '/events/new',
  event: (id: string) => `/events/${encodeURIComponent(id)}`,
  editEvent: (id: string) => `/events/${encodeURIComponent(id)}/edit`,
  posts: '/posts',
  newPost: '/posts/new',
  post: (id: string) => `/posts/${encodeURIComponent(id)}`,
  moderation: '/moderation',
  feedback: '/feedback',
  allFeedback: '/feedback/all',
  /** The member's privacy choices (who appears in group member lists) are on the account page. */
  privacy: '/account',
} as const;

/** An event as an iCalendar file (the API answers with the event's own visibility). */
export const eventCalendarUrl = (id: string) =>
  `/api/events/${encodeURIComponent(id)}/calendar.ics`;
