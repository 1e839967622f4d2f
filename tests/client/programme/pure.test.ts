import { describe, expect, it } from 'vitest';
import * as constants from '../../../client/src/features/programme/constants.ts';
import { localeFor, placeName } from '../../../client/src/features/programme/format.ts';
import {
  paragraphsOf,
  readingMinutes,
  sectionsOf,
  wordCount,
} from '../../../client/src/features/programme/library/blocks.ts';
import {
  groupByPoint,
  libraryQuery,
  librarySearch,
  readLibraryFilters,
} from '../../../client/src/features/programme/library/filters.ts';
import { bySoonest, peerLed } from '../../../client/src/features/programme/partners/meetings.ts';
import { queryString } from '../../../client/src/features/programme/paths.ts';
import {
  actionsFor,
  proposalQuery,
  proposalSearch,
  readProposalFilters,
  safeLink,
} from '../../../client/src/features/programme/proposals/logic.ts';
import type { MeetingView } from '../../../client/src/features/programme/types.ts';
import { ENQUIRY_KINDS, ENQUIRY_STATUSES } from '../../../shared/api/programme/enquiries.ts';
import {
  FINAL_STATES,
  PROPOSAL_STATES,
  RECOMMENDATIONS,
} from '../../../shared/api/programme/proposals.ts';
import {
  type Block,
  PUBLICATION_KINDS,
  PUBLICATION_LANGUAGES,
} from '../../../shared/api/programme/publications.ts';
import { TOOL_POINTS, TOOLS } from '../../../shared/api/programme/worksheets.ts';

describe('publication blocks', () => {
  const body: Block[] = [
    { type: 'paragraph', text: 'Before any heading.' },
    { type: 'heading', text: 'First' },
    { type: 'list', items: ['one two', 'three'] },
    { type: 'quote', text: 'A quote here' },
    { type: 'heading', text: 'Second' },
    { type: 'paragraph', text: 'Last words' },
  ];

  it('splits the body into sections at its headings', () => {
    expect(sectionsOf(body)).toEqual([
      { heading: null, blocks: [body[0]] },
      { heading: 'First', blocks: [body[2], body[3]] },
      { heading: 'Second', blocks: [body[5]] },
    ]);
    expect(sectionsOf([])).toEqual([]);
  });

  it('counts the words a reader reads, and the minutes at 200 a minute', () => {
    expect(wordCount(body)).toBe(13);
    expect(readingMinutes(body)).toBe(1);
    expect(readingMinutes([{ type: 'paragraph', text: 'word '.repeat(1000) }])).toBe(5);
  });

  it('splits typed text into paragraphs at blank lines', () => {
    expect(paragraphsOf('One\nstill one\n\n  Two  \n \n\nThree')).toEqual([
      'One\nstill one',
      'Two',
      'Three',
    ]);
  });
});

describe('library filters', () => {
  it('reads the address, defaulting the language to the UI’s', () => {
    expect(readLibraryFilters('', 'es')).toEqual({ point: '', language: 'es', kind: '' });
    expect(readLibraryFilters('?point=2&language=en&kind=handbook', 'es')).toEqual({
      point: '2',
      language: 'en',
      kind: 'handbook',
    });
    expect(readLibraryFilters('?point=9&language=fr&kind=<b>', 'de')).toEqual({
      point: '',
      language: 'en',
      kind: '',
    });
  });

  it('leaves the UI language out of the address so it keeps following a switch', () => {
    expect(librarySearch({ point: 'general', language: 'en', kind: '' }, 'en')).toBe(
      '?point=general',
    );
    expect(librarySearch({ point: '', language: 'es', kind: 'article' }, 'en')).toBe(
      '?language=es&kind=article',
    );
    expect(libraryQuery({ point: '', language: 'es', kind: '' })).toEqual({
      language: 'es',
      limit: 50,
    });
  });

  it('groups publications by point in the server’s order', () => {
    const items = [
      { slug: 'a', point: null },
      { slug: 'b', point: 1 },
      { slug: 'c', point: 1 },
      { slug: 'd', point: 4 },
    ];
    expect(groupByPoint(items).map((g) => [g.point, g.items.map((i) => i.slug)])).toEqual([
      [null, ['a']],
      [1, ['b', 'c']],
      [4, ['d']],
    ]);
  });

  it('builds query strings from the values that are set', () => {
    expect(queryString({ a: 1, b: '', c: null, d: undefined, e: 'x y' })).toBe('?a=1&e=x+y');
    expect(queryString({})).toBe('');
  });
});

