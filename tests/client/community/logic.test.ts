import { describe, expect, it } from 'vitest';
import * as C from '../../../client/src/features/community/constants.ts';
import {
  eventListQuery,
  groupFiltersSearch,
  groupListQuery,
  parseEventFilters,
  parseFeedbackStatus,
  parseGroupFilters,
  parsePostFilters,
  postListQuery,
  toSearch,
} from '../../../client/src/features/community/filters.ts';
import {
  canCreateGroup,
  canManageFeedback,
  canModerateContent,
} from '../../../client/src/features/community/permissions.ts';
import {
  dayEndInstant,
  dayStartInstant,
  formatLocale,
  instantToWallTime,
  sameClock,
  viewerZone,
  wallTimeToInstant,
  zoneOffsetMinutes,
} from '../../../client/src/features/community/time.ts';
import {
  type EventValues,
  eventBody,
  type GroupValues,
  groupBody,
  isShareableUrl,
  parseCapacity,
  postBody,
  validateComment,
  validateEvent,
  validateFeedback,
  validateGroup,
  validatePost,
  validateReport,
  validateResponse,
} from '../../../client/src/features/community/validation.ts';
import * as S from '../../../shared/api/community.ts';

describe('the community vocabularies and limits', () => {
  it('match the shared schemas', () => {
    expect(C.GROUP_KINDS).toEqual(S.GROUP_KINDS);
    expect(C.EVENT_KINDS).toEqual(S.EVENT_KINDS);
    expect(C.POST_KINDS).toEqual(S.POST_KINDS);
    expect(C.REPORT_REASONS).toEqual(S.REPORT_REASONS);
    expect(C.FEEDBACK_TOPICS).toEqual(S.FEEDBACK_TOPICS);
    expect(C.FEEDBACK_STATUSES).toEqual(S.FEEDBACK_STATUSES);
    expect(C.COMMUNITY_LIMITS.capacity.max).toBe(S.MAX_EVENT_PLACES);
    for (const point of C.POINTS) expect(S.pointSchema.safeParse(point).success).toBe(true);
    expect(S.pointSchema.safeParse(C.POINTS.length + 1).success).toBe(false);
  });

  it('accept exactly the lengths the server accepts', () => {
    const L = C.COMMUNITY_LIMITS;
    const x = (n: number) => 'x'.repeat(n);
    const fits = (schema: { shape: Record<string, unknown> }, field: string, n: number) =>
      (schema.shape[field] as { safeParse: (v: unknown) => { success: boolean } }).safeParse(x(n))
        .success;
    const cases: Array<[{ shape: Record<string, unknown> }, string, { min: number; max: number }]> =
      [
        [S.createPostBody, 'title', L.postTitle],
        [S.createPostBody, 'body', L.postBody],
        [S.createCommentBody, 'body', L.comment],
        [S.reportBody, 'note', L.reportNote],
        [S.createFeedbackBody, 'message', L.feedbackMessage],
        [S.updateFeedbackBody, 'response', L.feedbackResponse],
        [S.groupAreaSchema, 'city', L.areaText],
      ];
    for (const [schema, field, { min, max }] of cases) {
      expect(fits(schema, field, max), `${field} ${max}`).toBe(true);
      expect(fits(schema, field, max + 1), `${field} ${max + 1}`).toBe(false);
      if (min > 1) expect(fits(schema, field, min - 1), `${field} ${min - 1}`).toBe(false);
    }
    const group = (patch: Record<string, string>) =>
      S.createGroupBody.safeParse({
        name: 'Sevilla',
        description: 'd',
        language: 'es',
        kind: 'topic',
        topic: 'Family',
        ...patch,
      }).success;
    expect(group({ name: x(L.groupName.min) })).toBe(true);
    expect(group({ name: x(L.groupName.min - 1) })).toBe(false);
    expect(group({ name: x(L.groupName.max + 1) })).toBe(false);
    expect(group({ description: x(L.groupDescription.max + 1) })).toBe(false);
    expect(group({ topic: x(L.groupTopic.min - 1) })).toBe(false);
    expect(group({ topic: x(L.groupTopic.max + 1) })).toBe(false);
  });
});

