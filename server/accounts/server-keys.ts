import { randomBytes } from 'node:crypto';
import { type Connection, type Model, Schema } from 'mongoose';

/**
 * Keys the server signs or seals with (device cookies, two-factor secrets), one per
 * purpose. Kept in the database so every node of a cluster uses the same one and a
 * restart keeps them; made once, by whichever node first needs it (an upsert, so two
 * nodes racing agree on the first one written).
 */
const serverKeySchema = new Schema({
  _id: { type: String },
  key: { type: String, required: true },
  createdAt: { type: Date, default: () => new Date() },
});

type KeyModel = Model<{ _id: string; key: string; createdAt: Date }>;

export class ServerKeys {
  readonly #model: KeyModel;
  readonly #cache = new Map<string, Promise<Buffer>>();

  constructor(connection: Connection) {
    this.#model = (connection.models.ServerKey ??
      connection.model('ServerKey', serverKeySchema, 'serverkeys')) as KeyModel;
  }

  /** The 32-byte key for `purpose`. */
  get(purpose: string): Promise<Buffer> {
    let key = this.#cache.get(purpose);
    if (!key) {
      key = this.#load(purpose);
      this.#cache.set(purpose, key);
      key.catch(() => this.#cache.delete(purpose));
    }
    return key;
  }

  async #load(purpose: string): Promise<Buffer> {
    const stored = await this.#model
      .findOneAndUpdate(
        { _id: purpose },
        { $setOnInsert: { key: randomBytes(32).toString('base64') } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<{ key: string }>();
    if (!stored) throw new Error(`server key ${purpose} could not be made`);
    return Buffer.from(stored.key, 'base64');
  }
}
