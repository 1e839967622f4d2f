import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../client/src/api/errors.ts';
import {
  addModule,
  canAuthor,
  courseFieldsPatch,
  hoursText,
  minutesFromHours,
  moveEntry,
  moveItem,
  moveModule,
  nextKey,
  placeOf,
  putItem,
  removeItem,
  removeModule,
  renameModule,
} from '../../../client/src/features/training/authoring.ts';
import {
  blankItemForm,
  itemForm,
  itemFromForm,
  previewAttempt,
  previewItem,
} from '../../../client/src/features/training/authoring-items.ts';
import {
  placeText,
  saveErrorText,
} from '../../../client/src/features/training/components/authoring/save-error.ts';
import {
  coursePatchBody,
  type ItemInput,
  type ModuleInput,
} from '../../../shared/training/content.ts';

const reading = (key: string): ItemInput => ({
  key,
  kind: 'reading',
  title: `Reading ${key}`,
  markdown: '# Hi',
  minutes: 5,
});
const modules: ModuleInput[] = [
  { key: 'm1', title: 'One', items: [reading('a'), reading('b'), reading('c')] },
  { key: 'm2', title: 'Two', items: [reading('d')] },
];
const keysOf = (list: ModuleInput[]) =>
  list.map((m) => `${m.key}:${m.items.map((i) => i.key).join('')}`);