describe('event times', () => {
  it('read a wall-clock time in the event zone, on both sides of a DST change', () => {
    expect(wallTimeToInstant('2030-07-01T18:00', 'Europe/Madrid')?.toISOString()).toBe(
      '2030-07-01T16:00:00.000Z',
    );
    expect(wallTimeToInstant('2030-01-15T18:00', 'Europe/Madrid')?.toISOString()).toBe(
      '2030-01-15T17:00:00.000Z',
    );
    expect(wallTimeToInstant('2030-03-31T03:30', 'Europe/Madrid')?.toISOString()).toBe(
      '2030-03-31T01:30:00.000Z',
    );
    expect(wallTimeToInstant('2030-05-01T09:00', 'America/New_York')?.toISOString()).toBe(
      '2030-05-01T13:00:00.000Z',
    );
    expect(wallTimeToInstant('not a time', 'UTC')).toBeNull();
    expect(wallTimeToInstant('2030-05-01T09:00', 'Not/AZone')).toBeNull();
  });

  it('turn an instant back into the form value it came from', () => {
    for (const [wall, zone] of [
      ['2030-07-01T18:00', 'Europe/Madrid'],
      ['2030-12-24T23:30', 'Asia/Kolkata'],
      ['2030-10-27T01:15', 'Europe/London'],
    ] as const) {
      const instant = wallTimeToInstant(wall, zone);
      expect(instant && instantToWallTime(instant, zone)).toBe(wall);
    }
    expect(instantToWallTime('garbage', 'UTC')).toBe('');
  });

  it('know offsets, whole days in a zone, and when two zones show the same clock', () => {
    expect(zoneOffsetMinutes('Asia/Kolkata', new Date('2030-01-01T00:00:00Z'))).toBe(330);
    expect(dayStartInstant('2030-07-01', 'Europe/Madrid')).toBe('2030-06-30T22:00:00.000Z');
    expect(dayEndInstant('2030-07-31', 'Europe/Madrid')).toBe('2030-07-31T22:00:00.000Z');
    expect(dayStartInstant('July', 'UTC')).toBeNull();
    const start = '2030-07-01T16:00:00Z';
    const end = '2030-07-01T18:00:00Z';
    expect(sameClock(start, end, 'Europe/Madrid', 'Europe/Paris')).toBe(true);
    expect(sameClock(start, end, 'Europe/Madrid', 'Europe/London')).toBe(false);
  });

  it('write dates in the browser variant of the UI language', () => {
    expect(formatLocale('en', ['en-GB', 'es'])).toBe('en-GB');
    expect(formatLocale('es', ['en-GB', 'es-mx'])).toBe('es-MX');
    expect(formatLocale('es', ['en-US'])).toBe('es');
    expect(formatLocale('en', [])).toBe('en');
  });

  it('read times in the member zone, or the device zone while the account is on UTC', () => {
    expect(viewerZone('Europe/Madrid', 'Europe/London')).toBe('Europe/Madrid');
    expect(viewerZone('UTC', 'Europe/London')).toBe('Europe/London');
    expect(viewerZone('UTC', null)).toBe('UTC');
    expect(viewerZone(undefined, null)).toBe('UTC');
  });
});

