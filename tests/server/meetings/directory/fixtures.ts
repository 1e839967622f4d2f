import { Types } from 'mongoose';
import { directoryModels } from '../../../../server/meetings/directory/models.ts';
import type { TestHaven } from '../../../helpers/haven.ts';

/** Shared builders for the directory's integration tests. */

let seq = 0;
/** A city no other test uses, so a `?city=` filter sees only this test's meetings. */
export const uniqueCity = (label = 'Testville') => `${label} ${process.pid} ${Date.now()} ${seq++}`;

export const newPartnerId = () => new Types.ObjectId().toHexString();

export const meetingsOf = (haven: TestHaven) => directoryModels(haven.mongo.connection).Meeting;

/** "YYYY-MM-DDTHH:mm" of an instant in UTC, for one-off meetings placed relative to now. */
export const utcLocal = (instant: number) => new Date(instant).toISOString().slice(0, 16);

/** A valid online weekly meeting; override any field. */
export function onlineMeeting(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Tuesday evening meeting',
    description: 'An open 4-Point meeting: check-in, agenda, working through a tool together.',
    type: 'open',
    format: 'online',
    language: 'en',
    recurrence: {
      kind: 'weekly',
      weekdays: [2],
      localTime: '19:00',
      timeZone: 'Europe/London',
      startsOn: '2026-09-01',
    },
    durationMinutes: 90,
    ...overrides,
  };
}

/** A one-off online meeting starting `startOffsetMinutes` from now (negative: already began). */
export function onceMeetingAt(
  startOffsetMinutes: number,
  overrides: Record<string, unknown> = {},
  now = Date.now(),
) {
  return onlineMeeting({
    recurrence: {
      kind: 'once',
      localDateTime: utcLocal(now + startOffsetMinutes * 60_000),
      timeZone: 'UTC',
    },
    durationMinutes: 60,
    ...overrides,
  });
}

export function inPersonMeeting(city: string, overrides: Record<string, unknown> = {}) {
  return onlineMeeting({
    format: 'in-person',
    location: {
      placeName: 'Mill Lane Community Centre',
      address: '4 Mill Lane',
      city,
      country: 'GB',
      notes: 'Side door, first floor; step-free access.',
    },
    ...overrides,
  });
}
