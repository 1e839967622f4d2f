import type { types } from 'mediasoup';

/**
 * Codecs every meeting router offers. Opus covers all browsers; VP8 and H264
 * constrained-baseline (42e01f, packetization-mode 1) are the two video codecs that every
 * browser can both send and receive, H264 being the one Safari and mobile encode in
 * hardware.
 */
export const DEFAULT_MEDIA_CODECS: types.RtpCodecCapability[] = [
  // In-band FEC hides lost packets on poor connections; DTX sends almost nothing while a
  // muted-in-spirit participant is silent, which is most of a meeting.
  {
    kind: 'audio',
    mimeType: 'audio/opus',
    clockRate: 48_000,
    channels: 2,
    parameters: { useinbandfec: 1, usedtx: 1 },
  },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90_000 },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90_000,
    parameters: {
      'packetization-mode': 1,
      'profile-level-id': '42e01f',
      'level-asymmetry-allowed': 1,
    },
  },
];