describe('filters in the address', () => {
  it('keep known values and drop the rest', () => {
    expect(
      parseGroupFilters('?country=ES&city=%20Sevilla%20&language=es&kind=area&mine=true&x=1'),
    ).toEqual({ country: 'ES', city: 'Sevilla', language: 'es', kind: 'area', mine: true });
    expect(parseGroupFilters('country=spain&kind=secret&mine=yes')).toEqual({
      country: undefined,
      city: undefined,
      language: undefined,
      kind: undefined,
      mine: undefined,
    });
    expect(parsePostFilters('?point=2&kind=video')).toEqual({ point: 2, kind: 'video' });
    expect(parsePostFilters('?point=5&kind=podcast')).toEqual({
      point: undefined,
      kind: undefined,
    });
    expect(parseEventFilters('?from=2030-05-01&to=soon&group=abc')).toEqual({
      from: '2030-05-01',
      to: undefined,
      country: undefined,
      group: undefined,
    });
    expect(parseFeedbackStatus('?status=under-review')).toBe('under-review');
    expect(parseFeedbackStatus('?status=lost')).toBeUndefined();
  });

  it('write addresses and API queries the server accepts', () => {
    expect(toSearch({ a: '', b: undefined, c: false })).toBe('');
    expect(groupFiltersSearch({ country: 'ES', mine: true })).toBe('?country=ES&mine=true');
    expect(groupListQuery({ city: 'San José' }, 'abc')).toBe(
      '?city=San+Jos%C3%A9&limit=20&cursor=abc',
    );
    expect(postListQuery({ point: 3 })).toBe('?point=3&limit=20');
    const query = new URLSearchParams(
      eventListQuery(
        { from: '2030-07-01', to: '2030-07-01', group: 'a'.repeat(24) },
        'Europe/Madrid',
      ),
    );
    expect(query.get('from')).toBe('2030-06-30T22:00:00.000Z');
    expect(query.get('to')).toBe('2030-07-01T22:00:00.000Z');
    expect(query.get('groupId')).toBe('a'.repeat(24));
    expect(S.eventListQuery.safeParse(Object.fromEntries(query)).success).toBe(true);
  });
});

describe('community forms', () => {
  const group: GroupValues = {
    name: 'Sevilla Centre',
    description: 'We meet for coffee.',
    language: 'es',
    kind: 'area',
    country: 'ES',
    region: '',
    city: 'Sevilla',
    topic: 'hidden when area',
    timeZone: 'Europe/Madrid',
  };

  it('check groups as the server does, and send only what is shown', () => {
    expect(validateGroup(group)).toEqual({});
    expect(validateGroup({ ...group, name: 'ab', country: '' })).toEqual({
      name: { key: 'tooShort', min: 3 },
      'area.country': { key: 'required' },
    });
    expect(validateGroup({ ...group, kind: 'topic', topic: ' ', country: '', city: '' })).toEqual({
      topic: { key: 'required' },
    });
    const body = groupBody(group);
    expect(body).toEqual({
      name: 'Sevilla Centre',
      description: 'We meet for coffee.',
      language: 'es',
      kind: 'area',
      area: { country: 'ES', city: 'Sevilla' },
      timeZone: 'Europe/Madrid',
    });
    expect(S.createGroupBody.safeParse(body).success).toBe(true);
  });

  const now = new Date('2030-06-01T12:00:00Z');
  const event: EventValues = {
    title: 'Picnic in the park',
    description: 'Bring something to share.',
    kind: 'social',
    startsAt: '2030-07-01T18:00',
    endsAt: '2030-07-01T20:00',
    timeZone: 'Europe/Madrid',
    locationType: 'in-person',
    url: 'https://ignored.example.org',
    venue: 'Parque de María Luisa',
    address: '',
    city: 'Sevilla',
    region: '',
    country: 'ES',
    capacity: '12',
    groupId: '',
  };

  it('check event times, places and where it happens', () => {
    expect(validateEvent(event, now)).toEqual({});
    expect(validateEvent({ ...event, endsAt: '2030-07-01T17:00' }, now).endsAt).toEqual({
      key: 'endBeforeStart',
    });
    expect(validateEvent({ ...event, endsAt: '2030-07-16T18:01' }, now).endsAt).toEqual({
      key: 'eventTooLong',
      days: 14,
    });
    expect(
      validateEvent({ ...event, startsAt: '2030-05-01T18:00', endsAt: '2030-05-01T19:00' }, now)
        .endsAt,
    ).toEqual({ key: 'endInPast' });
    expect(validateEvent({ ...event, capacity: '0' }, now).capacity?.key).toBe('capacity');
    expect(validateEvent({ ...event, capacity: '2.5' }, now).capacity?.key).toBe('capacity');
    expect(validateEvent({ ...event, venue: '', country: '' }, now)).toEqual({
      'location.venue': { key: 'required' },
      'location.country': { key: 'required' },
    });
    expect(
      validateEvent({ ...event, locationType: 'online', url: 'javascript:alert(1)' }, now),
    ).toEqual({ 'location.url': { key: 'url' } });
    expect(parseCapacity('')).toBeNull();
    expect(parseCapacity(' 40 ')).toBe(40);
    expect(parseCapacity('5001')).toBeUndefined();
  });

  it('build event bodies the server accepts, in UTC', () => {
    const body = eventBody(event);
    expect(body.startsAt).toBe('2030-07-01T16:00:00.000Z');
    expect(body.location).toEqual({
      type: 'in-person',
      venue: 'Parque de María Luisa',
      city: 'Sevilla',
      country: 'ES',
    });
    expect(body.capacity).toBe(12);
    expect(S.createEventBody.safeParse(body).success).toBe(true);
    const online = eventBody({ ...event, locationType: 'online', capacity: '' });
    expect(online.location).toEqual({ type: 'online', url: 'https://ignored.example.org' });
    expect(online.capacity).toBeNull();
    expect(S.updateEventBody.safeParse(online).success).toBe(true);
  });

  it('ask for a link for videos and articles, never for ideas', () => {
    const idea = {
      kind: 'idea' as const,
      title: 'Urge surfing',
      body: 'It works.',
      url: '',
      point: 2 as const,
    };
    expect(validatePost(idea)).toEqual({});
    expect(validatePost({ ...idea, kind: 'video' })).toEqual({ url: { key: 'required' } });
    expect(validatePost({ ...idea, kind: 'article', url: 'ftp://x.org/a' })).toEqual({
      url: { key: 'url' },
    });
    expect(validatePost({ ...idea, point: '' })).toEqual({ point: { key: 'required' } });
    const article = { ...idea, kind: 'article' as const, url: ' https://example.org/a ' };
    expect(S.createPostBody.safeParse(postBody(article)).success).toBe(true);
    expect(isShareableUrl('https://user:pw@example.org')).toBe(false);
    expect(isShareableUrl('http://localhost/x')).toBe(false);
  });

  it('check comments, reports and feedback', () => {
    expect(validateComment('  ')).toEqual({ body: { key: 'required' } });
    expect(validateReport('', '')).toEqual({ reason: { key: 'required' } });
    expect(validateReport('spam', 'x'.repeat(1001))).toEqual({
      note: { key: 'tooLong', max: 1000 },
    });
    expect(validateFeedback('', ' ')).toEqual({
      topic: { key: 'required' },
      message: { key: 'required' },
    });
    expect(validateFeedback('haven', 'Thank you')).toEqual({});
    expect(validateResponse('')).toEqual({});
  });
});

