import type { ErrorCode } from '../../../../../shared/errors.ts';
import type { MeetingSettings, Peer } from '../../../../../shared/meetings/live/schemas.ts';

/** Pure rules of the live room: layout, simulcast layers, who may do what, what to say. */

export type TileSize = 'small' | 'medium' | 'large';

/** Columns for `count` tiles in a grid `width` pixels wide: never tiles under ~160px. */
export function gridColumns(count: number, width: number): number {
  if (count <= 1) return 1;
  const fitting = Math.max(1, Math.floor(width / 160));
  const square = Math.ceil(Math.sqrt(count));
  // A phone shows one column until there are more than two people, then two.
  if (width < 480) return count <= 2 ? 1 : Math.min(2, fitting);
  return Math.max(1, Math.min(square, fitting, count));
}

/** How large one tile is drawn, from the grid's columns and whether it is the spotlight. */
export function tileSizeOf(columns: number, spotlit: boolean, otherSpotlit: boolean): TileSize {
  if (spotlit) return 'large';
  if (otherSpotlit) return 'small';
  if (columns <= 1) return 'large';
  if (columns <= 3) return 'medium';
  return 'small';
}

/** The simulcast layer worth receiving for a tile: more pixels only where they show. */
export function spatialLayerFor(size: TileSize): 0 | 1 | 2 {
  if (size === 'large') return 2;
  if (size === 'medium') return 1;
  return 0;
}

/** Tiles in order: the spotlit peer first, then everyone in the order they came. */
export function tileOrder(order: string[], spotlightPeerId: string | null): string[] {
  if (!spotlightPeerId || !order.includes(spotlightPeerId)) return order;
  return [spotlightPeerId, ...order.filter((id) => id !== spotlightPeerId)];
}

export function isFacilitator(peer: Pick<Peer, 'role'> | undefined): boolean {
  return !!peer && peer.role !== 'participant';
}

export function mayShareScreen(self: Peer | undefined, settings: MeetingSettings): boolean {
  return isFacilitator(self) || settings.participantsMayShareScreen;
}

/** A participant a facilitator muted stays muted unless the meeting lets them unmute. */
export function mayUnmute(self: Peer | undefined): boolean {
  return !!self && !self.mutedByFacilitator;
}

/**
 * Refusals that end the attempt to be in the meeting, shown as a screen of their own with
 * what to do next; other codes are shown as a message beside the action.
 */
export type Outcome =
  | 'denied'
  | 'removed'
  | 'locked'
  | 'ended'
  | 'left'
  | 'sessionEnded'
  | 'notFound'
  | 'outdated';

export function outcomeOfJoinError(code: ErrorCode): Outcome | null {
  switch (code) {
    case 'REMOVED':
      return 'removed';
    case 'LOCKED':
      return 'locked';
    case 'MEETING_ENDED':
      return 'ended';
    case 'UNAUTHENTICATED':
      return 'sessionEnded';
    case 'NOT_FOUND':
      return 'notFound';
    case 'VERSION_MISMATCH':
      return 'outdated';
    default:
      return null;
  }
}

/** Why a camera or microphone could not be opened, in words a person can act on. */
export type DeviceProblem = 'blocked' | 'notFound' | 'inUse' | 'failed';

export function deviceProblemOf(error: unknown): DeviceProblem {
  const name = typeof error === 'object' && error !== null ? (error as { name?: string }).name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'blocked';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'notFound';
  if (name === 'NotReadableError' || name === 'AbortError') return 'inUse';
  return 'failed';
}

/** Initials for a tile without video: one or two letters of the display name. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.slice(0, 2).map((word) => Array.from(word)[0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

/** The chosen name is kept per browser, so the next meeting suggests it (never sent elsewhere). */
export const NAME_STORAGE_KEY = 'haven.live.displayName';

export const livePathOf = (id: string) => `/meetings/${id}/live`;
