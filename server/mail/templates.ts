import { MAIL_LANGUAGES, MAIL_STRINGS, type MailKind, type MailLanguage } from './strings.ts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** The member's first language Haven's emails speak, else English. */
export function mailLanguageOf(languages: readonly string[] | undefined): MailLanguage {
  const found = (languages ?? []).find((l): l is MailLanguage =>
    (MAIL_LANGUAGES as readonly string[]).includes(l),
  );
  return found ?? 'en';
}

/** Plain text and simple HTML saying the same thing; `link` for the kinds that carry one. */
export function renderMail(kind: MailKind, language: MailLanguage, link?: string): RenderedMail {
  const strings = MAIL_STRINGS[language][kind];
  const textParts = [...strings.lines];
  const htmlParts = strings.lines.map((line) => `<p>${escapeHtml(line)}</p>`);
  if (link && strings.action) {
    textParts.push(`${strings.action}: ${link}`);
    htmlParts.push(`<p><a href="${escapeHtml(link)}">${escapeHtml(strings.action)}</a></p>`);
  }
  textParts.push(strings.footer, '— Haven');
  htmlParts.push(`<p>${escapeHtml(strings.footer)}</p>`, '<p>— Haven</p>');
  return {
    subject: strings.subject,
    text: `${textParts.join('\n\n')}\n`,
    html: `<!doctype html><html lang="${language}"><body>${htmlParts.join('')}</body></html>`,
  };
}
