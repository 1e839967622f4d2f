/**
 * A display name folded for search and ordering: compatibility forms and accents dropped
 * (NFKD, then combining marks removed), lower case, runs of spaces as one. "José" and
 * "JOSE" share the key "jose". Stored on each member as `displayNameKey` (kept in step by
 * the model on create and by the service on profile updates), so a search compares plain
 * strings and never builds a regular expression from what someone typed.
 */
export function nameKey(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}
