import { describe, expect, it } from 'vitest';
import { niceCeiling } from '../../scripts/bench/sfu/chart.ts';
import { cpuTicksFromStat } from '../../scripts/bench/sfu/cpu.ts';
import {
  findCrossing,
  fittedConsumersAt,
  packetsAtLimit,
  resultLine,
  type StepResult,
} from '../../scripts/bench/sfu/limits.ts';
import {
  audioLevelByte,
  isRtcp,
  nextPictureId,
  packRtp,
  parseVp8Descriptor,
  vp8Descriptor,
  vp8FramePayloads,
} from '../../scripts/bench/sfu/rtp-packets.ts';

describe('RTP packing', () => {
  it('writes the fixed header with marker, wrapped sequence number and 32-bit timestamp', () => {
    const packet = packRtp(
      {
        payloadType: 96,
        marker: true,
        sequenceNumber: 0x1_0005,
        timestamp: 2 ** 32 + 7,
        ssrc: 0xdeadbeef,
      },
      Uint8Array.of(1, 2, 3),
    );
    expect([...packet.subarray(0, 2)]).toEqual([0x80, 0x80 | 96]);
    expect(packet.readUInt16BE(2)).toBe(5);
    expect(packet.readUInt32BE(4)).toBe(7);
    expect(packet.readUInt32BE(8)).toBe(0xdeadbeef);
    expect([...packet.subarray(12)]).toEqual([1, 2, 3]);
    expect(isRtcp(packet)).toBe(false);
  });

  it('adds a one-byte extension block padded to 32 bits', () => {
    const packet = packRtp(
      {
        payloadType: 111,
        marker: false,
        sequenceNumber: 1,
        timestamp: 0,
        ssrc: 1,
        extensions: [{ id: 1, data: Uint8Array.of(audioLevelByte(-30, true)) }],
      },
      Uint8Array.of(0xfc),
    );
    expect(packet[0]).toBe(0x90); // V=2 and X
    expect(packet.readUInt16BE(12)).toBe(0xbede);
    expect(packet.readUInt16BE(14)).toBe(1); // one 32-bit word
    expect([...packet.subarray(16, 20)]).toEqual([0x10, 0x80 | 30, 0, 0]);
    expect(packet[20]).toBe(0xfc);
    expect(packet.length).toBe(21);
  });

  it('refuses extension ids a one-byte header cannot carry', () => {
    const header = { payloadType: 1, marker: false, sequenceNumber: 0, timestamp: 0, ssrc: 0 };
    expect(() =>
      packRtp({ ...header, extensions: [{ id: 15, data: Uint8Array.of(0) }] }, Uint8Array.of()),
    ).toThrow(RangeError);
  });

  it('tells RTCP from RTP on an rtcp-mux port', () => {
    expect(isRtcp(Uint8Array.of(0x80, 200))).toBe(true); // sender report
    expect(isRtcp(Uint8Array.of(0x81, 205))).toBe(true); // transport feedback
    expect(isRtcp(Uint8Array.of(0x80, 0x80 | 111))).toBe(false); // marker + PT 111 = 239
  });
});

describe('VP8 payload descriptor', () => {
  it('carries a 15-bit pictureId with the M bit set', () => {
    expect([...vp8Descriptor(0x1234, true)]).toEqual([0x90, 0x80, 0x80 | 0x12, 0x34]);
    expect([...vp8Descriptor(5, false)]).toEqual([0x80, 0x80, 0x80, 5]);
    expect(parseVp8Descriptor(vp8Descriptor(0x7fff, true)).pictureId).toBe(0x7fff);
  });

  it('wraps the pictureId from 0x7fff to 0', () => {
    expect(nextPictureId(0x7ffe)).toBe(0x7fff);
    expect(nextPictureId(0x7fff)).toBe(0);
    expect(() => vp8Descriptor(0x8000, true)).toThrow(RangeError);
  });

  it('marks only the first packet of a keyframe as a keyframe', () => {
    const filler = new Uint8Array(1200);
    const key = vp8FramePayloads(42, true, 2, 1200, filler);
    const delta = vp8FramePayloads(43, false, 2, 1200, filler);
    expect(key.map((p) => p.length)).toEqual([1200, 1200]);
    expect(key.map((p) => parseVp8Descriptor(p).keyFrame)).toEqual([true, false]);
    expect(delta.map((p) => parseVp8Descriptor(p).keyFrame)).toEqual([false, false]);
    // The keyframe header follows the 4-byte descriptor: frame tag, then the start code.
    expect([...(key[0] as Buffer).subarray(7, 10)]).toEqual([0x9d, 0x01, 0x2a]);
    expect(key.map((p) => parseVp8Descriptor(p).pictureId)).toEqual([42, 42]);
  });
});

