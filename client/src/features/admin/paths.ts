/** Where the admin pages live (the header links here for admins; no zod, first-paint safe). */
export const ADMIN_PATHS = { members: '/admin/members' } as const;
