import { describe, expect, it } from 'vitest';
import {
  deviceProblemOf,
  gridColumns,
  initialsOf,
  mayShareScreen,
  outcomeOfJoinError,
  spatialLayerFor,
  tileOrder,
  tileSizeOf,
} from '../../../../client/src/features/meetings/live/model.ts';

describe('the grid', () => {
  it('uses one column on a phone for two people, two for more', () => {
    expect(gridColumns(1, 375)).toBe(1);
    expect(gridColumns(2, 375)).toBe(1);
    expect(gridColumns(5, 375)).toBe(2);
  });

  it('grows towards a square on a wide screen, never tiles narrower than 160px', () => {
    expect(gridColumns(4, 1200)).toBe(2);
    expect(gridColumns(9, 1200)).toBe(3);
    expect(gridColumns(30, 1200)).toBe(6);
    expect(gridColumns(30, 700)).toBe(4);
  });

  it('asks for the simulcast layer the tile can show', () => {
    expect(spatialLayerFor(tileSizeOf(1, false, false))).toBe(2);
    expect(spatialLayerFor(tileSizeOf(3, false, false))).toBe(1);
    expect(spatialLayerFor(tileSizeOf(5, false, false))).toBe(0);
    // With a spotlight: the spotlit tile large, everyone else small.
    expect(spatialLayerFor(tileSizeOf(5, true, false))).toBe(2);
    expect(spatialLayerFor(tileSizeOf(1, false, true))).toBe(0);
  });

  it('puts the spotlit person first', () => {
    expect(tileOrder(['a', 'b', 'c'], 'c')).toEqual(['c', 'a', 'b']);
    expect(tileOrder(['a', 'b'], 'gone')).toEqual(['a', 'b']);
  });
});

describe('rules and words', () => {
  it('lets participants share screens only when the meeting allows', () => {
    const settings = {
      locked: false,
      autoAdmit: false,
      participantsMayUnmute: true,
      participantsMayShareScreen: false,
      spotlightPeerId: null,
      paused: false,
    };
    const participant = {
      peerId: 'p_xxxxxxxxxx',
      displayName: 'X',
      role: 'participant' as const,
      micOn: false,
      cameraOn: false,
      screenOn: false,
      mutedByFacilitator: false,
      handRaised: false,
      audioOnly: false,
      observer: false,
      breakoutRoom: null,
    };
    expect(mayShareScreen(participant, settings)).toBe(false);
    expect(mayShareScreen({ ...participant, role: 'cofacilitator' }, settings)).toBe(true);
    expect(mayShareScreen(participant, { ...settings, participantsMayShareScreen: true })).toBe(
      true,
    );
  });

  it('turns final refusals into their own screens, and leaves the rest to the form', () => {
    expect(outcomeOfJoinError('REMOVED')).toBe('removed');
    expect(outcomeOfJoinError('LOCKED')).toBe('locked');
    expect(outcomeOfJoinError('MEETING_ENDED')).toBe('ended');
    expect(outcomeOfJoinError('AGREEMENT_REQUIRED')).toBeNull();
    expect(outcomeOfJoinError('RATE_LIMITED')).toBeNull();
  });

  it('explains a blocked camera differently from a missing one', () => {
    expect(deviceProblemOf(new DOMException('no', 'NotAllowedError'))).toBe('blocked');
    expect(deviceProblemOf(new DOMException('no', 'NotFoundError'))).toBe('notFound');
    expect(deviceProblemOf(new DOMException('busy', 'NotReadableError'))).toBe('inUse');
    expect(deviceProblemOf(new Error('?'))).toBe('failed');
  });

  it('draws initials for tiles without video', () => {
    expect(initialsOf('ana maría')).toBe('AM');
    expect(initialsOf('  ')).toBe('?');
  });
});
