import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MailCatcher } from '../../../server/mail/catcher.ts';
import { Mailer } from '../../../server/mail/mailer.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';
import { capturingLogger } from '../../helpers/logger.ts';

let haven: TestHaven;
let dir: string;

beforeAll(async () => {
  haven = await startTestHaven();
  dir = mkdtempSync(join(tmpdir(), 'haven-mail-'));
});
afterAll(async () => {
  await haven.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the mail outbox', () => {
  it('keeps a mail the SMTP server did not take and delivers it once the server is back', async () => {
    const first = await MailCatcher.start(dir);
    const port = first.port;
    await first.close();
    const { logger, lines } = capturingLogger();
    // A database of its own: the Haven's own mailer would otherwise deliver this mail.
    const connection = haven.mongo.connection.useDb(`outbox_${process.pid}_${Date.now()}`);
    const mailer = new Mailer({
      connection,
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'Haven <no-reply@haven.test>',
      logger,
      retryEveryMs: 60_000,
    });
    const outbox = connection.models.MailOutbox;
    if (!outbox) throw new Error('the outbox model is registered by the mailer');
    try {
      const to = `outbox-${Date.now()}@example.org`;
      await mailer.send({ kind: 'passwordChanged', to, language: 'en' });
      await vi.waitFor(() => expect(lines().map((l) => l.event)).toContain('mail:retry'), 5000);
      expect(await outbox.countDocuments({ to })).toBe(1);

      const second = await MailCatcher.start(dir, port);
      try {
        const arrived = second.waitFor(to);
        // Due now rather than after the back-off: the retry is what is under test.
        await outbox.updateOne({ to }, { $set: { nextAttemptAt: new Date() } });
        await mailer.drain();
        expect((await arrived).subject).toBe('Your Haven password was changed');
        expect(await outbox.countDocuments({ to })).toBe(0);
        expect(JSON.stringify(lines())).not.toContain(to);
      } finally {
        await second.close();
      }
    } finally {
      await mailer.close();
      await connection.db?.dropDatabase().catch(() => {});
    }
  });

  it('shows caught mail at /dev/mail, escaped, outside production', async () => {
    const to = `devmail-${Date.now()}@example.org`;
    const arrived = haven.mail.waitFor(to);
    await haven.haven.api.mailer.send({
      kind: 'verifyEmail',
      to,
      language: 'es',
      link: 'https://x/<b>',
    });
    const mail = await arrived;
    const list = await fetch(`${haven.url}/dev/mail`);
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(to);
    const one = await (await fetch(`${haven.url}/dev/mail/${mail.id}`)).text();
    expect(one).toContain('Confirma tu correo para Haven');
    expect(one).toContain('https://x/&lt;b&gt;');
    expect(one).not.toContain('<b>');
  });
});

describe('/dev/mail in production', () => {
  it('is not served', async () => {
    const production = await startTestHaven({ nodeEnv: 'production' });
    try {
      expect((await fetch(`${production.url}/dev/mail`)).status).toBe(404);
    } finally {
      await production.close();
    }
  });
});
