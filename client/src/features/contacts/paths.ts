/** Where contacts live: the list, and each private conversation beside the group chats. */
export const CONTACT_PATHS = {
  contacts: '/contacts',
  conversation: (conversationId: string) => `/chats/private/${encodeURIComponent(conversationId)}`,
} as const;
