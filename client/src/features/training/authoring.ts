import type {
  CourseDraft,
  CoursePatch,
  ItemInput,
  ModuleInput,
} from '../../../../shared/training/content.ts';

/**
 * Pure rules of the authoring pages (docs/training.md, "Authoring pages"). The server keeps
 * the draft; each change here makes the next `modules` the editor sends with
 * `PATCH /api/courses/:id` (the whole ordered structure, every key kept, so learners'
 * progress, stored by item key, survives the next version).
 */

/** `list` with the entry at `index` moved by `delta` places; the same list when it cannot move. */
export function moveEntry<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [moved] = out.splice(index, 1);
  out.splice(to, 0, moved as T);
  return out;
}

export const moveModule = (modules: readonly ModuleInput[], index: number, delta: -1 | 1) =>
  moveEntry(modules, index, delta);

export function moveItem(
  modules: readonly ModuleInput[],
  moduleIndex: number,
  itemIndex: number,
  delta: -1 | 1,
): ModuleInput[] {
  return modules.map((module, at) =>
    at === moduleIndex ? { ...module, items: moveEntry(module.items, itemIndex, delta) } : module,
  );
}

/** A new module at the end; the server gives it a key. */
export const addModule = (modules: readonly ModuleInput[], title: string): ModuleInput[] => [
  ...modules,
  { title: title.trim(), items: [] },
];

export const renameModule = (modules: readonly ModuleInput[], index: number, title: string) =>
  modules.map((module, at) => (at === index ? { ...module, title: title.trim() } : module));

export const removeModule = (modules: readonly ModuleInput[], index: number) =>
  modules.filter((_, at) => at !== index);

/** The item put at `itemIndex` of a module (replacing it), or added at its end (null). */
export function putItem(
  modules: readonly ModuleInput[],
  moduleIndex: number,
  itemIndex: number | null,
  item: ItemInput,
): ModuleInput[] {
  return modules.map((module, at) => {
    if (at !== moduleIndex) return module;
    const items =
      itemIndex === null
        ? [...module.items, item]
        : module.items.map((old, i) => (i === itemIndex ? item : old));
    return { ...module, items };
  });
}

export const removeItem = (
  modules: readonly ModuleInput[],
  moduleIndex: number,
  itemIndex: number,
) =>
  modules.map((module, at) =>
    at === moduleIndex
      ? { ...module, items: module.items.filter((_, i) => i !== itemIndex) }
      : module,
  );

/** `prefix` and the smallest number not yet taken: q1, q2… (question and option ids). */
export function nextKey(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** Planned hours as typed ("1.5", "1,5") in whole minutes; NaN when it is not a number. */
export function minutesFromHours(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return Number.NaN;
  return Math.round(Number(trimmed) * 60);
}

/** Minutes as the hours field shows them: 90 → "1.5". */
export const hoursText = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);

export type CourseFields = Pick<
  CourseDraft,
  'title' | 'description' | 'language' | 'track' | 'plannedMinutes' | 'prerequisites'
>;

/** Only the course fields that changed, so a save never rewrites what it did not touch. */
export function courseFieldsPatch(draft: CourseFields, edited: CourseFields): CoursePatch {
  const patch: CoursePatch = {};
  if (edited.title !== draft.title) patch.title = edited.title;
  if (edited.description !== draft.description) patch.description = edited.description;
  if (edited.language !== draft.language) patch.language = edited.language;
  if (edited.track !== draft.track) patch.track = edited.track;
  if (edited.plannedMinutes !== draft.plannedMinutes) patch.plannedMinutes = edited.plannedMinutes;
  const before = [...draft.prerequisites].sort().join();
  if ([...edited.prerequisites].sort().join() !== before)
    patch.prerequisites = edited.prerequisites;
  return patch;
}

/** Where a refused field sits in the course, from the server's path ("modules.1.items.0.title"). */
export interface FieldPlace {
  module: number | null;
  item: number | null;
  question: number | null;
  option: number | null;
  /** The field's own name ("title", "markdown", "correct"…), or null for the whole thing. */
  field: string | null;
}

/** Positions counted from 1, as a person reads them. */
export function placeOf(path: string): FieldPlace {
  const parts = path.split('.');
  const place: FieldPlace = { module: null, item: null, question: null, option: null, field: null };
  const slots: Record<string, 'module' | 'item' | 'question' | 'option'> = {
    modules: 'module',
    items: 'item',
    questions: 'question',
    options: 'option',
  };
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const slot = slots[part];
    const next = parts[i + 1];
    if (slot && next !== undefined && /^\d+$/.test(next)) {
      place[slot] = Number(next) + 1;
      i++;
    } else if (part !== '_' && !/^\d+$/.test(part)) place.field = part;
  }
  return place;
}

/** Trainers and admins author courses; the server refuses anyone else in any case. */
export const canAuthor = (roles: readonly string[]) =>
  roles.includes('trainer') || roles.includes('admin');
