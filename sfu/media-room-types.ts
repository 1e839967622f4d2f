import type { MediaKind, MediaSource, RtpParameters } from '../shared/meetings/live/media.ts';

/** What a MediaRoom tells and answers (media-room.ts). */

export type MediaRoomEvents = {
  /** The loudest speaker changed (null: silence for a while). */
  activespeaker: [{ peerId: string | null }];
  /** mediasoup closed a consumer on its own (its producer went away). */
  consumerclosed: [{ peerId: string; consumerId: string }];
  /** The router died with its worker; call `recover()` to carry on on a live worker. */
  routerlost: [];
};

export interface ConsumerParameters {
  consumerId: string;
  producerId: string;
  peerId: string;
  kind: MediaKind;
  source: MediaSource;
  rtpParameters: RtpParameters;
}

export interface ProducerDescription {
  producerId: string;
  peerId: string;
  kind: MediaKind;
  source: MediaSource;
  paused: boolean;
}