const step = (consumers: number, cpuPercent: number, lossPercent = 0): StepResult => ({
  consumers,
  transports: consumers / 2,
  cpuPercent,
  lossPercent,
  packetsPerCpuSecond: consumers * 1000,
});

describe('where a run crossed its limit', () => {
  it('interpolates the CPU crossing between the last step under and the first over', () => {
    const c = findCrossing([step(0, 1), step(400, 70), step(450, 90)]);
    expect(c.limitedBy).toBe('cpu');
    expect(c.consumers).toBeCloseTo(425);
    expect(c.lastUnder?.consumers).toBe(400);
    expect(packetsAtLimit([step(0, 1), step(400, 70), step(450, 90)], c)).toBe(400_000);
  });

  it('takes the lower of the CPU and loss crossings when both are passed', () => {
    const c = findCrossing([step(400, 70, 0), step(500, 90, 5)]);
    expect(c.limitedBy).toBe('loss');
    expect(c.consumers).toBeCloseTo(420);
  });

  it('starts from zero load when the first step is already over', () => {
    const c = findCrossing([step(50, 160)]);
    expect(c.consumers).toBeCloseTo(25);
    expect(c.lastUnder).toBeUndefined();
  });

  it('reports the last step when the limit was never reached', () => {
    const c = findCrossing([step(0, 1), step(50, 10)]);
    expect(c).toMatchObject({ consumers: 50, limitedBy: 'none', firstOver: undefined });
  });

  it('takes the step itself when noise gives no upward slope', () => {
    const c = findCrossing([step(400, 85, 0), step(450, 81)], { cpuPercent: 80, lossPercent: 1 });
    expect(c.consumers).toBeCloseTo(400 * (80 / 85));
    const flat = findCrossing([step(400, 80.5), step(450, 80.2)]);
    expect(flat.firstOver?.consumers).toBe(400);
  });

  it('prints the RESULT line with integers and a two-decimal ratio', () => {
    const haven = findCrossing([step(400, 70), step(450, 90)]);
    const bare = findCrossing([step(400, 60), step(500, 100)]);
    expect(resultLine({ crossing: haven, packetsPerCpuSecond: 51_234.6 }, { crossing: bare })).toBe(
      'RESULT consumers_per_worker=425 bare_consumers_per_worker=450 ratio_to_bare=0.94 packets_per_cpu_second=51235',
    );
  });
});

describe('the fitted CPU line', () => {
  it('solves a least-squares line through the steps for the CPU limit', () => {
    const steps = [step(0, 0), step(100, 21), step(200, 39), step(300, 60)];
    expect(fittedConsumersAt(steps, 80)).toBeCloseTo(400, -1);
    expect(fittedConsumersAt([step(0, 1)], 80)).toBeUndefined();
    expect(fittedConsumersAt([step(0, 5), step(100, 5)], 80)).toBeUndefined();
  });
});

describe('measurement helpers', () => {
  it('reads utime + stime from a stat line whose command holds spaces and parentheses', () => {
    const stat = '1234 (mediasoup (w) x) S 1 1234 1234 0 -1 4194560 500 0 0 0 170 30 0 0 20 0 5';
    expect(cpuTicksFromStat(stat)).toBe(200);
  });

  it('rounds chart axes up to 1, 2 or 5 times a power of ten', () => {
    expect(niceCeiling(80)).toBe(100);
    expect(niceCeiling(120)).toBe(200);
    expect(niceCeiling(2)).toBe(2);
    expect(niceCeiling(0)).toBe(1);
  });
});
