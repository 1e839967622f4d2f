import { createHash } from 'node:crypto';

/**
 * The key an account is counted and named under where its address must not be kept plain:
 * its email, hashed. Login, reset and resend limits count under it (for every address
 * alike, known or not), and device cookies name their account by it.
 */
export const accountKey = (email: string) =>
  createHash('sha256').update(email).digest('hex').slice(0, 32);
