import { describe, expect, it } from 'vitest';
import {
  clearFilters,
  filtersToSearch,
  hasChosenFilters,
  listRequest,
  narrowsResults,
  PAGE_SIZE,
  parseFilters,
  WEEK_MEETING_LIMIT,
  weekRequest,
  withFilter,
} from '../../../../client/src/features/meetings/directory/filters.ts';
import { listMeetingsQuery, meetingsOccurrencesQuery } from '../../../../shared/api/directory.ts';

describe('filters in the address', () => {
  it('round-trips every filter in a stable order', () => {
    const search =
      '?language=es&type=specialised&audience=women&format=hybrid&country=MX&soon=today&tz=America%2FMexico_City&view=week&week=2026-10-19';
    const filters = parseFilters(search);
    expect(filters).toEqual({
      language: 'es',
      type: 'specialised',
      audience: 'women',
      format: 'hybrid',
      country: 'MX',
      soon: 'today',
      tz: 'America/Mexico_City',
      view: 'week',
      week: '2026-10-19',
    });
    expect(filtersToSearch(filters)).toBe(search);
    // The same filters in another order give the same address.
    expect(filtersToSearch(parseFilters('?format=hybrid&language=es'))).toBe(
      '?language=es&format=hybrid',
    );
  });

  it('drops what it does not know instead of sending it on', () => {
    expect(
      parseFilters(
        '?language=Spanish&type=closed&format=zoom&country=spain&soon=1h&tz=Mars%2FOlympus&view=grid&week=2026-02-30&cursor=x',
      ),
    ).toEqual({});
    // An audience only narrows specialised meetings.
    expect(parseFilters('?audience=women')).toEqual({});
    expect(parseFilters('?type=open&audience=women')).toEqual({ type: 'open' });
  });

  it('keeps a week on its Monday and the list view out of the address', () => {
    expect(parseFilters('?view=week&week=2026-10-22').week).toBe('2026-10-19');
    expect(filtersToSearch({ view: 'list' })).toBe('');
    expect(filtersToSearch({})).toBe('');
  });

  it('sets and clears one filter, dropping an audience that no longer applies', () => {
    const specialised = withFilter({ view: 'week' }, 'type', 'specialised');
    const women = withFilter(specialised, 'audience', 'women');
    expect(women).toEqual({ view: 'week', type: 'specialised', audience: 'women' });
    expect(withFilter(women, 'type', 'open')).toEqual({ view: 'week', type: 'open' });
    expect(withFilter(women, 'type', '')).toEqual({ view: 'week' });
    expect(clearFilters({ ...women, tz: 'UTC', week: '2026-10-19' })).toEqual({
      view: 'week',
      week: '2026-10-19',
    });
    expect(hasChosenFilters({ view: 'week', week: '2026-10-19' })).toBe(false);
    expect(hasChosenFilters({ tz: 'UTC' })).toBe(true);
    expect(narrowsResults({ tz: 'UTC' })).toBe(false);
    expect(narrowsResults({ soon: 'now' })).toBe(true);
  });
});

describe('what the directory asks the server for', () => {
  const at = Date.parse('2026-10-20T20:40:00Z'); // 21:40 in London, 22:40 in Madrid

  it('turns "starting soon" into startingWithinHours', () => {
    const ask = (soon: string) =>
      listRequest(parseFilters(`?soon=${soon}`), 'Europe/Madrid', at).params.startingWithinHours;
    expect(ask('now')).toBe('0');
    expect(ask('2h')).toBe('2');
    expect(ask('week')).toBe('168');
    // 1 h 20 min of today left in Madrid: two whole hours, plus one spare for a long day.
    expect(ask('today')).toBe('3');
    expect(listRequest({ soon: 'today' }, 'Europe/Madrid', at).onlyDate).toBe('2026-10-20');
    expect(listRequest({ soon: 'today' }, 'Asia/Tokyo', at).onlyDate).toBe('2026-10-21');
  });

  it('sends only what the server accepts, always with the zone', () => {
    const request = listRequest(
      parseFilters('?language=es&type=specialised&audience=women&country=MX&view=week'),
      'Europe/Madrid',
      at,
    );
    expect(request.params).toEqual({
      language: 'es',
      type: 'specialised',
      audience: 'women',
      country: 'MX',
      tz: 'Europe/Madrid',
      limit: String(PAGE_SIZE),
    });
    expect(listMeetingsQuery.safeParse(request.params).success).toBe(true);
    const week = weekRequest(parseFilters('?soon=2h&format=online'), 'UTC', '2026-10-19');
    expect(week.params).toEqual({ format: 'online', tz: 'UTC', limit: String(WEEK_MEETING_LIMIT) });
    expect(listMeetingsQuery.safeParse(week.params).success).toBe(true);
    // The week's meetings then go to the batch route in one request, which takes this many.
    const ids = Array.from({ length: WEEK_MEETING_LIMIT }, (_, n) =>
      n.toString(16).padStart(24, '0'),
    );
    expect(
      meetingsOccurrencesQuery.safeParse({
        ids: ids.join(','),
        from: '2026-10-19',
        to: '2026-10-26',
      }).success,
    ).toBe(true);
  });

  it('keeps the same key while only the clock moves', () => {
    const a = listRequest({ soon: 'today' }, 'Europe/Madrid', at);
    const b = listRequest({ soon: 'today' }, 'Europe/Madrid', at + 30 * 60_000);
    expect(a.params.startingWithinHours).not.toBe(b.params.startingWithinHours);
    expect(a.key).toBe(b.key);
    expect(listRequest({ soon: 'today' }, 'UTC', at).key).not.toBe(a.key);
    expect(weekRequest({}, 'UTC', '2026-10-19').key).not.toBe(
      weekRequest({}, 'UTC', '2026-10-26').key,
    );
  });
});
