import { AppError } from '../../infra/errors.ts';
import type { MeetingRecord } from './models.ts';
import { nextOccurrence } from './recurrence.ts';

/**
 * The one rule for joining online, used by the REST join and by the live room's
 * `meeting:join`: online or hybrid, not over, and eligibility confirmed where asked.
 * Returns the occurrence joined (in progress or next) and the clock it was judged by.
 */
export function checkJoin(meeting: MeetingRecord, eligibilityConfirmed: boolean, now: number) {
  if (meeting.format === 'in-person')
    throw new AppError('INVALID_TRANSITION', 'this meeting meets in person only');
  const next = nextOccurrence(meeting.recurrence, meeting.durationMinutes, now);
  if (!next) throw new AppError('INVALID_TRANSITION', 'this meeting is over');
  if (meeting.eligibility?.requiresConfirmation && !eligibilityConfirmed)
    throw new AppError('ELIGIBILITY_REQUIRED', 'confirm who this meeting is for first');
  return { next, now };
}
