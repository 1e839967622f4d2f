import { z } from 'zod';

/**
 * WebRTC parameters as mediasoup accepts them, checked before mediasoup ever sees them: a
 * malformed payload (empty fingerprints, an unknown codec, thousands of encodings) is
 * INVALID_PAYLOAD at the edge, so the worker never throws or dies on what a client sent.
 * Bounds are generous for real browsers and tight for anything else.
 */

const token = z.string().min(1).max(100);
const smallInt = (max: number) => z.number().int().min(0).max(max);
const parameterValue = z.union([z.string().max(200), z.number().finite(), z.boolean()]);
const codecParameters = z
  .record(z.string().max(50), parameterValue)
  .refine((value) => Object.keys(value).length <= 20, 'at most 20 codec parameters');

/** The codecs a meeting router offers; anything else is refused before mediasoup. */
export const MEDIA_MIME_TYPES = [
  'audio/opus',
  'video/VP8',
  'video/H264',
  'video/rtx',
  'audio/rtx',
] as const;
const mimeType = z
  .string()
  .max(30)
  .refine(
    (value) => MEDIA_MIME_TYPES.some((known) => known.toLowerCase() === value.toLowerCase()),
    'unsupported codec',
  );

const rtcpFeedback = z.object({ type: token, parameter: z.string().max(50).optional() });

const codecParametersOfRtp = z.object({
  mimeType,
  payloadType: smallInt(127),
  clockRate: z.number().int().min(1000).max(200_000),
  channels: z.number().int().min(1).max(8).optional(),
  parameters: codecParameters.optional(),
  rtcpFeedback: z.array(rtcpFeedback).max(20).optional(),
});

const headerExtensionOfRtp = z.object({
  uri: z.string().min(1).max(200),
  // One-byte extensions use 1-14; Chromium numbers some (abs-capture-time) 15 and up.
  id: z.number().int().min(1).max(255),
  encrypt: z.boolean().optional(),
  parameters: codecParameters.optional(),
});

const encoding = z.object({
  ssrc: z.number().int().min(0).max(0xffffffff).optional(),
  rid: z.string().min(1).max(16).optional(),
  codecPayloadType: smallInt(127).optional(),
  rtx: z.object({ ssrc: z.number().int().min(0).max(0xffffffff) }).optional(),
  dtx: z.boolean().optional(),
  scalabilityMode: z.string().max(20).optional(),
  scaleResolutionDownBy: z.number().min(1).max(64).optional(),
  maxBitrate: z.number().int().min(0).max(50_000_000).optional(),
  maxFramerate: z.number().min(0).max(120).optional(),
  active: z.boolean().optional(),
});

/** What `transport.produce()` in mediasoup-client sends; at most 3 simulcast layers (+1 slack). */
export const rtpParametersSchema = z.object({
  mid: z.string().max(32).optional(),
  codecs: z.array(codecParametersOfRtp).min(1).max(10),
  headerExtensions: z.array(headerExtensionOfRtp).max(20).optional(),
  encodings: z.array(encoding).min(1).max(4).optional(),
  rtcp: z
    .object({
      cname: z.string().max(100).optional(),
      reducedSize: z.boolean().optional(),
      mux: z.boolean().optional(),
    })
    .optional(),
});

const capabilityCodec = z.object({
  kind: z.enum(['audio', 'video']),
  mimeType: z.string().min(3).max(40),
  preferredPayloadType: smallInt(127).optional(),
  clockRate: z.number().int().min(1000).max(200_000),
  channels: z.number().int().min(1).max(8).optional(),
  parameters: codecParameters.optional(),
  rtcpFeedback: z.array(rtcpFeedback).max(20).optional(),
});
const capabilityExtension = z.object({
  kind: z.enum(['audio', 'video']),
  uri: z.string().min(1).max(200),
  preferredId: z.number().int().min(1).max(255),
  preferredEncrypt: z.boolean().optional(),
  direction: z.enum(['sendrecv', 'sendonly', 'recvonly', 'inactive']).optional(),
});

/** A device's receive capabilities (`device.rtpCapabilities`), sent with every consume. */
export const rtpCapabilitiesSchema = z.object({
  codecs: z.array(capabilityCodec).max(60).optional(),
  headerExtensions: z.array(capabilityExtension).max(40).optional(),
});

export const dtlsParametersSchema = z.object({
  role: z.enum(['auto', 'client', 'server']).optional(),
  fingerprints: z
    .array(
      z.object({
        algorithm: z.enum(['sha-1', 'sha-224', 'sha-256', 'sha-384', 'sha-512']),
        value: z.string().regex(/^([0-9A-Fa-f]{2}:){15,63}[0-9A-Fa-f]{2}$/, 'a hex fingerprint'),
      }),
    )
    .min(1)
    .max(5),
});

/** What the server sends back for a transport; the client passes it to mediasoup-client. */
export const transportOptionsSchema = z.object({
  id: z.string(),
  iceParameters: z.object({
    usernameFragment: z.string(),
    password: z.string(),
    iceLite: z.boolean().optional(),
  }),
  iceCandidates: z.array(
    z.object({
      foundation: z.string(),
      priority: z.number(),
      ip: z.string(),
      address: z.string().optional(),
      protocol: z.enum(['udp', 'tcp']),
      port: z.number(),
      type: z.enum(['host', 'srflx', 'prflx', 'relay']),
      tcpType: z.enum(['active', 'passive', 'so']).optional(),
    }),
  ),
  dtlsParameters: dtlsParametersSchema,
});
export type TransportOptions = z.infer<typeof transportOptionsSchema>;

export const mediaKindSchema = z.enum(['audio', 'video']);
/** One producer of each source per peer: a microphone, a camera, a screen. */
export const mediaSourceSchema = z.enum(['mic', 'camera', 'screen']);
export type MediaKind = z.infer<typeof mediaKindSchema>;
export type MediaSource = z.infer<typeof mediaSourceSchema>;
export type RtpParameters = z.infer<typeof rtpParametersSchema>;
export type RtpCapabilities = z.infer<typeof rtpCapabilitiesSchema>;
export type DtlsParameters = z.infer<typeof dtlsParametersSchema>;
