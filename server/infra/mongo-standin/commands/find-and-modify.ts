import { compileProjection } from '../engine/projection.ts';
import {
  applyUpdate,
  buildUpsertDocument,
  sameDocument,
  validateUpdate,
} from '../engine/updates.ts';
import { Codes, CommandError } from '../errors.ts';
import { type Doc, isPlainObject } from '../types.ts';
import { type CommandHandler, collationArg, collectionArg, docArg } from './context.ts';
import { findDocuments } from './matching.ts';
import { writeOptionsOf } from './write.ts';

const findAndModify: CommandHandler = (cmd, ctx) => {
  const field = 'findAndModify' in cmd ? 'findAndModify' : 'findandmodify';
  const name = collectionArg(cmd, field, ctx);
  const query = docArg(cmd, 'query') ?? {};
  const sort = docArg(cmd, 'sort');
  const remove = cmd.remove === true;
  const update = cmd.update;
  const returnNew = cmd.new === true;
  const upsert = cmd.upsert === true;
  if (remove && update !== undefined) {
    throw new CommandError(Codes.FailedToParse, 'Cannot specify both an update and remove=true');
  }
  if (!remove && update === undefined) {
    throw new CommandError(
      Codes.FailedToParse,
      'Either an update or remove=true must be specified',
    );
  }
  if (remove && (upsert || returnNew)) {
    throw new CommandError(
      Codes.FailedToParse,
      'Cannot specify both upsert=true or new=true and remove=true',
    );
  }
  const arrayFilters = Array.isArray(cmd.arrayFilters)
    ? (cmd.arrayFilters.filter(isPlainObject) as Doc[])
    : undefined;
  if (update !== undefined) validateUpdate(update, arrayFilters);
  const project = compileProjection(docArg(cmd, 'fields'), query) ?? ((d: Doc) => d);

  const coll = ctx.store.getCollection(ctx.db, name);
  const collation = collationArg(cmd, coll);
  const target = findDocuments(coll, { filter: query, sort, limit: 1, collation }).docs[0];

  if (remove) {
    if (target) coll?.remove(target);
    return { lastErrorObject: { n: target ? 1 : 0 }, value: target ? project(target) : null };
  }
  if (target) {
    const updated = applyUpdate(target, update, {
      filter: query,
      ...(arrayFilters ? { arrayFilters } : {}),
    });
    if (!sameDocument(target, updated)) coll?.replace(target, updated, writeOptionsOf(cmd));
    return {
      lastErrorObject: { n: 1, updatedExisting: true },
      value: project(returnNew ? updated : target),
    };
  }
  if (!upsert) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null };
  const doc = buildUpsertDocument(query, update, arrayFilters);
  ctx.store.ensureCollection(ctx.db, name).insert(doc, writeOptionsOf(cmd));
  return {
    lastErrorObject: { n: 1, updatedExisting: false, upserted: doc._id },
    value: returnNew ? project(doc) : null,
  };
};

export const findAndModifyCommands: Record<string, CommandHandler> = {
  findAndModify,
  findandmodify: findAndModify,
};
