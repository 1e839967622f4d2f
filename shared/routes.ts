/**
 * Every path the browser client has a page for, as wouter patterns (`:name` is one path
 * segment). The server answers these with the client's shell and 200, any other path with
 * the same shell and 404 (the client then shows its not-found page). The client's route
 * definitions use these strings too; tests/client/route-list.test.ts checks that every
 * <Route path> the client defines is listed here and nothing else is.
 */
export const CLIENT_ROUTES = [
  // The shell's own pages and sections (client/src/routes.ts).
  '/',
  '/signup',
  '/login',
  '/account',
  // Account recovery (client/src/features/account-recovery).
  '/forgot-password',
  '/reset-password',
  // Confirming an address: a new member's, and an email change's (client/src/features/email-address).
  '/verify-email',
  '/confirm-email',
  '/meetings',
  '/groups',
  '/events',
  '/posts',
  '/library',
  '/tools',
  '/proposals',
  '/partners',
  '/feedback',
  '/collaborate',
  '/training',
  // Meetings: the directory and the live room.
  '/meetings/new',
  '/meetings/:id',
  '/meetings/:id/edit',
  '/meetings/:id/live',
  // Chat and contacts.
  '/chats',
  '/chats/private/:id',
  '/contacts',
  '/groups/:id/chat',
  // Community.
  '/groups/new',
  '/groups/:id',
  '/events/new',
  '/events/:id',
  '/events/:id/edit',
  '/posts/new',
  '/posts/:id',
  '/moderation',
  '/feedback/all',
  // Programme.
  '/library/:slug',
  '/tools/new/:tool',
  '/tools/:id',
  '/proposals/new',
  '/proposals/:id',
  '/partners/:id',
  '/collaborate/enquiries',
  // Admin, support, attendance.
  '/admin/members',
  '/admin/members/:id',
  '/admin/support',
  '/support',
  '/attendance/verify',
  '/attendance/slip',
  // Training.
  '/training/courses/:id',
  '/training/items/:id',
  '/training/certificates',
  '/training/reviews',
  '/training/authoring',
  '/training/authoring/:id',
  '/training/authoring/:id/progress',
  '/training/cohorts',
  '/training/cohorts/:id',
  '/certificates/verify/:code',
] as const;
export type ClientRoute = (typeof CLIENT_ROUTES)[number];

/** One pattern as wouter reads it: case ignored, a trailing slash allowed. */
function patternRegExp(pattern: string): RegExp {
  const literal = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = pattern
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? '/[^/]+' : `/${literal(part)}`))
    .join('');
  return new RegExp(`^${body}/?$`, 'i');
}
const MATCHERS = CLIENT_ROUTES.map(patternRegExp);

/** Whether the client has a page at `pathname` (no query string, not decoded). */
export function isClientRoute(pathname: string): boolean {
  return MATCHERS.some((matcher) => matcher.test(pathname));
}
