import { z } from 'zod';
import { idSchema } from '../api/common.ts';

/**
 * Training videos uploaded to Haven (docs/training.md, "Uploaded videos"): a trainer or
 * admin sends the file as the raw body of `POST /api/training/videos`; Haven keeps it and
 * serves it to signed-in members at `/api/training/videos/<id>`, with range requests. A
 * video item names it by that address in its `url`, just as it names a video elsewhere by
 * an https address.
 */
export const VIDEO_CONTENT_TYPES = ['video/mp4', 'video/webm'] as const;
export const videoContentTypeSchema = z.enum(VIDEO_CONTENT_TYPES);
export type VideoContentType = z.infer<typeof videoContentTypeSchema>;

export function isVideoContentType(value: unknown): value is VideoContentType {
  return (VIDEO_CONTENT_TYPES as readonly unknown[]).includes(value);
}

/** Where an uploaded video is served; a video item's `url` names it so. */
export const HAVEN_VIDEO_PREFIX = '/api/training/videos/';
const HAVEN_VIDEO_ADDRESS = /^\/api\/training\/videos\/([a-f0-9]{24})$/;

export function havenVideoPath(id: string): string {
  return `${HAVEN_VIDEO_PREFIX}${id}`;
}

/** The uploaded video's id when `url` is Haven's own address for one, else null. */
export function havenVideoIdOf(url: string): string | null {
  return HAVEN_VIDEO_ADDRESS.exec(url)?.[1] ?? null;
}

/** `POST /api/training/videos` answers `{ video }` (201). */
export const uploadedVideoSchema = z.object({
  id: idSchema,
  /** The address to put in a video item's `url`. */
  url: z.string(),
  contentType: videoContentTypeSchema,
  /** Bytes. */
  size: z.int().min(1),
});
export type UploadedVideo = z.infer<typeof uploadedVideoSchema>;

export const videoUploadResponse = z.object({ video: uploadedVideoSchema });