describe('reordering', () => {
  it('moves an entry one place, and leaves the list as it was at either end', () => {
    expect(moveEntry(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveEntry(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveEntry(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveEntry(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('moves modules and items within their module, every key kept, the input untouched', () => {
    expect(keysOf(moveModule(modules, 1, -1))).toEqual(['m2:d', 'm1:abc']);
    expect(keysOf(moveItem(modules, 0, 2, -1))).toEqual(['m1:acb', 'm2:d']);
    expect(keysOf(modules)).toEqual(['m1:abc', 'm2:d']);
  });

  it('adds, renames and removes modules and items', () => {
    const added = addModule(modules, '  Three  ');
    expect(added[2]).toEqual({ title: 'Three', items: [] });
    expect(renameModule(modules, 1, ' Deux ')[1]?.title).toBe('Deux');
    expect(keysOf(removeModule(modules, 0))).toEqual(['m2:d']);
    expect(keysOf(removeItem(modules, 0, 1))).toEqual(['m1:ac', 'm2:d']);
    expect(keysOf(putItem(modules, 1, null, reading('e')))).toEqual(['m1:abc', 'm2:de']);
    const replaced = putItem(modules, 0, 1, { ...reading('b'), title: 'New title' });
    expect(replaced[0]?.items[1]?.title).toBe('New title');
  });

  it('makes a body the server accepts: the shared schema parses the reordered modules', () => {
    const body = { modules: moveItem(moveModule(modules, 1, -1), 1, 0, 1) };
    expect(coursePatchBody.safeParse(body).success).toBe(true);
  });
});

describe('course fields', () => {
  const draft = {
    title: 'A',
    description: '',
    language: 'en' as const,
    track: 'foundations' as const,
    plannedMinutes: 60,
    prerequisites: ['aaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbb'],
  };

  it('sends only what changed (prerequisites compared as a set)', () => {
    expect(courseFieldsPatch(draft, { ...draft })).toEqual({});
    expect(
      courseFieldsPatch(draft, {
        ...draft,
        title: 'B',
        plannedMinutes: 90,
        prerequisites: [...draft.prerequisites].reverse(),
      }),
    ).toEqual({ title: 'B', plannedMinutes: 90 });
    expect(courseFieldsPatch(draft, { ...draft, prerequisites: [] })).toEqual({
      prerequisites: [],
    });
  });

  it('reads planned hours with a point or a comma, and shows minutes as hours', () => {
    expect(minutesFromHours('1.5')).toBe(90);
    expect(minutesFromHours(' 0,5 ')).toBe(30);
    expect(minutesFromHours('2')).toBe(120);
    expect(minutesFromHours('')).toBeNaN();
    expect(minutesFromHours('two')).toBeNaN();
    expect(minutesFromHours('-1')).toBeNaN();
    expect(hoursText(90)).toBe('1.5');
    expect(hoursText(20)).toBe('0.33');
  });

  it('lets trainers and admins author, nobody else', () => {
    expect(canAuthor(['participant', 'trainer'])).toBe(true);
    expect(canAuthor(['admin'])).toBe(true);
    expect(canAuthor(['participant', 'facilitator', 'champion'])).toBe(false);
  });
});

describe('keys and places', () => {
  it('picks the smallest free key', () => {
    expect(nextKey('q', [])).toBe('q1');
    expect(nextKey('q', ['q1', 'q3'])).toBe('q2');
    expect(nextKey('o', ['o1', 'o2'])).toBe('o3');
  });

  it("reads where a refused field sits from the server's path, counted from 1", () => {
    expect(placeOf('modules.1.items.0.questions.2.options.3.text')).toEqual({
      module: 2,
      item: 1,
      question: 3,
      option: 4,
      field: 'text',
    });
    expect(placeOf('title')).toEqual({
      module: null,
      item: null,
      question: null,
      option: null,
      field: 'title',
    });
    expect(placeOf('modules')).toMatchObject({ module: null, field: 'modules' });
    expect(placeOf('_').field).toBeNull();
  });
});

describe('item forms', () => {
  it('round-trips each kind through its form unchanged', () => {
    const items: ItemInput[] = [
      reading('r'),
      { key: 'e', kind: 'exercise', title: 'Write', prompt: 'Describe it.', minutes: 15 },
      {
        key: 'v',
        kind: 'video',
        title: 'Watch',
        url: 'https://video.example.org/a.mp4',
        durationSeconds: 125,
        transcript: 'Hello.',
      },
      {
        key: 'q',
        kind: 'quiz',
        title: 'Check',
        minutes: 5,
        passMark: 50,
        attemptLimit: 3,
        coolDownMinutes: null,
        questions: [
          {
            id: 'q1',
            prompt: 'Pick',
            kind: 'multiple',
            options: [
              { id: 'o1', text: 'A' },
              { id: 'o2', text: 'B' },
            ],
            correct: ['o1', 'o2'],
            explanation: 'Both.',
          },
        ],
      },
    ];
    for (const item of items) expect(itemFromForm(itemForm(item))).toEqual({ ok: true, item });
  });

  it('names each field to fix, with what is wrong, by its place in the form', () => {
    const form = blankItemForm('quiz');
    const checked = itemFromForm({ ...form, passMark: '150', attemptLimit: 'two' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toMatchObject({
      title: 'required',
      'questions.0.prompt': 'required',
      'questions.0.options.0.text': 'required',
      'questions.0.explanation': 'required',
      'questions.0.correct': 'correctOne',
      passMark: 'tooBig',
      attemptLimit: 'whole',
    });
  });

  it('asks for exactly one correct option in a single-choice question', () => {
    const form = blankItemForm('quiz');
    const question = form.questions[0];
    if (!question) throw new Error('a new quiz has a question');
    const filled = {
      ...form,
      title: 'Check',
      questions: [
        {
          ...question,
          prompt: 'Pick',
          explanation: 'Because.',
          options: question.options.map((o) => ({ ...o, text: o.id })),
          correct: ['o1', 'o2'],
        },
      ],
    };
    const checked = itemFromForm(filled);
    expect(checked.ok ? null : checked.problems['questions.0.correct']).toBe('correctOne');
    // Options removed from the question are never sent as correct.
    const first = filled.questions[0] as (typeof filled.questions)[number];
    const trimmed = itemFromForm({ ...filled, questions: [{ ...first, correct: ['o2', 'gone'] }] });
    expect(
      trimmed.ok && trimmed.item.kind === 'quiz' && trimmed.item.questions[0]?.correct,
    ).toEqual(['o2']);
  });

  it('asks a video for an https address and a length', () => {
    const checked = itemFromForm({
      ...blankItemForm('video'),
      title: 'V',
      url: 'http://x.org/a.mp4',
    });
    expect(checked.ok ? null : checked.problems).toEqual({
      url: 'https',
      durationMinutes: 'required',
    });
  });
});

describe('preview', () => {
  const quiz: Extract<ItemInput, { kind: 'quiz' }> = {
    key: 'check',
    kind: 'quiz',
    title: 'Check',
    minutes: 5,
    passMark: 100,
    attemptLimit: 2,
    coolDownMinutes: 10,
    questions: [
      {
        id: 'q1',
        prompt: 'Pick B',
        kind: 'single',
        options: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B' },
        ],
        correct: ['b'],
        explanation: 'B it is.',
      },
      {
        id: 'q2',
        prompt: 'Pick both',
        kind: 'multiple',
        options: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B' },
        ],
        correct: ['a', 'b'],
        explanation: 'Both.',
      },
    ],
  };

  it("shows a quiz as the learner's view does: no correct options, no explanations", () => {
    const item = previewItem(quiz, 'c'.repeat(24), 'm1');
    expect(JSON.stringify(item)).not.toContain('B it is.');
    expect(JSON.stringify(item)).not.toContain('correct');
    expect(item.quiz?.attemptsLeft).toBe(2);
    expect(item.progress.status).toBe('not-started');
  });

  it("grades a preview attempt with the server's rule", () => {
    const half = previewAttempt(quiz, { answers: { q1: ['b'], q2: ['a'] } });
    expect(half).toMatchObject({ score: 50, passed: false });
    expect(half.results.map((r) => r.correct)).toEqual([true, false]);
    expect(half.results[1]?.explanation).toBe('Both.');
    const full = previewAttempt(quiz, { answers: { q1: ['b'], q2: ['b', 'a'] } });
    expect(full).toMatchObject({ score: 100, passed: true });
  });

  it("counts a video's planned minutes from its length, as the server does", () => {
    const video: ItemInput = {
      kind: 'video',
      title: 'V',
      url: 'https://x.org/a.mp4',
      durationSeconds: 61,
      transcript: '',
    };
    expect(previewItem(video, 'c'.repeat(24), 'm1').minutes).toBe(2);
  });
});

describe('refusals in words', () => {
  // A stand-in for i18next's t: the key and its values, so the test reads what is said where.
  const t = ((key: string, values?: Record<string, unknown>) =>
    values ? `${key}(${Object.values(values).join('|')})` : key) as unknown as TFunction;

  it('says which fields the server refused, by their place in the course', () => {
    const error = new ApiError('INVALID_INPUT', 400, {
      'modules.1.items.0.questions.2.correct': ['a single-choice question has one correct option'],
      title: ['too long'],
    });
    expect(saveErrorText(t, error)).toBe(
      'training.authoring.problem.refused(training.authoring.place.module(2), training.authoring.place.item(1), training.authoring.place.question(3): training.authoring.field.correct; training.authoring.field.title)',
    );
    expect(placeText(t, 'modules.0.items.0.somethingNew')).toBe(
      'training.authoring.place.module(1), training.authoring.place.item(1): training.authoring.field.other',
    );
  });

  it('names the body limit when the server refuses without fields, else the code', () => {
    expect(saveErrorText(t, new ApiError('INVALID_INPUT', 400))).toBe(
      'training.authoring.problem.tooLarge',
    );
    expect(saveErrorText(t, new ApiError('FORBIDDEN', 403))).toBe('errors.FORBIDDEN');
  });
});
