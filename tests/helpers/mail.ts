import type { CaughtMail } from '../../server/mail/catcher.ts';
import type { TestHaven } from './haven.ts';

/**
 * The next email to `address`, as the Haven's SMTP catcher received it over SMTP. Call it
 * before the action that sends the mail, await it after: mail that came earlier is ignored.
 */
export function nextMailTo(
  haven: Pick<TestHaven, 'mail'>,
  address: string,
  match?: (mail: CaughtMail) => boolean,
): Promise<CaughtMail> {
  return haven.mail.waitFor(address, {
    since: new Date().toISOString(),
    ...(match ? { match } : {}),
  });
}

/** Matches the mail a test is about (for nextMailTo), not another one to the same address. */
export const titled = (subject: string) => (mail: { subject: string }) => mail.subject === subject;

/** The token from the email's link (`…#token=…`). */
export function tokenIn(mail: CaughtMail): string {
  const found = /#token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!found?.[1]) throw new Error('the email carries no link with a token');
  return found[1];
}

/** The whole link (for a browser to open). */
export function linkIn(mail: CaughtMail): string {
  const found = /(https?:\/\/\S+#token=[A-Za-z0-9_-]+)/.exec(mail.text);
  if (!found?.[1]) throw new Error('the email carries no link');
  return found[1];
}
