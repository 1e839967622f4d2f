/** Where each page lives. The server answers index.html for any path outside /api. */
export const PATHS = {
  home: '/',
  signUp: '/signup',
  signIn: '/login',
  account: '/account',
} as const;

/** The community's areas; each has a page (a placeholder until its feature lands). */
export const SECTIONS = [
  'meetings',
  'groups',
  'events',
  'posts',
  'library',
  'tools',
  'proposals',
  'partners',
  'feedback',
  'collaborate',
  'training',
] as const;
export type Section = (typeof SECTIONS)[number];

/** What members use most sits in the header; the rest is linked from the footer. */
export const HEADER_SECTIONS: readonly Section[] = [
  'meetings',
  'groups',
  'events',
  'posts',
  'library',
  'tools',
  'training',
];
export const FOOTER_SECTIONS: readonly Section[] = [
  'proposals',
  'partners',
  'feedback',
  'collaborate',
];

export function sectionPath(section: Section): string {
  return `/${section}`;
}

/** The sign-in page, returning to `from` afterwards (not when `from` is an entry page). */
export function signInPath(from?: string): string {
  const entryPages: readonly string[] = [PATHS.home, PATHS.signIn, PATHS.signUp];
  if (!from || entryPages.includes(from)) return PATHS.signIn;
  return `${PATHS.signIn}?next=${encodeURIComponent(from)}`;
}