describe('proposals', () => {
  const proposal = { state: 'submitted' as const, proposerId: 'p1', reviews: [] };

  it('offers each role its own action, and nothing once decided', () => {
    expect(
      actionsFor(proposal, { id: 'p1', roles: ['participant', 'advisor', 'admin'] }),
    ).toMatchObject({
      review: false,
      decide: false,
      withdraw: true,
    });
    expect(actionsFor(proposal, { id: 'a1', roles: ['participant', 'advisor'] })).toMatchObject({
      review: true,
      decide: false,
      withdraw: false,
      awaitingReview: true,
    });
    expect(actionsFor(proposal, { id: 'b1', roles: ['admin'] })).toMatchObject({
      review: false,
      decide: true,
    });
    for (const state of FINAL_STATES) {
      const actions = actionsFor({ ...proposal, state }, { id: 'p1', roles: ['advisor', 'admin'] });
      expect([actions.review, actions.decide, actions.withdraw]).toEqual([false, false, false]);
    }
  });

  it('finds the advisor’s own review, and never matches a deleted proposer', () => {
    const review = {
      advisorId: 'a1',
      advisor: null,
      recommendation: 'recommend' as const,
      comments: 'Good',
      createdAt: '',
      updatedAt: '',
    };
    const actions = actionsFor(
      { state: 'under-review', proposerId: null, reviews: [review] },
      { id: 'a1', roles: ['advisor'] },
    );
    expect(actions.myReview).toBe(review);
    expect(actions.withdraw).toBe(false);
  });

  it('keeps filters in the address', () => {
    expect(readProposalFilters('?state=declined&point=3')).toEqual({
      state: 'declined',
      point: '3',
    });
    expect(readProposalFilters('?state=lost&point=7')).toEqual({ state: '', point: '' });
    expect(proposalSearch({ state: 'approved', point: '' })).toBe('?state=approved');
    expect(proposalQuery({ state: '', point: '2' })).toEqual({ point: 2 });
  });

  it('links evidence only over http(s)', () => {
    expect(safeLink('https://example.org/a')).toBe('https://example.org/a');
    expect(safeLink('javascript:alert(1)')).toBeNull();
    expect(safeLink('not a url')).toBeNull();
    expect(safeLink(undefined)).toBeNull();
  });
});

describe('partner meetings and places', () => {
  const meeting = (id: string, partnerId: string | null, startsAt: string | null) =>
    ({ id, partnerId, nextOccurrence: startsAt ? { startsAt } : null }) as unknown as MeetingView;

  it('keeps peer-led meetings, soonest first, undated last', () => {
    const list = [
      meeting('late', null, '2026-05-03T19:00:00Z'),
      meeting('partner', 'p1', '2026-05-01T19:00:00Z'),
      meeting('none', null, null),
      meeting('early', null, '2026-05-02T19:00:00Z'),
    ];
    expect(bySoonest(peerLed(list)).map((m) => m.id)).toEqual(['early', 'late', 'none']);
  });

  it('formats in the device’s variant of the UI language', () => {
    expect(localeFor('en', ['en-GB', 'es-ES'])).toBe('en-GB');
    expect(localeFor('es', ['en-GB', 'es-MX'])).toBe('es-MX');
    expect(localeFor('es', ['en-GB'])).toBe('es');
    expect(placeName({ city: 'Madrid', country: 'ES' }, 'en')).toBe('Madrid, Spain');
  });
});

describe('the client’s copies of the contract’s lists', () => {
  it('match the shared schemas exactly', () => {
    expect(constants.PUBLICATION_LANGUAGES).toEqual(PUBLICATION_LANGUAGES);
    expect(constants.PUBLICATION_KINDS).toEqual(PUBLICATION_KINDS);
    expect(constants.TOOLS).toEqual(TOOLS);
    expect(constants.TOOL_POINTS).toEqual(TOOL_POINTS);
    expect(constants.PROPOSAL_STATES).toEqual(PROPOSAL_STATES);
    expect(constants.FINAL_STATES).toEqual(FINAL_STATES);
    expect(constants.RECOMMENDATIONS).toEqual(RECOMMENDATIONS);
    expect(constants.ENQUIRY_KINDS).toEqual(ENQUIRY_KINDS);
    expect(constants.ENQUIRY_STATUSES).toEqual(ENQUIRY_STATUSES);
  });
});
