/** Where the support pages live (no zod, first-paint safe: the footer links here). */
export const SUPPORT_PATHS = { page: '/support', admin: '/admin/support' } as const;
