/** The 4-Point Program's API: publications, worksheets, tool proposals, partners, enquiries. */
export * from './enquiries.ts';
export * from './partners.ts';
export * from './proposals.ts';
export * from './publications.ts';
export * from './worksheets.ts';
