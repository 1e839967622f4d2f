import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import type { CourseCreate, CoursePatch, ModuleInput } from '../../shared/training/content.ts';
import { havenVideoIdOf } from '../../shared/training/videos.ts';
import { AppError } from '../infra/errors.ts';
import { isDuplicateKey, notFound, type TrainingCore } from './access.ts';
import type { CourseDoc, ItemDoc, ModuleDoc } from './models.ts';
import { storedItemOf } from './views.ts';

/** A fresh key for a module or item the author did not name (8 hex characters). */
const newKey = () => randomBytes(4).toString('hex');

interface PlannedItem
  extends Pick<ItemDoc, 'moduleKey' | 'key' | 'kind' | 'title' | 'minutes' | 'content'> {}

/** Gives every module and item its key, and lists the items in course order. */
function plan(modules: ModuleInput[]): { modules: ModuleDoc[]; items: PlannedItem[] } {
  const items: PlannedItem[] = [];
  const planned = modules.map((module) => {
    const moduleKey = module.key ?? newKey();
    const itemKeys = module.items.map((input) => {
      const key = input.key ?? newKey();
      items.push({ moduleKey, key, ...storedItemOf(input) });
      return key;
    });
    return { key: moduleKey, title: module.title, itemKeys };
  });
  return { modules: planned, items };
}

/**
 * Prerequisites must be other existing courses and must not loop back to this course (a
 * loop would lock every course in it forever).
 */
async function checkPrerequisites(
  core: TrainingCore,
  courseId: Types.ObjectId | null,
  ids: string[],
): Promise<Types.ObjectId[]> {
  const wanted = [...new Set(ids)].map((id) => new Types.ObjectId(id));
  if (courseId && wanted.some((id) => id.equals(courseId)))
    throw new AppError('INVALID_INPUT', 'invalid body', {
      prerequisites: ['a course cannot require itself'],
    });
  const found = await core.models.Course.countDocuments({ _id: { $in: wanted } });
  if (found !== wanted.length)
    throw new AppError('INVALID_INPUT', 'invalid body', {
      prerequisites: ['must name existing courses'],
    });
  if (!courseId) return wanted;
  // Walk what the prerequisites require in turn; meeting this course again is a loop.
  const seen = new Set<string>();
  let frontier = wanted;
  while (frontier.length) {
    if (frontier.some((id) => id.equals(courseId)))
      throw new AppError('INVALID_INPUT', 'invalid body', {
        prerequisites: ['would make the courses require each other'],
      });
    for (const id of frontier) seen.add(String(id));
    const next = await core.models.Course.find(
      { _id: { $in: frontier } },
      { prerequisites: 1, 'published.prerequisites': 1 },
    ).lean<Array<Pick<CourseDoc, 'prerequisites' | 'published'>>>();
    frontier = next
      .flatMap((doc) => [...doc.prerequisites, ...(doc.published?.prerequisites ?? [])])
      .filter((id) => !seen.has(String(id)));
  }
  return wanted;
}

/**
 * A video item may name a video uploaded to Haven (`/api/training/videos/<id>`) only if that
 * upload exists. Only trainers and admins can upload, so an existing upload is theirs.
 */
async function checkUploadedVideos(core: TrainingCore, modules: ModuleInput[]): Promise<void> {
  const named: Array<{ path: string; id: string }> = [];
  modules.forEach((module, m) => {
    module.items.forEach((item, i) => {
      const id = item.kind === 'video' ? havenVideoIdOf(item.url) : null;
      if (id) named.push({ path: `modules.${m}.items.${i}.url`, id });
    });
  });
  if (!named.length) return;
  const ids = [...new Set(named.map((entry) => entry.id))].map((id) => new Types.ObjectId(id));
  const found = await core.models.Video.find({ _id: { $in: ids } }, { _id: 1 }).lean<
    Array<{ _id: Types.ObjectId }>
  >();
  const known = new Set(found.map((doc) => String(doc._id)));
  const missing = named.filter((entry) => !known.has(entry.id));
  if (missing.length)
    throw new AppError(
      'INVALID_INPUT',
      'invalid body',
      Object.fromEntries(
        missing.map((entry) => [entry.path, ['no uploaded video has this address']]),
      ),
    );
}

