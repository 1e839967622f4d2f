import { createEvent } from 'ics';
import type { CommunityEvent } from '../../../shared/api/community.ts';
import { AppError } from '../../infra/errors.ts';

/**
 * One event as an iCalendar file, built from the member's own view of the event (the
 * same `get` the event page reads), so the file says no more than the page: the joining
 * link only for those the page shows it to, the organiser only where the page names them.
 * Times go out in UTC: a one-off event needs no zone rules, and every calendar converts UTC.
 */
export function eventCalendar(event: CommunityEvent, origin: string): string {
  const page = `${origin}/events/${event.id}`;
  const where =
    event.location.type === 'online'
      ? (event.location.url ?? 'Online')
      : [
          event.location.venue,
          event.location.address,
          event.location.city,
          event.location.region,
          event.location.country,
        ]
          .filter(Boolean)
          .join(', ');
  const { error, value } = createEvent({
    productId: 'haven/events',
    uid: `event-${event.id}@haven`,
    title: event.title,
    description: `${event.description}\n\n${page}`,
    start: Date.parse(event.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(event.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    location: where,
    url: page,
    status: event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
  });
  if (error || !value) throw new AppError('INTERNAL', 'could not write the calendar file');
  return value;
}
