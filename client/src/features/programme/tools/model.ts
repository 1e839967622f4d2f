import { z } from 'zod';
import { type Tool, toolContentSchemas } from '../../../../../shared/api/programme/worksheets.ts';
import {
  type FieldSpec,
  LIST_FIELDS,
  type ListField,
  SCALAR_FIELDS,
  type ScalarField,
  type ScalarSpec,
  type WorksheetForm,
} from './fields.ts';

/**
 * Reads a tool's content schema (shared with the server) into the plain description the
 * worksheet form renders, so a limit changed in the schema changes the form with it.
 */

/** Longer answers than this get a text area rather than a one-line input. */
export const MULTILINE_OVER = 200;

/** Defaults only fill in a missing answer; the form works with what is inside. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodDefault || current instanceof z.ZodOptional) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

function maxItemsOf(schema: z.ZodArray): number {
  for (const check of schema.def.checks ?? []) {
    const def = check._zod.def as { check: string; maximum?: number };
    if (def.check === 'max_length' && typeof def.maximum === 'number') return def.maximum;
  }
  return Number.POSITIVE_INFINITY;
}

function scalarName(name: string): ScalarField {
  if (!(SCALAR_FIELDS as readonly string[]).includes(name))
    throw new Error(`worksheet field "${name}" has no words in the client yet`);
  return name as ScalarField;
}

function listName(name: string): ListField {
  if (!(LIST_FIELDS as readonly string[]).includes(name))
    throw new Error(`worksheet list "${name}" has no words in the client yet`);
  return name as ListField;
}

function scalarSpec(name: string, raw: z.ZodType): ScalarSpec {
  const schema = unwrap(raw);
  if (schema instanceof z.ZodISODateTime) return { kind: 'datetime', name: scalarName(name) };
  if (schema instanceof z.ZodString) {
    const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
    return {
      kind: 'text',
      name: scalarName(name),
      max,
      required: (schema.minLength ?? 0) > 0,
      multiline: max > MULTILINE_OVER,
    };
  }
  if (schema instanceof z.ZodNumber && schema.isInt) {
    const { minValue, maxValue } = schema;
    if (minValue === null || maxValue === null || maxValue - minValue > 20)
      throw new Error(`worksheet field "${name}" is a number without a small range`);
    return { kind: 'integer', name: scalarName(name), min: minValue, max: maxValue };
  }
  throw new Error(`worksheet field "${name}" has a kind the form does not know`);
}

function fieldSpec(name: string, raw: z.ZodType): FieldSpec {
  const schema = unwrap(raw);
  if (!(schema instanceof z.ZodArray)) return scalarSpec(name, schema);
  const element = unwrap(schema.element as z.ZodType);
  const maxItems = maxItemsOf(schema);
  if (element instanceof z.ZodObject) {
    const fields = Object.entries(element.shape).map(([key, value]) =>
      scalarSpec(key, value as z.ZodType),
    );
    return { kind: 'entryList', name: listName(name), maxItems, fields };
  }
  if (!(element instanceof z.ZodString) || element instanceof z.ZodISODateTime)
    throw new Error(`worksheet list "${name}" holds something other than text`);
  return {
    kind: 'textList',
    name: listName(name),
    maxItems,
    itemMax: element.maxLength ?? Number.POSITIVE_INFINITY,
  };
}

/** The fields of one content schema, in the schema's order. */
export function formOfSchema(schema: z.ZodObject): FieldSpec[] {
  return Object.entries(schema.shape).map(([name, value]) => fieldSpec(name, value as z.ZodType));
}

/** The form of one of the programme's tools. */
export function worksheetForm(tool: Tool): WorksheetForm {
  return { tool, fields: formOfSchema(toolContentSchemas[tool]) };
}
