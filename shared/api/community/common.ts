import { z } from 'zod';
import { idSchema } from '../common.ts';

/**
 * How a member appears anywhere in community content: a display name and nothing else
 * (no roles, area or email). `null` in its place means "a deleted member".
 */
export const staffBadgeSchema = z.enum(['moderator', 'admin']);
export type StaffBadge = z.infer<typeof staffBadgeSchema>;
export const personSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  /**
   * Site staff are badged wherever their name is shown, so a member can tell the real
   * moderator from a look-alike name (look-alikes are also refused: staff-names.ts).
   */
  staff: staffBadgeSchema.optional(),
});
export type Person = z.infer<typeof personSchema>;

/** `?mine=true`: query strings are text, so booleans are spelled out and nothing else passes. */
export const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

/** Ids inside a nested path, e.g. `/groups/:id/moderators/:userId`. */
export const idAndUserParams = z.object({ id: idSchema, userId: idSchema });
export const idAndCommentParams = z.object({ id: idSchema, commentId: idSchema });
