import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import pen from '../../../client/src/features/programme/locales/en.json' with { type: 'json' };
import pes from '../../../client/src/features/programme/locales/es.json' with { type: 'json' };
import {
  type EntrySpec,
  emptyEntry,
  fieldPaths,
  fromLocalInput,
  LIST_FIELDS,
  SCALAR_FIELDS,
  toContent,
  toDraft,
  toLocalInput,
} from '../../../client/src/features/programme/tools/fields.ts';
import { formOfSchema, worksheetForm } from '../../../client/src/features/programme/tools/model.ts';
import { TOOLS, toolContentSchemas } from '../../../shared/api/programme/worksheets.ts';

describe('a worksheet form read from its tool’s schema', () => {
  it('turns the urge log into a list of entries with a time, a 1-10 rating and three answers', () => {
    const { fields } = worksheetForm('urge-log');
    expect(fields).toHaveLength(1);
    const entries = fields[0] as EntrySpec;
    expect(entries).toMatchObject({ kind: 'entryList', name: 'entries', maxItems: 300 });
    expect(entries.fields).toEqual([
      { kind: 'datetime', name: 'when' },
      { kind: 'integer', name: 'intensity', min: 1, max: 10 },
      { kind: 'text', name: 'trigger', max: 500, required: false, multiline: true },
      { kind: 'text', name: 'whatIDid', max: 500, required: false, multiline: true },
      { kind: 'text', name: 'outcome', max: 500, required: false, multiline: true },
    ]);
  });

  it('keeps short answers on one line and lists of text as lists', () => {
    const { fields } = worksheetForm('cost-benefit-analysis');
    expect(fields[0]).toEqual({
      kind: 'text',
      name: 'behaviour',
      max: 200,
      required: false,
      multiline: false,
    });
    expect(fields.slice(1)).toEqual(
      ['usingBenefits', 'usingCosts', 'notUsingBenefits', 'notUsingCosts'].map((name) => ({
        kind: 'textList',
        name,
        maxItems: 30,
        itemMax: 500,
      })),
    );
  });

  it('reads a list of people with a required name', () => {
    const people = worksheetForm('change-plan').fields.find((f) => f.name === 'peopleWhoCanHelp');
    expect(people).toEqual({
      kind: 'entryList',
      name: 'peopleWhoCanHelp',
      maxItems: 20,
      fields: [
        { kind: 'text', name: 'who', max: 80, required: true, multiline: false },
        { kind: 'text', name: 'how', max: 500, required: false, multiline: true },
      ],
    });
    expect(worksheetForm('abc').fields.map((f) => f.kind)).toEqual(Array(5).fill('text'));
  });

  it('refuses a schema it cannot render rather than dropping a field', () => {
    expect(() => formOfSchema(z.object({ behaviour: z.boolean() }))).toThrow(/kind/);
    expect(() => formOfSchema(z.object({ mystery: z.string() }))).toThrow(/no words/);
    expect(() => formOfSchema(z.object({ intensity: z.int() }))).toThrow(/small range/);
  });

  it.each(TOOLS)('has words for every field of %s in English and Spanish', (tool) => {
    for (const spec of worksheetForm(tool).fields) {
      const names =
        spec.kind === 'entryList' ? [spec.name, ...spec.fields.map((f) => f.name)] : [spec.name];
      for (const name of names) {
        for (const catalogue of [pen, pes]) {
          const words = (
            catalogue.worksheet.fields as Record<string, { label: string; hint: string }>
          )[name];
          expect(words?.label, `${tool}.${name}`).toBeTruthy();
          expect(words?.hint, `${tool}.${name}`).toBeTruthy();
        }
      }
      if (spec.kind === 'textList' || spec.kind === 'entryList') {
        for (const catalogue of [pen, pes]) {
          const list = (catalogue.worksheet.lists as Record<string, { add: string; item: string }>)[
            spec.name
          ];
          expect(list?.add).toBeTruthy();
          expect(list?.item).toContain('{{number}}');
        }
      }
    }
  });

  it('knows every field name the shared schemas use, and no others', () => {
    const names = new Set<string>();
    for (const tool of TOOLS) {
      for (const spec of worksheetForm(tool).fields) {
        names.add(spec.name);
        if (spec.kind === 'entryList') for (const f of spec.fields) names.add(f.name);
      }
    }
    expect([...names].sort()).toEqual([...SCALAR_FIELDS, ...LIST_FIELDS].sort());
  });
});

describe('drafts', () => {
  it('round-trips an urge log through the form, and the result passes the schema', () => {
    const { fields } = worksheetForm('urge-log');
    const content = {
      entries: [
        {
          when: '2026-05-03T17:30:00.000Z',
          intensity: 7,
          trigger: 'After work',
          whatIDid: 'Walked',
          outcome: 'Faded',
        },
      ],
    };
    const draft = toDraft(fields, content);
    expect((draft.entries as Array<Record<string, unknown>>)[0]?.when).toBe(
      toLocalInput('2026-05-03T17:30:00.000Z'),
    );
    const back = toContent(fields, draft);
    expect(back).toEqual(content);
    expect(toolContentSchemas['urge-log'].safeParse(back).success).toBe(true);
  });

  it('fills in what a saved worksheet lacks, and starts a new entry now with no rating', () => {
    const { fields } = worksheetForm('change-plan');
    const draft = toDraft(fields, {});
    expect(draft).toMatchObject({ changesIWant: '', steps: [], peopleWhoCanHelp: [] });
    const [entries] = worksheetForm('urge-log').fields as [EntrySpec];
    const now = new Date('2026-05-03T08:05:00Z');
    expect(emptyEntry(entries, now)).toEqual({
      when: toLocalInput(now.toISOString()),
      intensity: null,
      trigger: '',
      whatIDid: '',
      outcome: '',
    });
  });

  it('names every field path as the API reports problems', () => {
    const { fields } = worksheetForm('change-plan');
    const draft = toDraft(fields, {
      steps: ['a', 'b'],
      peopleWhoCanHelp: [{ who: 'Ann', how: '' }],
    });
    expect(fieldPaths(fields, draft)).toEqual(
      expect.arrayContaining([
        'title',
        'content.changesIWant',
        'content.steps',
        'content.steps.1',
        'content.peopleWhoCanHelp.0.who',
        'content.peopleWhoCanHelp.0.how',
      ]),
    );
  });

  it('converts between instants and the local date-time input', () => {
    const local = toLocalInput('2026-01-15T09:45:00Z');
    expect(local).toMatch(/^2026-01-1[45]T\d{2}:45$/);
    expect(fromLocalInput(local)).toBe('2026-01-15T09:45:00.000Z');
    expect(fromLocalInput('')).toBe('');
    expect(fromLocalInput('yesterday')).toBe('');
    expect(toLocalInput('not a date')).toBe('');
  });
});