/** Replaces the draft's items (version 0) with `items`, keeping each kept key's item id. */
async function replaceDraftItems(
  core: TrainingCore,
  courseId: Types.ObjectId,
  items: PlannedItem[],
): Promise<void> {
  const { Item } = core.models;
  const existing = await Item.find({ courseId, version: 0 }, { key: 1 }).lean<
    Array<Pick<ItemDoc, '_id' | 'key'>>
  >();
  const keep = new Set(items.map((item) => item.key));
  const gone = existing.filter((doc) => !keep.has(doc.key)).map((doc) => doc._id);
  if (gone.length) await Item.deleteMany({ _id: { $in: gone } });
  const had = new Set(existing.map((doc) => doc.key));
  for (const item of items) {
    if (had.has(item.key))
      await Item.replaceOne(
        { courseId, version: 0, key: item.key },
        { courseId, version: 0, ...item },
      );
    else await Item.create({ courseId, version: 0, ...item });
  }
}

/** `POST /api/courses`: a new draft course. */
export async function createCourse(
  core: TrainingCore,
  authorId: string,
  input: CourseCreate,
): Promise<string> {
  await Promise.all([
    core.models.Course.init(),
    core.models.Item.init(),
    core.models.Version.init(),
  ]);
  const prerequisites = await checkPrerequisites(core, null, input.prerequisites);
  await checkUploadedVideos(core, input.modules);
  const { modules, items } = plan(input.modules);
  const created = await core.models.Course.create({
    title: input.title,
    description: input.description,
    language: input.language,
    track: input.track,
    prerequisites,
    plannedMinutes: input.plannedMinutes,
    modules,
    status: 'draft',
    version: 0,
    published: null,
    hasUnpublishedChanges: true,
    createdBy: authorId,
  });
  await replaceDraftItems(core, created._id, items);
  return String(created._id);
}

/** `PATCH /api/courses/:id`: edits the draft; `publish` makes the draft the next version. */
export async function updateCourse(
  core: TrainingCore,
  authorId: string,
  courseId: string,
  patch: CoursePatch,
): Promise<void> {
  const course = await core.models.Course.findById(courseId).lean<CourseDoc>();
  if (!course) throw notFound();
  const set: Record<string, unknown> = {};
  for (const field of ['title', 'description', 'language', 'track', 'plannedMinutes'] as const)
    if (patch[field] !== undefined) set[field] = patch[field];
  if (patch.prerequisites !== undefined)
    set.prerequisites = await checkPrerequisites(core, course._id, patch.prerequisites);
  if (patch.modules !== undefined) {
    await checkUploadedVideos(core, patch.modules);
    const { modules, items } = plan(patch.modules);
    await replaceDraftItems(core, course._id, items);
    set.modules = modules;
  }
  if (Object.keys(set).length) {
    set.hasUnpublishedChanges = true;
    await core.models.Course.updateOne({ _id: course._id }, { $set: set });
  }
  if (patch.publish) await publish(core, authorId, course._id);
}

/**
 * Copies the draft into version N+1: an outline in `training_course_versions` and the items
 * with new ids (the keys stay). Older versions stay as they were, for learners taking them.
 */
async function publish(
  core: TrainingCore,
  authorId: string,
  courseId: Types.ObjectId,
): Promise<void> {
  const course = await core.models.Course.findById(courseId).lean<CourseDoc>();
  if (!course) throw notFound();
  if (course.version > 0 && !course.hasUnpublishedChanges)
    throw new AppError('INVALID_TRANSITION', 'nothing changed since the last version');
  const items = await core.models.Item.find({ courseId, version: 0 }).lean<ItemDoc[]>();
  if (items.length === 0)
    throw new AppError('INVALID_TRANSITION', 'a course needs at least one item to be published');
  const version = course.version + 1;
  const outline = {
    title: course.title,
    description: course.description,
    language: course.language,
    track: course.track,
    prerequisites: course.prerequisites,
    plannedMinutes: course.plannedMinutes,
    modules: course.modules,
  };
  try {
    await core.models.Version.create({
      courseId,
      version,
      ...outline,
      publishedBy: authorId,
      publishedAt: new Date(core.now()),
    });
  } catch (error) {
    if (isDuplicateKey(error))
      throw new AppError('CONFLICT', 'this course was published at the same time');
    throw error;
  }
  await core.models.Item.insertMany(items.map(({ _id, ...item }) => ({ ...item, version })));
  await core.models.Course.updateOne(
    { _id: courseId },
    { $set: { status: 'published', version, published: outline, hasUnpublishedChanges: false } },
  );
}
