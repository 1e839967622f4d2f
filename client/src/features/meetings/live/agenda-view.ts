import {
  type AgendaSegment,
  type AgendaState,
  segmentTimeLeft,
} from '../../../../../shared/meetings/agenda.ts';

/** What the agenda bar shows at `now` (this browser's clock), worked out on the server's. */
export interface AgendaView {
  current: AgendaSegment;
  /** 1-based, for "2 of 6". */
  position: number;
  count: number;
  next: AgendaSegment | null;
  started: boolean;
  /** Whole seconds left, rounded up (0 once over); the segment's length before it starts. */
  secondsLeft: number;
  over: boolean;
  hasPrevious: boolean;
}

export function agendaView(agenda: AgendaState, clockOffsetMs: number, now: number): AgendaView {
  const current = agenda.segments[agenda.index] as AgendaSegment;
  const left = segmentTimeLeft(agenda, now + clockOffsetMs);
  const length = (current.minutes + agenda.extendedMinutes) * 60;
  return {
    current,
    position: agenda.index + 1,
    count: agenda.segments.length,
    next: agenda.segments[agenda.index + 1] ?? null,
    started: left !== null,
    secondsLeft: left === null ? length : Math.max(0, Math.ceil(left / 1000)),
    over: left !== null && left <= 0,
    hasPrevious: agenda.index > 0,
  };
}

/** "4:05", or "1:02:03" past an hour. */
export function clockText(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
