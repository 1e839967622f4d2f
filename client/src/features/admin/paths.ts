/** Where the admin pages live (the header links here for admins; no zod, first-paint safe). */
export const ADMIN_PATHS = { members: '/admin/members', member: '/admin/members/:id' } as const;

/** One member's roles and partner link, on a page of its own. */
export const memberPath = (id: string) => `/admin/members/${encodeURIComponent(id)}`;
