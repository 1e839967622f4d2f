import { compileFilter } from '../engine/query.ts';
import { Codes, CommandError } from '../errors.ts';
import { type Doc, isPlainObject } from '../types.ts';

const LEVELS = new Set(['off', 'strict', 'moderate']);
const ACTIONS = new Set(['error', 'warn']);

/**
 * A collection's document validation (`validator`, `validationLevel`, `validationAction` from
 * create or collMod), as mongod applies it: `strict` checks every insert and update,
 * `moderate` lets an update through when the document it changes was already invalid, `off`
 * checks nothing; `warn` lets the write through (mongod would log it). A write that fails is
 * refused before anything changes, with mongod's code 121.
 */
export class DocumentValidation {
  private readonly test: ((doc: Doc) => boolean) | null;
  private readonly moderate: boolean;

  constructor(options: Doc) {
    const { validator, validationLevel = 'strict', validationAction = 'error' } = options;
    if (typeof validationLevel !== 'string' || !LEVELS.has(validationLevel))
      throw new CommandError(
        Codes.BadValue,
        `invalid validation level: ${String(validationLevel)}`,
      );
    if (typeof validationAction !== 'string' || !ACTIONS.has(validationAction))
      throw new CommandError(
        Codes.BadValue,
        `invalid validation action: ${String(validationAction)}`,
      );
    if (validator !== undefined && !isPlainObject(validator))
      throw new CommandError(Codes.TypeMismatch, "'validator' must be an object");
    const active =
      isPlainObject(validator) &&
      Object.keys(validator).length > 0 &&
      validationLevel !== 'off' &&
      validationAction === 'error';
    // Compiled even when inactive, so a validator mongod would refuse is refused here too.
    const compiled = isPlainObject(validator) ? compileFilter(validator) : null;
    this.test = active ? compiled : null;
    this.moderate = validationLevel === 'moderate';
  }

  /** `old` is the stored document an update replaces, null for an insert. */
  check(doc: Doc, old: Doc | null): void {
    const test = this.test;
    if (!test || test(doc)) return;
    if (old && this.moderate && !test(old)) return;
    throw new CommandError(Codes.DocumentValidationFailure, 'Document failed validation', {
      errInfo: { failingDocumentId: doc._id, details: { reason: 'does not match the validator' } },
    });
  }
}
