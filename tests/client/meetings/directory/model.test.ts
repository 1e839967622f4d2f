import { describe, expect, it } from 'vitest';
import {
  AUDIENCES,
  ELIGIBILITY_STATEMENTS,
  isMeetingId,
  MEETING_FORMATS,
  MEETING_LIMITS,
  MEETING_TYPES,
  mayCreateMeetings,
  mayManageMeeting,
  STATEMENT_FOR_AUDIENCE,
} from '../../../../client/src/features/meetings/directory/model.ts';
import { mayManage } from '../../../../server/meetings/directory/policy.ts';
import type { Role } from '../../../../shared/api/accounts.ts';
import * as shared from '../../../../shared/api/directory.ts';

const id = (n: number) => String(n).padStart(24, 'a');

describe('the directory vocabulary on the client', () => {
  it('is a faithful copy of shared/api/directory.ts', () => {
    expect(MEETING_TYPES).toEqual(shared.MEETING_TYPES);
    expect(MEETING_FORMATS).toEqual(shared.MEETING_FORMATS);
    expect(AUDIENCES).toEqual(shared.AUDIENCES);
    expect(ELIGIBILITY_STATEMENTS).toEqual(shared.ELIGIBILITY_STATEMENTS);
    for (const audience of AUDIENCES)
      expect(ELIGIBILITY_STATEMENTS).toContain(STATEMENT_FOR_AUDIENCE[audience]);
  });

  it('uses the limits of the create schema', () => {
    const probe = (key: string, value: unknown) =>
      shared.createMeetingBody
        .safeParse({ [key]: value })
        .error?.issues.some((i) => i.path[0] === key) ?? false;
    const L = MEETING_LIMITS;
    expect(probe('title', 'x'.repeat(L.title.min))).toBe(false);
    expect(probe('title', 'x'.repeat(L.title.min - 1))).toBe(true);
    expect(probe('title', 'x'.repeat(L.title.max + 1))).toBe(true);
    expect(probe('description', 'x'.repeat(L.description.max))).toBe(false);
    expect(probe('description', 'x'.repeat(L.description.max + 1))).toBe(true);
    for (const key of ['durationMinutes', 'capacity'] as const) {
      expect(probe(key, L[key].min)).toBe(false);
      expect(probe(key, L[key].max)).toBe(false);
      expect(probe(key, L[key].min - 1)).toBe(true);
      expect(probe(key, L[key].max + 1)).toBe(true);
    }
    const place = (key: string, length: number) =>
      shared.locationSchema.safeParse({
        placeName: 'Hall',
        address: '1 Road',
        city: 'Leeds',
        country: 'GB',
        [key]: 'x'.repeat(length),
      }).success;
    for (const key of ['placeName', 'address', 'city', 'region', 'notes'] as const) {
      expect(place(key, L[key].max)).toBe(true);
      expect(place(key, L[key].max + 1)).toBe(false);
    }
  });

  it('takes only 24-hex ids into API paths', () => {
    expect(isMeetingId(id(1))).toBe(true);
    expect(isMeetingId('new')).toBe(false);
    expect(isMeetingId('../me')).toBe(false);
    expect(isMeetingId(undefined)).toBe(false);
  });
});

describe('who sees "New meeting" and "Edit"', () => {
  const member = (roles: Role[], partnerId: string | null = null) => ({
    id: id(1),
    roles,
    partnerId,
  });

  it('offers creating to facilitators, admins and partner staff only', () => {
    expect(mayCreateMeetings(null)).toBe(false);
    expect(mayCreateMeetings(member(['participant']))).toBe(false);
    expect(mayCreateMeetings(member(['participant', 'moderator']))).toBe(false);
    expect(mayCreateMeetings(member(['participant', 'facilitator']))).toBe(true);
    expect(mayCreateMeetings(member(['admin']))).toBe(true);
    expect(mayCreateMeetings(member(['participant'], id(9)))).toBe(true);
  });

  it('decides "Edit" exactly as the server policy does', () => {
    const users = [
      member(['participant']),
      member(['participant', 'facilitator']),
      member(['admin']),
      member(['participant'], id(9)),
      member(['participant', 'facilitator'], id(8)),
    ];
    const meetings = [
      { createdBy: id(1), facilitatorIds: [], partnerId: null },
      { createdBy: id(2), facilitatorIds: [id(1)], partnerId: null },
      { createdBy: id(2), facilitatorIds: [], partnerId: null },
      { createdBy: null, facilitatorIds: [], partnerId: id(9) },
      { createdBy: id(1), facilitatorIds: [], partnerId: id(8) },
    ];
    expect(mayManageMeeting(null, meetings[0] as (typeof meetings)[0])).toBe(false);
    for (const user of users)
      for (const meeting of meetings)
        expect(mayManageMeeting(user, meeting), JSON.stringify({ user, meeting })).toBe(
          mayManage(user, meeting),
        );
  });
});
