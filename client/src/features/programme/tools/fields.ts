import type { z } from 'zod';
import type {
  abcContent,
  changePlanContent,
  costBenefitContent,
  Tool,
  urgeLogContent,
  urgeLogEntrySchema,
} from '../../../../../shared/api/programme/worksheets.ts';

/**
 * A worksheet form as plain data: which fields, of what kind, with which limits. It is read
 * from the tool's content schema (see model.ts, loaded with the api chunk); this file has no
 * zod at run time, so pages can use the types and the draft helpers on first paint.
 */
type Keys =
  | keyof z.infer<typeof costBenefitContent>
  | keyof z.infer<typeof changePlanContent>
  | keyof z.infer<typeof urgeLogContent>
  | keyof z.infer<typeof abcContent>
  | keyof z.infer<typeof urgeLogEntrySchema>
  | keyof z.infer<typeof changePlanContent>['peopleWhoCanHelp'][number];

/** Fields that hold a list; each has its own "Add" and "Remove" words. */
export const LIST_FIELDS = [
  'usingBenefits',
  'usingCosts',
  'notUsingBenefits',
  'notUsingCosts',
  'steps',
  'peopleWhoCanHelp',
  'entries',
] as const satisfies readonly Keys[];
export type ListField = (typeof LIST_FIELDS)[number];

/** Fields that hold one answer, at the top of a worksheet or inside a list entry. */
export const SCALAR_FIELDS = [
  'behaviour',
  'changesIWant',
  'reasons',
  'howIWillKnow',
  'whatMightInterfere',
  'who',
  'how',
  'when',
  'intensity',
  'trigger',
  'whatIDid',
  'outcome',
  'activatingEvent',
  'beliefs',
  'consequences',
  'disputation',
  'effectiveNewBelief',
] as const satisfies readonly Keys[];
export type ScalarField = (typeof SCALAR_FIELDS)[number];

export type ScalarSpec =
  | { kind: 'text'; name: ScalarField; max: number; required: boolean; multiline: boolean }
  | { kind: 'datetime'; name: ScalarField }
  | { kind: 'integer'; name: ScalarField; min: number; max: number };
export type FieldSpec =
  | ScalarSpec
  | { kind: 'textList'; name: ListField; maxItems: number; itemMax: number }
  | { kind: 'entryList'; name: ListField; maxItems: number; fields: ScalarSpec[] };
export type EntrySpec = Extract<FieldSpec, { kind: 'entryList' }>;

/** What a form holds while a person types: like the content, but dates as local input text. */
export type ScalarValue = string | number | null;
export type EntryDraft = Record<string, ScalarValue>;
export type DraftValue = ScalarValue | string[] | EntryDraft[];
export type Draft = Record<string, DraftValue>;

export interface WorksheetForm {
  tool: Tool;
  fields: FieldSpec[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as `<input type="datetime-local">` wants it, in this device's time zone. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The input's local text back to an instant (UTC, ISO 8601), or '' when empty or invalid. */
export function fromLocalInput(local: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return '';
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

function scalarDraft(spec: ScalarSpec, value: unknown): ScalarValue {
  if (spec.kind === 'datetime') return typeof value === 'string' ? toLocalInput(value) : '';
  if (spec.kind === 'integer') return typeof value === 'number' ? value : null;
  return typeof value === 'string' ? value : '';
}

function scalarContent(spec: ScalarSpec, value: ScalarValue | undefined): ScalarValue {
  if (spec.kind === 'datetime') return fromLocalInput(typeof value === 'string' ? value : '');
  if (spec.kind === 'integer') return typeof value === 'number' ? value : null;
  return typeof value === 'string' ? value : '';
}

/** A new, empty entry of a list; a time defaults to now, a rating is left for the person. */
export function emptyEntry(spec: EntrySpec, now = new Date()): EntryDraft {
  const entry: EntryDraft = {};
  for (const field of spec.fields) {
    entry[field.name] =
      field.kind === 'datetime'
        ? toLocalInput(now.toISOString())
        : field.kind === 'integer'
          ? null
          : '';
  }
  return entry;
}

/** The saved content as a form draft (missing fields get their empty value). */
export function toDraft(fields: readonly FieldSpec[], content: Record<string, unknown>): Draft {
  const draft: Draft = {};
  for (const spec of fields) {
    const value = content[spec.name];
    if (spec.kind === 'textList') {
      draft[spec.name] = Array.isArray(value) ? value.map((item) => String(item)) : [];
    } else if (spec.kind === 'entryList') {
      const entries = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      draft[spec.name] = entries.map((entry) => {
        const out: EntryDraft = {};
        for (const field of spec.fields) out[field.name] = scalarDraft(field, entry[field.name]);
        return out;
      });
    } else {
      draft[spec.name] = scalarDraft(spec, value);
    }
  }
  return draft;
}

/** The draft as the content the API takes (to be checked with the tool's schema). */
export function toContent(fields: readonly FieldSpec[], draft: Draft): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  for (const spec of fields) {
    const value = draft[spec.name];
    if (spec.kind === 'textList') {
      content[spec.name] = Array.isArray(value) ? [...(value as string[])] : [];
    } else if (spec.kind === 'entryList') {
      const entries = Array.isArray(value) ? (value as EntryDraft[]) : [];
      content[spec.name] = entries.map((entry) => {
        const out: Record<string, ScalarValue> = {};
        for (const field of spec.fields) out[field.name] = scalarContent(field, entry[field.name]);
        return out;
      });
    } else {
      content[spec.name] = scalarContent(spec, value as ScalarValue | undefined);
    }
  }
  return content;
}

/** Every path a problem can be reported on, as the API names them ("content.entries.0.when"). */
export function fieldPaths(fields: readonly FieldSpec[], draft: Draft): string[] {
  const paths = ['title'];
  for (const spec of fields) {
    const base = `content.${spec.name}`;
    paths.push(base);
    const value = draft[spec.name];
    if (!Array.isArray(value)) continue;
    value.forEach((_item, index) => {
      if (spec.kind === 'entryList') {
        for (const field of spec.fields) paths.push(`${base}.${index}.${field.name}`);
      } else {
        paths.push(`${base}.${index}`);
      }
    });
  }
  return paths;
}
