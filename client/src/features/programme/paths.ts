/** Where the programme's pages live (the sections come from routes.ts; these are their pages). */
export const PROGRAMME_PATHS = {
  library: '/library',
  publication: '/library/:slug',
  tools: '/tools',
  newWorksheet: '/tools/new/:tool',
  worksheet: '/tools/:id',
  proposals: '/proposals',
  newProposal: '/proposals/new',
  proposal: '/proposals/:id',
  partners: '/partners',
  partner: '/partners/:id',
  collaborate: '/collaborate',
  enquiries: '/collaborate/enquiries',
} as const;

export const publicationPath = (slug: string) => `/library/${encodeURIComponent(slug)}`;
export const worksheetPath = (id: string) => `/tools/${encodeURIComponent(id)}`;
/** The unsaved editor of a new worksheet: nothing is stored until its first save. */
export const newWorksheetPath = (tool: string) => `/tools/new/${encodeURIComponent(tool)}`;
export const proposalPath = (id: string) => `/proposals/${encodeURIComponent(id)}`;
export const partnerPath = (id: string) => `/partners/${encodeURIComponent(id)}`;
/** The directory feature's meeting page. */
export const meetingPath = (id: string) => `/meetings/${encodeURIComponent(id)}`;

/** `?a=1&b=2` from the defined, non-empty values only. */
export function queryString(values: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
