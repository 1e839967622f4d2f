import { PUBLICATION_KINDS, PUBLICATION_LANGUAGES } from '../constants.ts';

/**
 * The library's filters live in the address (`/library?point=2&language=es`), so a filtered
 * list can be shared and the back button works. Pure, so it is tested in node.
 */
export type Point = 1 | 2 | 3 | 4;
export type PointFilter = '' | '1' | '2' | '3' | '4' | 'general';
export type PublicationLanguage = (typeof PUBLICATION_LANGUAGES)[number];
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];
export const POINT_FILTERS: readonly PointFilter[] = ['', 'general', '1', '2', '3', '4'];

export interface LibraryFilters {
  point: PointFilter;
  /** Without a choice in the address, the UI language (it follows a language switch). */
  language: PublicationLanguage;
  kind: '' | PublicationKind;
}

export function isPoint(value: unknown): value is Point {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

export function readLibraryFilters(search: string, uiLanguage: string): LibraryFilters {
  const params = new URLSearchParams(search);
  const fallback = oneOf(uiLanguage, PUBLICATION_LANGUAGES) ?? 'en';
  return {
    point: oneOf(params.get('point'), POINT_FILTERS) ?? '',
    language: oneOf(params.get('language'), PUBLICATION_LANGUAGES) ?? fallback,
    kind: oneOf(params.get('kind'), PUBLICATION_KINDS) ?? '',
  };
}

/** The address's query for these filters; the UI language is left out so it keeps following. */
export function librarySearch(filters: LibraryFilters, uiLanguage: string): string {
  const params = new URLSearchParams();
  if (filters.point) params.set('point', filters.point);
  if (filters.language !== uiLanguage) params.set('language', filters.language);
  if (filters.kind) params.set('kind', filters.kind);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The API query for these filters. */
export function libraryQuery(filters: LibraryFilters) {
  return {
    language: filters.language,
    ...(filters.point ? { point: filters.point } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    limit: 50,
  };
}

/** Publications grouped by point, keeping the server's order (general first, then 1 to 4). */
export function groupByPoint<T extends { point: number | null }>(
  items: readonly T[],
): Array<{ point: Point | null; items: T[] }> {
  const groups: Array<{ point: Point | null; items: T[] }> = [];
  for (const item of items) {
    const point = isPoint(item.point) ? item.point : null;
    let group = groups.find((g) => g.point === point);
    if (!group) {
      group = { point, items: [] };
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}
