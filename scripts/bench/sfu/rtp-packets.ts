// Pure RTP/VP8/Opus packet building for the SFU benchmark's generator (and its tests).

/** An RTP header (RFC 3550) with an optional one-byte header-extension block (RFC 8285). */
export interface RtpHeader {
  payloadType: number;
  marker: boolean;
  sequenceNumber: number;
  timestamp: number;
  ssrc: number;
  /** One-byte extensions: id 1-14, 1-16 bytes each. */
  extensions?: { id: number; data: Uint8Array }[];
}

/** Packs an RTP packet: header, extensions padded to 32 bits, then the payload. */
export function packRtp(header: RtpHeader, payload: Uint8Array): Buffer {
  const ext = header.extensions ?? [];
  let extBytes = 0;
  for (const e of ext) {
    if (e.id < 1 || e.id > 14) throw new RangeError(`one-byte extension id ${e.id}`);
    if (e.data.length < 1 || e.data.length > 16) throw new RangeError('extension of 1-16 bytes');
    extBytes += 1 + e.data.length;
  }
  const extWords = Math.ceil(extBytes / 4);
  const headerLen = 12 + (ext.length > 0 ? 4 + extWords * 4 : 0);
  const buf = Buffer.alloc(headerLen + payload.length);
  buf[0] = 0x80 | (ext.length > 0 ? 0x10 : 0); // V=2, X when extensions follow
  buf[1] = (header.marker ? 0x80 : 0) | (header.payloadType & 0x7f);
  buf.writeUInt16BE(header.sequenceNumber & 0xffff, 2);
  buf.writeUInt32BE(header.timestamp >>> 0, 4);
  buf.writeUInt32BE(header.ssrc >>> 0, 8);
  if (ext.length > 0) {
    buf.writeUInt16BE(0xbede, 12);
    buf.writeUInt16BE(extWords, 14);
    let at = 16;
    for (const e of ext) {
      buf[at++] = (e.id << 4) | (e.data.length - 1);
      buf.set(e.data, at);
      at += e.data.length;
    }
  }
  buf.set(payload, headerLen);
  return buf;
}

/** The next 15-bit VP8 pictureId: wraps from 0x7fff to 0. */
export function nextPictureId(pictureId: number): number {
  return (pictureId + 1) & 0x7fff;
}

/**
 * A VP8 payload descriptor (RFC 7741 §4.2) as browsers send it: X=1, S on a frame's first
 * packet, partition index 0, I=1 with a 15-bit pictureId (M=1). Four bytes.
 */
export function vp8Descriptor(pictureId: number, startOfFrame: boolean): Buffer {
  if (!Number.isInteger(pictureId) || pictureId < 0 || pictureId > 0x7fff)
    throw new RangeError(`pictureId ${pictureId} is not 15 bits`);
  return Buffer.from([
    0x80 | (startOfFrame ? 0x10 : 0), // X | S, PID 0
    0x80, // I: pictureId present
    0x80 | (pictureId >> 8), // M: 15-bit pictureId, high 7 bits
    pictureId & 0xff,
  ]);
}

/** Reads back what vp8Descriptor wrote (and what mediasoup's VP8 parser looks at). */
export function parseVp8Descriptor(payload: Uint8Array): {
  start: boolean;
  pictureId: number | undefined;
  keyFrame: boolean;
  headerLength: number;
} {
  const b0 = payload[0] ?? 0;
  const start = (b0 & 0x10) !== 0;
  const partition = b0 & 0x07;
  let at = 1;
  let pictureId: number | undefined;
  if (b0 & 0x80) {
    const x = payload[at++] ?? 0;
    if (x & 0x80) {
      const p0 = payload[at++] ?? 0;
      if (p0 & 0x80) pictureId = ((p0 & 0x7f) << 8) | (payload[at++] ?? 0);
      else pictureId = p0 & 0x7f;
    }
    if (x & 0x40) at++; // TL0PICIDX
    if (x & 0x30) at++; // TID/Y/KEYIDX
  }
  const keyFrame = start && partition === 0 && ((payload[at] ?? 1) & 0x01) === 0;
  return { start, pictureId, keyFrame, headerLength: at };
}

/**
 * The first bytes of a VP8 frame (RFC 6386 §9.1): the 3-byte frame tag (P bit clear on a
 * keyframe, show_frame set, first partition size), and on a keyframe the start code and
 * the dimensions.
 */
export function vp8FrameHeader(keyFrame: boolean, width = 640, height = 480): Buffer {
  const firstPartitionSize = 400;
  const tag = (keyFrame ? 0 : 1) | (0 << 1) | (1 << 4) | (firstPartitionSize << 5);
  const head = Buffer.from([tag & 0xff, (tag >> 8) & 0xff, (tag >> 16) & 0xff]);
  if (!keyFrame) return head;
  const dims = Buffer.alloc(4);
  dims.writeUInt16LE(width & 0x3fff, 0);
  dims.writeUInt16LE(height & 0x3fff, 2);
  return Buffer.concat([head, Buffer.from([0x9d, 0x01, 0x2a]), dims]);
}

/**
 * One VP8 frame split into `packets` RTP payloads of `payloadBytes` each: descriptor on
 * every packet, the frame header on the first.
 */
export function vp8FramePayloads(
  pictureId: number,
  keyFrame: boolean,
  packets: number,
  payloadBytes: number,
  filler: Uint8Array,
): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < packets; i++) {
    const descriptor = vp8Descriptor(pictureId, i === 0);
    const head = i === 0 ? vp8FrameHeader(keyFrame) : Buffer.alloc(0);
    const bodyLength = Math.max(0, payloadBytes - descriptor.length - head.length);
    out.push(Buffer.concat([descriptor, head, filler.subarray(0, bodyLength)]));
  }
  return out;
}

/** The ssrc-audio-level extension byte (RFC 6464): V bit and level in -dBov (0-127). */
export function audioLevelByte(dBov: number, voice: boolean): number {
  const level = Math.min(127, Math.max(0, Math.round(-dBov)));
  return (voice ? 0x80 : 0) | level;
}

/** RTP or RTCP on an rtcp-mux port: RTCP packet types 192-223 sit where RTP has M+PT. */
export function isRtcp(packet: Uint8Array): boolean {
  const pt = packet[1] ?? 0;
  return pt >= 192 && pt <= 223;
}
