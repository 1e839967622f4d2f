import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';

/**
 * On-disk record framing shared by the journal and snapshots:
 *   [u32 LE payload length][u32 LE crc32(payload)][payload]
 * A crash can leave a partially written last frame (short, or with garbage where the page
 * cache never reached the disk); readers stop at the first frame that is short or fails its
 * checksum and report how many bytes were valid.
 */

export const FRAME_HEADER = 8;
/**
 * Every payload is a BSON document (at least 5 bytes). Rejecting shorter lengths matters: a tail
 * of zeroed blocks would otherwise parse as endless empty frames, since crc32 of nothing is 0.
 */
export const MIN_FRAME_PAYLOAD = 5;
/** Larger than any legal record (a 16 MiB document plus envelope); anything bigger is garbage. */
export const MAX_FRAME_PAYLOAD = 64 * 1024 * 1024;

export function encodeFrame(payload: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(FRAME_HEADER + payload.length);
  frame.writeUInt32LE(payload.length, 0);
  frame.writeUInt32LE(crc32(payload), 4);
  frame.set(payload, FRAME_HEADER);
  return frame;
}

export interface FrameReadResult {
  frames: number;
  /** Bytes from the start of the file up to the end of the last good frame. */
  validBytes: number;
  /** Bytes after the last good frame (a torn or corrupt tail); 0 for a clean file. */
  discardedBytes: number;
}

const CHUNK = 1024 * 1024;

/** Streams a framed file, calling `onFrame` for each intact payload in order. */
export async function readFrames(
  path: string,
  onFrame: (payload: Buffer) => void,
): Promise<FrameReadResult> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    let buf = Buffer.alloc(0);
    let filePos = 0;
    let validBytes = 0;
    let frames = 0;

    // Make at least `n` unread bytes available in `buf`; false at end of file.
    const fill = async (n: number): Promise<boolean> => {
      while (buf.length < n) {
        if (filePos >= size) return false;
        const want = Math.max(CHUNK, n - buf.length);
        const chunk = Buffer.allocUnsafe(Math.min(want, size - filePos));
        const { bytesRead } = await fh.read(chunk, 0, chunk.length, filePos);
        if (bytesRead === 0) return false;
        filePos += bytesRead;
        buf =
          buf.length === 0
            ? chunk.subarray(0, bytesRead)
            : Buffer.concat([buf, chunk.subarray(0, bytesRead)]);
      }
      return true;
    };

    for (;;) {
      if (!(await fill(FRAME_HEADER))) break;
      const len = buf.readUInt32LE(0);
      const sum = buf.readUInt32LE(4);
      if (len < MIN_FRAME_PAYLOAD || len > MAX_FRAME_PAYLOAD) break;
      if (!(await fill(FRAME_HEADER + len))) break;
      const payload = buf.subarray(FRAME_HEADER, FRAME_HEADER + len);
      if (crc32(payload) !== sum) break;
      // Copy so values decoded from the payload (Binary) do not pin the whole read chunk.
      onFrame(Buffer.from(payload));
      frames++;
      validBytes += FRAME_HEADER + len;
      buf = buf.subarray(FRAME_HEADER + len);
    }
    return { frames, validBytes, discardedBytes: size - validBytes };
  } finally {
    await fh.close();
  }
}
