import { canonicalKey } from '../engine/bson-values.ts';
import { Codes, CommandError } from '../errors.ts';
import type { Collection } from '../store/collection.ts';
import { type Doc, isPlainObject } from '../types.ts';
import { type CommandHandler, collectionArg, GENERIC_FIELDS } from './context.ts';

/** What collMod may change in a collection's own options. */
const OPTION_FIELDS = new Set([
  'validator',
  'validationLevel',
  'validationAction',
  'expireAfterSeconds',
]);

function indexNamed(coll: Collection, spec: Doc): string {
  const specs = coll.indexSpecs();
  const found =
    typeof spec.name === 'string'
      ? specs.find((s) => s.name === spec.name)
      : isPlainObject(spec.keyPattern)
        ? specs.find((s) => canonicalKey(s.key) === canonicalKey(spec.keyPattern))
        : undefined;
  if (!found) throw new CommandError(Codes.IndexNotFound, 'cannot find index for collMod');
  if (found.name === '_id_')
    throw new CommandError(Codes.BadValue, 'collMod cannot change the _id index');
  return found.name;
}

/** collMod's `index`: hide or unhide an index, or change a TTL index's expireAfterSeconds. */
function modifyIndex(coll: Collection, spec: unknown): Doc {
  if (!isPlainObject(spec)) throw new CommandError(Codes.TypeMismatch, "'index' must be an object");
  const name = indexNamed(coll, spec);
  const change: Doc = {};
  if (spec.hidden !== undefined) {
    if (typeof spec.hidden !== 'boolean')
      throw new CommandError(Codes.TypeMismatch, "'hidden' must be a boolean");
    change.hidden = spec.hidden;
  }
  if (spec.expireAfterSeconds !== undefined) {
    if (typeof spec.expireAfterSeconds !== 'number' || spec.expireAfterSeconds < 0)
      throw new CommandError(Codes.BadValue, "'expireAfterSeconds' must be a non-negative number");
    change.expireAfterSeconds = spec.expireAfterSeconds;
  }
  if (Object.keys(change).length === 0)
    throw new CommandError(Codes.InvalidOptions, 'no collMod index option specified');
  const was = coll.changeIndex(name, change);
  const reply: Doc = {};
  if ('hidden' in change) {
    reply.hidden_old = was.hidden === true;
    reply.hidden_new = change.hidden;
  }
  if ('expireAfterSeconds' in change) {
    reply.expireAfterSeconds_old = was.expireAfterSeconds;
    reply.expireAfterSeconds_new = change.expireAfterSeconds;
  }
  return reply;
}

export const collModCommands: Record<string, CommandHandler> = {
  /**
   * A collection's validator, validation level and action, a time-series collection's
   * expireAfterSeconds, and an index's `hidden` or `expireAfterSeconds`. Everything is
   * checked before anything changes; each change is journaled.
   */
  collMod: (cmd, ctx) => {
    const name = collectionArg(cmd, 'collMod', ctx);
    const coll = ctx.store.getCollection(ctx.db, name);
    if (!coll)
      throw new CommandError(Codes.NamespaceNotFound, `ns does not exist: ${ctx.db}.${name}`);
    const options: Doc = { ...coll.options };
    let optionsChanged = false;
    for (const [key, value] of Object.entries(cmd)) {
      if (key === 'collMod' || key === 'index' || GENERIC_FIELDS.has(key)) continue;
      if (!OPTION_FIELDS.has(key))
        throw new CommandError(Codes.InvalidOptions, `unknown option to collMod: ${key}`);
      if (key === 'expireAfterSeconds' && !options.timeseries)
        throw new CommandError(
          Codes.InvalidOptions,
          'expireAfterSeconds option is only supported on time-series collections',
        );
      options[key] = value;
      optionsChanged = true;
    }
    // Checked before any change: a bad validator or level leaves the collection as it was.
    const applyOptions = optionsChanged ? coll.prepareOptions(options) : undefined;
    const reply = cmd.index === undefined ? {} : modifyIndex(coll, cmd.index);
    applyOptions?.();
    return reply;
  },
};
