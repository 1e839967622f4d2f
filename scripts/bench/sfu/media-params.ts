// What the benchmark's generator sends and how both paths declare it to mediasoup: one Opus
// producer and one VP8 producer on the same comedia PlainTransport, as a browser would.
import { randomBytes } from 'node:crypto';

/** One tick of the generator; every tick carries one Opus packet and one VP8 frame. */
export const TICK_MS = 20;
export const OPUS_SSRC = 0x0a0a0a01;
export const VP8_SSRC = 0x0b0b0b01;
export const OPUS_PT = 111;
export const VP8_PT = 96;
export const AUDIO_LEVEL_EXT_ID = 1;
/** Opus at about 32 kbit/s: 20 ms frames of 80 bytes. */
export const OPUS_PAYLOAD_BYTES = 80;
/** Two packets per 20 ms VP8 frame, 1,200 bytes each: 100 packets/s, about 1 Mbit/s. */
export const VP8_PACKETS_PER_FRAME = 2;
export const VP8_PAYLOAD_BYTES = 1_200;
/** A keyframe about once a second. */
export const KEYFRAME_EVERY_FRAMES = 1_000 / TICK_MS;
/** RTP packets the generator sends per second (50 Opus + 100 VP8). */
export const PACKETS_PER_SECOND = (1_000 / TICK_MS) * (1 + VP8_PACKETS_PER_FRAME);
/** mediasoup's bandwidth probation stream; not media, so the receiver counts it apart. */
export const PROBATOR_SSRC = 1234;

const CNAME = 'haven-bench-sfu';

/** Plain JSON shaped like mediasoup's RtpParameters (and Haven's zod schema for them). */
export const OPUS_RTP_PARAMETERS = {
  codecs: [
    {
      mimeType: 'audio/opus',
      payloadType: OPUS_PT,
      clockRate: 48_000,
      channels: 2,
      parameters: { useinbandfec: 1 },
      rtcpFeedback: [{ type: 'transport-cc' }],
    },
  ],
  headerExtensions: [
    { uri: 'urn:ietf:params:rtp-hdrext:ssrc-audio-level', id: AUDIO_LEVEL_EXT_ID },
  ],
  encodings: [{ ssrc: OPUS_SSRC }],
  rtcp: { cname: CNAME, reducedSize: true },
};

export const VP8_RTP_PARAMETERS = {
  codecs: [
    {
      mimeType: 'video/VP8',
      payloadType: VP8_PT,
      clockRate: 90_000,
      rtcpFeedback: [
        { type: 'nack' },
        { type: 'nack', parameter: 'pli' },
        { type: 'ccm', parameter: 'fir' },
        { type: 'goog-remb' },
      ],
    },
  ],
  headerExtensions: [],
  encodings: [{ ssrc: VP8_SSRC }],
  rtcp: { cname: CNAME, reducedSize: true },
};

/** Keys for a consumer transport's remote side (our receiver never decrypts). */
export function randomSrtpParameters(): {
  cryptoSuite: 'AES_CM_128_HMAC_SHA1_80';
  keyBase64: string;
} {
  // AES_CM_128: a 16-byte key and a 14-byte salt.
  return { cryptoSuite: 'AES_CM_128_HMAC_SHA1_80', keyBase64: randomBytes(30).toString('base64') };
}
