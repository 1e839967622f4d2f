import { describe, expect, it } from 'vitest';
import { ApiError, fieldProblems } from '../../../../client/src/api/errors.ts';
import {
  type AgendaRow,
  agendaRowProblem,
  MEETING_FIELDS,
  meetingBody,
  newMeetingValues,
  validateMeeting,
  valuesFromMeeting,
} from '../../../../client/src/features/meetings/directory/form-values.ts';
import type { MeetingView } from '../../../../client/src/features/meetings/directory/model.ts';
import { createMeetingBody, updateMeetingBody } from '../../../../shared/api/directory.ts';
import { DEFAULT_AGENDA } from '../../../../shared/meetings/agenda.ts';

const blank = () =>
  newMeetingValues({ timeZone: 'Europe/London', today: '2026-10-19', language: 'en' });

const filled = () => ({
  ...blank(),
  title: 'Tuesday evening check-in',
  description: 'A friendly open meeting.',
  weekdays: [4, 2],
});

describe('the meeting form', () => {
  it('starts weekly, online, open, with 60 minutes, 20 places and the given zone and day', () => {
    expect(blank()).toMatchObject({
      kind: 'weekly',
      format: 'online',
      type: 'open',
      durationMinutes: '60',
      capacity: '20',
      timeZone: 'Europe/London',
      startsOn: '2026-10-19',
      language: 'en',
    });
  });

  it('says what to fix before sending', () => {
    expect(validateMeeting(blank())).toEqual({
      title: { key: 'required' },
      description: { key: 'required' },
      'recurrence.weekdays': { key: 'required' },
    });
    const wrong = {
      ...filled(),
      title: 'Hi',
      type: 'specialised' as const,
      until: '2026-10-01',
      durationMinutes: '10',
      capacity: '2.5',
      format: 'hybrid' as const,
    };
    expect(validateMeeting(wrong)).toEqual({
      title: { key: 'tooShort', min: 3 },
      audience: { key: 'required' },
      'recurrence.until': { key: 'invalid' },
      durationMinutes: { key: 'invalid' },
      capacity: { key: 'invalid' },
      'location.placeName': { key: 'required' },
      'location.address': { key: 'required' },
      'location.city': { key: 'required' },
      'location.country': { key: 'required' },
    });
    expect(validateMeeting({ ...filled(), kind: 'once', localDateTime: '' })).toEqual({
      'recurrence.localDateTime': { key: 'required' },
    });
    expect(validateMeeting(filled())).toEqual({});
  });

  it('becomes a body the create and update schemas accept', () => {
    const online = meetingBody({ ...filled(), areaCountry: 'GB', until: '2027-01-31' });
    expect(online).toMatchObject({
      title: 'Tuesday evening check-in',
      audience: null,
      eligibility: null,
      location: null,
      area: { country: 'GB' },
      durationMinutes: 60,
      capacity: 20,
      recurrence: {
        kind: 'weekly',
        weekdays: [2, 4],
        localTime: '19:00',
        timeZone: 'Europe/London',
        startsOn: '2026-10-19',
        until: '2027-01-31',
      },
    });
    expect(createMeetingBody.safeParse(online).success).toBe(true);
    expect(updateMeetingBody.safeParse(online).success).toBe(true);

    const inPerson = meetingBody({
      ...filled(),
      type: 'specialised',
      audience: 'family-and-friends',
      requiresConfirmation: true,
      format: 'in-person',
      placeName: ' Mill Lane Centre ',
      address: '4 Mill Lane',
      city: 'Manchester',
      country: 'GB',
      areaCountry: 'ES',
    });
    expect(inPerson.location).toEqual({
      placeName: 'Mill Lane Centre',
      address: '4 Mill Lane',
      city: 'Manchester',
      country: 'GB',
    });
    expect(inPerson.area).toBeNull();
    expect(inPerson.eligibility).toEqual({
      requiresConfirmation: true,
      statementKey: 'family-or-friend-of-someone-with-addictive-behaviour',
    });
    expect(createMeetingBody.safeParse(inPerson).success).toBe(true);

    const once = meetingBody({ ...filled(), kind: 'once', localDateTime: '2026-12-01T18:30' });
    expect(once.recurrence).toEqual({
      kind: 'once',
      localDateTime: '2026-12-01T18:30',
      timeZone: 'Europe/London',
    });
  });

  it('fills from a meeting and gives back the same meeting', () => {
    const meeting = {
      id: 'a'.repeat(24),
      title: 'Familiares y amigos',
      description: 'Para quienes acompañan.',
      type: 'specialised',
      audience: 'family-and-friends',
      format: 'online',
      language: 'es',
      recurrence: {
        kind: 'weekly',
        weekdays: [3],
        localTime: '20:00',
        timeZone: 'Europe/Madrid',
        startsOn: '2026-01-07',
      },
      durationMinutes: 90,
      facilitatorIds: [],
      facilitators: [],
      capacity: 15,
      partnerId: null,
      location: null,
      area: { country: 'ES', city: 'Madrid' },
      eligibility: {
        requiresConfirmation: true,
        statementKey: 'family-or-friend-of-someone-with-addictive-behaviour',
      },
      createdBy: null,
      createdAt: '',
      updatedAt: '',
      nextOccurrence: null,
      inProgress: false,
      agenda: DEFAULT_AGENDA,
    } satisfies MeetingView;
    const body = meetingBody(valuesFromMeeting(meeting, '2026-10-19'), meeting);
    expect(body).toEqual({
      title: meeting.title,
      description: meeting.description,
      type: meeting.type,
      audience: meeting.audience,
      eligibility: meeting.eligibility,
      format: meeting.format,
      language: meeting.language,
      recurrence: meeting.recurrence,
      durationMinutes: 90,
      capacity: 15,
      location: null,
      // The city the form does not show is kept.
      area: { country: 'ES', city: 'Madrid' },
      // The standard agenda goes as null: the meeting keeps following the standard.
      agenda: null,
    });
  });

  it('sends an agenda of its own, and checks each segment before sending', () => {
    const values = newMeetingValues({
      timeZone: 'Europe/London',
      today: '2026-10-19',
      language: 'en',
    });
    expect(meetingBody(values).agenda).toBeNull();
    const edited = {
      ...values,
      agenda: [
        { kind: 'welcome' as const, title: '', minutes: '5' },
        { kind: 'custom' as const, title: ' Reading ', minutes: '10' },
      ],
    };
    expect(meetingBody(edited).agenda).toEqual([
      { kind: 'welcome', minutes: 5 },
      { kind: 'custom', title: 'Reading', minutes: 10 },
    ]);
    expect(validateMeeting(edited).agenda).toBeUndefined();
    const untitled = { ...edited, agenda: [{ kind: 'custom' as const, title: '', minutes: '5' }] };
    expect(agendaRowProblem(untitled.agenda[0] as AgendaRow)).toEqual({ key: 'required' });
    expect(validateMeeting(untitled).agenda).toEqual({ key: 'invalid' });
    const zero = { ...edited, agenda: [{ kind: 'welcome' as const, title: '', minutes: '0' }] };
    expect(validateMeeting(zero).agenda).toEqual({ key: 'invalid' });
    expect(validateMeeting({ ...edited, agenda: [] }).agenda).toEqual({ key: 'invalid' });
  });

  it("puts the server's field problems on the form's fields", () => {
    const refused = new ApiError('INVALID_INPUT', 400, {
      'recurrence.weekdays': ['must not repeat a weekday'],
      recurrence: ['is already over'],
      'location.city': ['too long'],
      'facilitatorIds.0': ['must be a facilitator'],
      _: ['invalid'],
    });
    expect(fieldProblems(refused, MEETING_FIELDS)).toEqual({
      'recurrence.weekdays': 'invalid',
      recurrence: 'invalid',
      'location.city': 'invalid',
    });
  });
});
