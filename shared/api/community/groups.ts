import { z } from 'zod';
import {
  countrySchema,
  idSchema,
  languageSchema,
  nameText,
  pageOf,
  pageQuery,
  text,
  timeZoneSchema,
} from '../common.ts';
import { booleanQuery, personSchema } from './common.ts';

export const GROUP_KINDS = ['area', 'topic'] as const;
export const groupKindSchema = z.enum(GROUP_KINDS);

export const groupAreaSchema = z
  .object({
    country: countrySchema,
    region: text(1, 80).optional(),
    city: text(1, 80).optional(),
  })
  .strict();

/**
 * An `area` group needs at least a country; a `topic` group needs its topic and may also
 * name an area (e.g. "Family & friends" in Madrid).
 */
export const createGroupBody = z
  .object({
    name: nameText(3, 80),
    description: text(1, 2000),
    language: languageSchema,
    kind: groupKindSchema,
    area: groupAreaSchema.optional(),
    topic: text(2, 80).optional(),
    timeZone: timeZoneSchema.optional(),
  })
  .strict()
  .superRefine((group, issue) => {
    if (group.kind === 'area' && !group.area)
      issue.addIssue({ code: 'custom', path: ['area'], message: 'an area group needs an area' });
    if (group.kind === 'topic' && !group.topic)
      issue.addIssue({ code: 'custom', path: ['topic'], message: 'a topic group needs a topic' });
  });
export type CreateGroupInput = z.infer<typeof createGroupBody>;

export const groupListQuery = pageQuery.extend({
  country: countrySchema.optional(),
  city: text(1, 80).optional(),
  language: languageSchema.optional(),
  kind: groupKindSchema.optional(),
  mine: booleanQuery.optional(),
});
export type GroupListQuery = z.infer<typeof groupListQuery>;

export const addModeratorBody = z.object({ userId: idSchema }).strict();

export const groupSchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  language: z.string(),
  kind: groupKindSchema,
  area: z
    .object({ country: z.string(), region: z.string().optional(), city: z.string().optional() })
    .nullable(),
  topic: z.string().nullable(),
  timeZone: z.string().nullable(),
  /** null: a deleted member, or a creator no longer among its moderators (not named then). */
  createdBy: personSchema.nullable(),
  createdAt: z.string(),
  memberCount: z.number().int(),
  /** Group moderators are shown to everyone: taking the role means being visible in it. */
  moderators: z.array(personSchema),
  amMember: z.boolean(),
  amModerator: z.boolean(),
  /** Group moderator, or a site moderator/admin who can act on any group. */
  canModerate: z.boolean(),
});
export type Group = z.infer<typeof groupSchema>;

export const groupMemberSchema = z.object({
  user: personSchema,
  isModerator: z.boolean(),
  joinedAt: z.string(),
});

/**
 * `members` is null for someone who is not in the group (and not site staff): who belongs
 * to a recovery group is itself sensitive. Members see only those who opted in.
 */
export const groupMembersSchema = z.object({
  listed: z.array(groupMemberSchema),
  hiddenCount: z.number().int(),
});
export const groupResponse = z.object({ group: groupSchema });
export const groupDetailResponse = z.object({
  group: groupSchema,
  members: groupMembersSchema.nullable(),
});
export const groupPage = pageOf(groupSchema);
export type GroupDetail = z.infer<typeof groupDetailResponse>;
