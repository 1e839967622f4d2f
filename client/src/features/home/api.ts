import { pageOf } from '../../../../shared/api/common.ts';
import { eventPage, groupPage, postPage } from '../../../../shared/api/community.ts';
import { meetingSchema } from '../../../../shared/api/directory.ts';
import { worksheetSummarySchema } from '../../../../shared/api/programme/worksheets.ts';
import { type ApiClient, api } from '../../api/client.ts';

/** How many of each a member's home shows; each section links to the whole list. */
export const HOME_LIST_SIZE = 3;

const limit = `limit=${HOME_LIST_SIZE}`;

/**
 * What a signed-in member's home asks for, each from the API its feature already uses.
 * Meetings are drop-in (nobody joins or saves one ahead), so a member's "next meetings" are
 * the directory's soonest in the language they chose for Haven, shown in their own time
 * zone; where none is in that language yet, the soonest in any language, said so.
 */
export function homeApi(client: ApiClient = api) {
  return {
    nextMeetings: async (timeZone: string, language: string) => {
      const soonest = async (filter: string) =>
        (
          await client.get(
            `/api/meetings?${limit}&tz=${encodeURIComponent(timeZone)}${filter}`,
            pageOf(meetingSchema),
          )
        ).items;
      const inLanguage = await soonest(`&language=${encodeURIComponent(language)}`);
      if (inLanguage.length > 0) return { language, items: inLanguage };
      return { language: null, items: await soonest('') };
    },
    myGroups: async () => (await client.get(`/api/groups?mine=true&${limit}`, groupPage)).items,
    myWorksheets: async () =>
      (await client.get(`/api/worksheets?${limit}`, pageOf(worksheetSummarySchema))).items,
    newestPosts: async () => (await client.get(`/api/posts?${limit}`, postPage)).items,
    upcomingEvents: async () => (await client.get(`/api/events?${limit}`, eventPage)).items,
  };
}
export type HomeApi = ReturnType<typeof homeApi>;
