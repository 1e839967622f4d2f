import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  id: string;
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
}

/**
 * A real SMTP server for development and tests, where no SMTP_URL names one: it listens on
 * 127.0.0.1 only, on a free port, and keeps every message as a file in `<dataDir>/mail/`,
 * so a developer reads Haven's emails at /dev/mail and tests read them as delivered.
 */
export class MailCatcher {
  readonly #server: SMTPServer;
  readonly #dir: string;
  readonly #events = new EventEmitter();
  #port = 0;

  private constructor(dataDir: string) {
    this.#dir = join(dataDir, 'mail');
    mkdirSync(this.#dir, { recursive: true });
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      banner: 'Haven mail catcher',
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          this.#store(Buffer.concat(chunks), to).then(
            () => callback(),
            (error: Error) => callback(error),
          );
        });
      },
    });
  }

  /** On a free port unless told one (a test restarts a catcher where it was). */
  static async start(dataDir: string, port = 0): Promise<MailCatcher> {
    const catcher = new MailCatcher(dataDir);
    await new Promise<void>((resolve, reject) => {
      catcher.#server.once('error', reject);
      catcher.#server.listen(port, '127.0.0.1', () => resolve());
    });
    catcher.#port = (catcher.#server.server.address() as AddressInfo).port;
    return catcher;
  }

  get port(): number {
    return this.#port;
  }

  /** The URL nodemailer sends to (plain SMTP on loopback: nothing leaves the machine). */
  get smtpUrl(): string {
    return `smtp://127.0.0.1:${this.#port}`;
  }

  async #store(raw: Buffer, to: string[]): Promise<void> {
    const parsed = await simpleParser(raw);
    const mail: CaughtMail = {
      id: `${Date.now().toString().padStart(15, '0')}-${randomUUID()}`,
      to,
      from: parsed.from?.text ?? '',
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      receivedAt: new Date().toISOString(),
    };
    writeFileSync(join(this.#dir, `${mail.id}.json`), JSON.stringify(mail));
    this.#events.emit('mail', mail);
  }

  /** Newest first. */
  list(): CaughtMail[] {
    let names: string[] = [];
    try {
      names = readdirSync(this.#dir).filter((n) => n.endsWith('.json'));
    } catch {
      return [];
    }
    return names
      .sort()
      .reverse()
      .map((name) => JSON.parse(readFileSync(join(this.#dir, name), 'utf8')) as CaughtMail);
  }

  read(id: string): CaughtMail | undefined {
    return this.list().find((mail) => mail.id === id);
  }

  /**
   * The first message to `address` received after `since` (an ISO time), already here or
   * yet to come; rejects after `timeoutMs`.
   */
  waitFor(
    address: string,
    options: { since?: string; timeoutMs?: number; match?: (mail: CaughtMail) => boolean } = {},
  ): Promise<CaughtMail> {
    const wanted = address.toLowerCase();
    const fits = (mail: CaughtMail) =>
      mail.to.includes(wanted) &&
      (!options.since || mail.receivedAt >= options.since) &&
      (!options.match || options.match(mail));
    return new Promise((resolve, reject) => {
      const onMail = (mail: CaughtMail) => {
        if (!fits(mail)) return;
        clearTimeout(timer);
        this.#events.off('mail', onMail);
        resolve(mail);
      };
      const timer = setTimeout(() => {
        this.#events.off('mail', onMail);
        reject(new Error('no mail arrived in time'));
      }, options.timeoutMs ?? 10_000);
      this.#events.on('mail', onMail);
      const already = this.list()
        .reverse()
        .find((mail) => fits(mail));
      if (already) onMail(already);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
