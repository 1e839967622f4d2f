// The benchmark's RTP source, run as its own process so the orchestrator's work never
// delays a tick: `node --import tsx rtp-generator.ts <host> <port>`. One dgram socket sends,
// on a deadline-scheduled 20 ms tick, one Opus packet (with ssrc-audio-level) and one VP8
// frame of two packets (keyframe about once a second) to a comedia PlainTransport. Each line
// on stdin ('count', 'pause' or 'resume') is answered on stdout with the packets sent so far:
// {"sent":n,"catchUps":n}. With --paused it waits for 'resume' before sending anything.
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import {
  AUDIO_LEVEL_EXT_ID,
  KEYFRAME_EVERY_FRAMES,
  OPUS_PAYLOAD_BYTES,
  OPUS_PT,
  OPUS_SSRC,
  TICK_MS,
  VP8_PACKETS_PER_FRAME,
  VP8_PAYLOAD_BYTES,
  VP8_PT,
  VP8_SSRC,
} from './media-params.ts';
import { audioLevelByte, nextPictureId, packRtp, vp8FramePayloads } from './rtp-packets.ts';

const [host = '127.0.0.1', portArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const port = Number(portArg);
if (!Number.isInteger(port) || port <= 0) throw new Error('usage: rtp-generator.ts <host> <port>');

const socket = createSocket('udp4');
const filler = randomBytes(VP8_PAYLOAD_BYTES);
// A valid Opus TOC byte (CELT fullband 20 ms, stereo, one frame), then noise.
const opusPayload = Buffer.concat([Buffer.from([0xfc]), randomBytes(OPUS_PAYLOAD_BYTES - 1)]);

let opusSeq = 1;
let vp8Seq = 1;
let frame = 0;
let pictureId = 0x7ff0; // starts near the top so every run crosses the 15-bit wrap
let sent = 0;
let catchUps = 0;

function sendTick(): void {
  const audioTs = (frame * 48_000 * TICK_MS) / 1_000;
  const videoTs = (frame * 90_000 * TICK_MS) / 1_000;
  // A speaker whose level moves between -20 and -50 dBov, so the speaker observer works.
  const level = audioLevelByte(-20 - ((frame >> 4) % 30), true);
  const send = (packet: Buffer) => {
    socket.send(packet, port, host);
    sent++;
  };
  send(
    packRtp(
      {
        payloadType: OPUS_PT,
        marker: false,
        sequenceNumber: opusSeq++,
        timestamp: audioTs,
        ssrc: OPUS_SSRC,
        extensions: [{ id: AUDIO_LEVEL_EXT_ID, data: Uint8Array.of(level) }],
      },
      opusPayload,
    ),
  );
  const keyFrame = frame % KEYFRAME_EVERY_FRAMES === 0;
  const payloads = vp8FramePayloads(
    pictureId,
    keyFrame,
    VP8_PACKETS_PER_FRAME,
    VP8_PAYLOAD_BYTES,
    filler,
  );
  payloads.forEach((payload, i) => {
    send(
      packRtp(
        {
          payloadType: VP8_PT,
          marker: i === payloads.length - 1,
          sequenceNumber: vp8Seq++,
          timestamp: videoTs,
          ssrc: VP8_SSRC,
        },
        payload,
      ),
    );
  });
  pictureId = nextPictureId(pictureId);
  frame++;
}

// Deadline-scheduled: tick k is due at start + k * TICK_MS, so timer lateness never
// accumulates; a late timer sends the ticks it owes at once (counted in catchUps). Paused,
// it sends nothing; resumed, the schedule starts afresh (no burst for the paused time).
let start = 0;
let due = 0;
let timer: NodeJS.Timeout | undefined;
function loop(): void {
  const now = performance.now() - start;
  let burst = 0;
  while (due * TICK_MS <= now) {
    sendTick();
    due++;
    burst++;
  }
  if (burst > 1) catchUps += burst - 1;
  timer = setTimeout(loop, Math.max(0, due * TICK_MS - (performance.now() - start)));
}
function resume(): void {
  if (timer) return;
  start = performance.now();
  due = 0;
  loop();
}
function pause(): void {
  clearTimeout(timer);
  timer = undefined;
}

socket.bind(0, host, () => {
  if (!process.argv.includes('--paused')) resume();
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
});

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line === 'pause') pause();
  else if (line === 'resume') resume();
  process.stdout.write(`${JSON.stringify({ sent, catchUps })}\n`);
});
lines.on('close', () => {
  pause();
  socket.close();
});