describe('what the roles let the UI offer', () => {
  it('matches the server', () => {
    expect(canCreateGroup(['participant', 'facilitator'])).toBe(true);
    expect(canCreateGroup(['participant', 'champion'])).toBe(false);
    expect(canModerateContent(['moderator'])).toBe(true);
    expect(canModerateContent(['facilitator', 'trainer'])).toBe(false);
    expect(canManageFeedback(['admin'])).toBe(true);
    expect(canManageFeedback(['moderator'])).toBe(false);
    expect(canCreateGroup(undefined)).toBe(false);
  });
});

describe('names as text', () => {
  it('carries a staff member’s role beside their name, in the reader’s language', async () => {
    const { createInstance } = await import('i18next');
    const { catalogues } = await import('../../../client/src/i18n/catalogues.ts');
    const { personName } = await import(
      '../../../client/src/features/community/components/bits.tsx'
    );
    for (const [lng, role] of [
      ['en', 'Moderator'],
      ['es', 'Moderador'],
    ] as const) {
      const i18n = createInstance();
      await i18n.init({ lng, resources: { [lng]: { translation: catalogues[lng] } } });
      const t = i18n.t.bind(i18n);
      const id = 'a'.repeat(24);
      expect(personName(t, { id, displayName: 'Noor', staff: 'moderator' })).toBe(`Noor (${role})`);
      expect(personName(t, { id, displayName: 'Noor' })).toBe('Noor');
      expect(personName(t, null)).toBe(t('community.deletedMember'));
    }
  });
});
