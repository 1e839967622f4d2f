import { type Connection, type InferSchemaType, type Model, Schema } from 'mongoose';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from '../infra/logger.ts';
import type { MailKind, MailLanguage } from './strings.ts';
import { renderMail } from './templates.ts';

/**
 * What is owed to an SMTP server: written before the request that asked for it answers,
 * and deleted as soon as the server accepts it, so nothing acknowledged is lost and
 * nothing lingers. A row whose link's token has expired is harmless, and rows older than a
 * day go by themselves.
 */
const outboxSchema = new Schema({
  kind: { type: String, required: true },
  to: { type: String, required: true },
  subject: { type: String, required: true },
  text: { type: String, required: true },
  html: { type: String, required: true },
  attempts: { type: Number, default: 0 },
  nextAttemptAt: { type: Date, required: true, index: true },
  createdAt: { type: Date, default: () => new Date() },
});
outboxSchema.index({ createdAt: 1 }, { expireAfterSeconds: 24 * 3600 });

type OutboxModel = Model<InferSchemaType<typeof outboxSchema>>;

/** How long a claimed row is left to one sender before another may try it. */
const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 12;
const backoffMs = (attempts: number) => Math.min(30 * 60_000, 5_000 * 2 ** attempts);

export interface MailerOptions {
  connection: Connection;
  smtpUrl: string;
  from: string;
  logger: Logger;
  /** How often owed mail is retried (tests shorten it). */
  retryEveryMs?: number;
}

export interface MailRequest {
  kind: MailKind;
  to: string;
  language: MailLanguage;
  link?: string;
}

export class Mailer {
  readonly #outbox: OutboxModel;
  readonly #transport: Transporter;
  readonly #from: string;
  readonly #logger: Logger;
  readonly #timer: NodeJS.Timeout;
  #draining: Promise<void> | undefined;
  #closed = false;

  constructor(options: MailerOptions) {
    this.#outbox = (options.connection.models.MailOutbox ??
      options.connection.model('MailOutbox', outboxSchema)) as OutboxModel;
    this.#transport = nodemailer.createTransport(options.smtpUrl);
    this.#from = options.from;
    this.#logger = options.logger;
    this.#timer = setInterval(() => void this.drain(), options.retryEveryMs ?? 15_000);
    this.#timer.unref();
  }

  /** Stores the mail, then tries to deliver it now; a failure is retried later. */
  async send(request: MailRequest): Promise<void> {
    const rendered = renderMail(request.kind, request.language, request.link);
    const row = await this.#outbox.create({
      kind: request.kind,
      to: request.to,
      ...rendered,
      nextAttemptAt: new Date(),
    });
    this.#logger.info({ event: 'mail:queued', mailId: String(row._id), kind: request.kind });
    void this.drain();
  }

  /** Sends everything owed now; one drain at a time per process, rows claimed atomically. */
  drain(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#draining ??= this.#drainAll().finally(() => {
      this.#draining = undefined;
    });
    return this.#draining;
  }

  async #drainAll(): Promise<void> {
    try {
      for (;;) {
        const now = Date.now();
        const row = await this.#outbox
          .findOneAndUpdate(
            { nextAttemptAt: { $lte: new Date(now) }, attempts: { $lt: MAX_ATTEMPTS } },
            { $set: { nextAttemptAt: new Date(now + LEASE_MS) }, $inc: { attempts: 1 } },
            // Oldest first, so mails leave in the order they were asked for.
            { returnDocument: 'after', sort: { nextAttemptAt: 1, _id: 1 } },
          )
          .lean();
        if (!row || this.#closed) return;
        await this.#deliver(row as typeof row & { _id: unknown });
      }
    } catch (error) {
      this.#logger.warn({ event: 'mail:drain-failed', err: (error as Error).name });
    }
  }

  async #deliver(row: {
    _id: unknown;
    kind: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    attempts: number;
  }): Promise<void> {
    const mailId = String(row._id);
    try {
      await this.#transport.sendMail({
        from: this.#from,
        to: row.to,
        subject: row.subject,
        text: row.text,
        html: row.html,
      });
      await this.#outbox.deleteOne({ _id: row._id });
      this.#logger.info({ event: 'mail:sent', mailId, kind: row.kind, attempts: row.attempts });
    } catch (error) {
      const givingUp = row.attempts >= MAX_ATTEMPTS;
      await this.#outbox.updateOne(
        { _id: row._id },
        { $set: { nextAttemptAt: new Date(Date.now() + backoffMs(row.attempts)) } },
      );
      // The SMTP answer may quote the address: only its code and name are logged.
      this.#logger.warn({
        event: givingUp ? 'mail:gave-up' : 'mail:retry',
        mailId,
        kind: row.kind,
        attempts: row.attempts,
        err: (error as { code?: string }).code ?? (error as Error).name,
      });
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    await this.#draining;
    this.#transport.close();
  }
}
