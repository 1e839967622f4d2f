import { DEFAULT_AGENDA } from '../../../../shared/meetings/agenda.ts';
import { IDLE_ROUND } from '../../../../shared/meetings/checkin-round.ts';
import type { Peer, RoomSnapshot } from '../../../../shared/meetings/live/schemas.ts';

/** A room as the server would describe it, for the live client's tests. */

export const peer = (peerId: string, extra: Partial<Peer> = {}): Peer => ({
  peerId,
  displayName: peerId,
  role: 'participant',
  micOn: false,
  cameraOn: false,
  screenOn: false,
  mutedByFacilitator: false,
  handRaised: false,
  audioOnly: false,
  observer: false,
  breakoutRoom: null,
  ...extra,
});

export const producer = (n: number, peerId: string, kind: 'audio' | 'video') => ({
  producerId: `00000000-0000-4000-8000-00000000000${n}`,
  peerId,
  kind,
  source: kind === 'audio' ? ('mic' as const) : ('camera' as const),
  paused: false,
});

export const snapshot = (extra: Partial<RoomSnapshot> = {}): RoomSnapshot => ({
  meetingId: 'a'.repeat(24),
  title: 'Tuesday check-in',
  self: peer('p_selfselfself', { role: 'host' }),
  peers: [peer('p_anaanaanaana'), peer('p_benbenbenben')],
  producers: [producer(1, 'p_anaanaanaana', 'audio'), producer(2, 'p_anaanaanaana', 'video')],
  settings: {
    locked: false,
    autoAdmit: false,
    participantsMayUnmute: true,
    participantsMayShareScreen: false,
    spotlightPeerId: null,
    paused: false,
  },
  handQueue: ['p_benbenbenben'],
  activeSpeakerPeerId: 'p_anaanaanaana',
  helpAlerts: [],
  round: { ...IDLE_ROUND, serverNow: 0 },
  country: 'GB',
  agenda: { segments: DEFAULT_AGENDA, index: 0, startedAt: null, extendedMinutes: 0, serverNow: 0 },
  breakouts: { open: false, rooms: 0, endsAt: null, serverNow: 0 },
  chat: [],
  routerRtpCapabilities: { codecs: [], headerExtensions: [] },
  waiting: [],
  ...extra,
});
