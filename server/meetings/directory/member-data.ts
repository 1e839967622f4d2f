import type { DirectoryModels, MeetingRecord } from './models.ts';

/** What the directory keeps about a member, for export and erasure (accountData). */

export async function meetingsOfMember(models: DirectoryModels, userId: string) {
  const meetings = await models.Meeting.find(
    { $or: [{ createdBy: userId }, { facilitatorIds: userId }] },
    { title: 1, createdBy: 1, facilitatorIds: 1 },
  ).lean<Pick<MeetingRecord, '_id' | 'title' | 'createdBy' | 'facilitatorIds'>[]>();
  return {
    meetings: meetings.map((meeting) => ({
      id: String(meeting._id),
      title: meeting.title,
      created: String(meeting.createdBy) === userId,
      facilitates: meeting.facilitatorIds.some((id) => String(id) === userId),
    })),
  };
}

/** The meetings stay for the people who attend them; only the member's name comes off. */
export async function eraseMemberFromMeetings(
  models: DirectoryModels,
  userId: string,
): Promise<void> {
  await models.Meeting.updateMany(
    { facilitatorIds: userId },
    { $pull: { facilitatorIds: userId } },
  );
  await models.Meeting.updateMany({ createdBy: userId }, { $set: { createdBy: null } });
}
