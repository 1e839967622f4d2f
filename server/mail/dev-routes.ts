import { Router } from 'express';
import type { MailCatcher } from './catcher.ts';

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><main>${body}</main></body></html>`;

/**
 * The caught mail, for a developer (never mounted in production): a list, and each
 * message's plain text. Everything shown is escaped; the HTML part is not rendered.
 */
export function devMailRoutes(catcher: MailCatcher): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  router.get('/', (_req, res) => {
    const items = catcher
      .list()
      .map(
        (mail) =>
          `<li><a href="/dev/mail/${encodeURIComponent(mail.id)}">${escapeHtml(mail.subject)}</a> — ${escapeHtml(mail.to.join(', '))} — ${escapeHtml(mail.receivedAt)}</li>`,
      )
      .join('');
    res
      .type('html')
      .send(page('Haven mail', `<h1>Caught mail</h1><ul>${items || '<li>No mail yet.</li>'}</ul>`));
  });
  router.get('/:id', (req, res) => {
    const mail = catcher.read(req.params.id);
    if (!mail) {
      res.status(404).type('html').send(page('Not found', '<p>No such message.</p>'));
      return;
    }
    res
      .type('html')
      .send(
        page(
          mail.subject,
          `<p><a href="/dev/mail">All mail</a></p><h1>${escapeHtml(mail.subject)}</h1><p>To: ${escapeHtml(mail.to.join(', '))}<br>From: ${escapeHtml(mail.from)}<br>${escapeHtml(mail.receivedAt)}</p><pre style="white-space:pre-wrap">${escapeHtml(mail.text)}</pre>`,
        ),
      );
  });
  return router;
}
