/** Where the chat's pages live: each group's chat beside its page, and the list of chats. */
export const CHAT_PATHS = {
  chats: '/chats',
  groupChat: (groupId: string) => `/groups/${encodeURIComponent(groupId)}/chat`,
} as const;
