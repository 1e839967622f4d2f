import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type { CoursePatch, ModuleInput } from '../../../../../shared/training/content.ts';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { type CourseFields, canAuthor, courseFieldsPatch } from '../authoring.ts';
import { authoring } from '../authoring-api.ts';
import { CourseFieldsForm } from '../components/authoring/CourseFieldsForm.tsx';
import { DraftPreview } from '../components/authoring/DraftPreview.tsx';
import { ModulesEditor } from '../components/authoring/ModulesEditor.tsx';
import { PublishPanel } from '../components/authoring/PublishPanel.tsx';
import { useLoad } from '../hooks.ts';
import { coursePath, courseProgressPath, TRAINING_PATHS } from '../paths.ts';
import { AuthorsOnly } from './AuthoringPage.tsx';

type Authored = Awaited<ReturnType<typeof authoring.draft>>;

/**
 * `/training/authoring/:id`: a course's draft for trainers and admins. Every change is sent
 * at once (`PATCH /api/courses/:id`) and the page shows the draft the server answers with;
 * "Preview" shows it as learners will, "Publish" makes it the next version.
 */
export function CourseEditorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<{ id: string }>();
  return (
    <MembersOnly title={t('training.authoring.title')} text={t('training.signedOut')}>
      {(user) => (canAuthor(user.roles) ? <Editor key={id} id={id} /> : <AuthorsOnly />)}
    </MembersOnly>
  );
}

function Editor({ id }: { id: string }) {
  const { t } = useTranslation();
  const { state, reload } = useLoad(id, () => authoring.draft(id));
  const others = useLoad('authoring-courses', () => authoring.courses());
  const [latest, setLatest] = useState<Authored | null>(null);
  const data = latest ?? (state.status === 'ready' ? state.data : null);
  const save = async (patch: CoursePatch) => setLatest(await authoring.patch(id, patch));
  if (data) {
    const courses = others.state.status === 'ready' ? others.state.data : [];
    return <EditorView data={data} courses={courses.filter((c) => c.id !== id)} save={save} />;
  }
  const failed = state.status === 'failed' ? state : null;
  return (
    <Page title={t('training.authoring.title')}>
      <p>
        <Link href={TRAINING_PATHS.authoring}>{t('training.authoring.backToList')}</Link>
      </p>
      {failed ? (
        <LoadFailed error={failed.code} onRetry={reload} notFound={t('training.course.notFound')} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}

function EditorView({
  data,
  courses,
  save,
}: {
  data: Authored;
  courses: ReadonlyArray<{ id: string; title: string }>;
  save: (patch: CoursePatch) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { course, draft } = data;
  // The toggle stays where it is in both modes, so the keyboard focus stays on it.
  const [previewing, setPreviewing] = useState(false);
  const itemCount = draft.modules.reduce((sum, module) => sum + module.items.length, 0);
  const saveFields = (fields: CourseFields) => save(courseFieldsPatch(draft, fields));
  const saveModules = (modules: ModuleInput[]) => save({ modules });
  const published = course.version > 0;
  return (
    <Page title={draft.title}>
      <nav aria-label={t('training.item.breadcrumb')} className="training-breadcrumb">
        <Link href={TRAINING_PATHS.authoring}>{t('training.authoring.backToList')}</Link>
        {published && (
          <>
            {' · '}
            <Link href={coursePath(course.id)}>{t('training.authoring.learnersPage')}</Link>
          </>
        )}
        {' · '}
        <Link href={courseProgressPath(course.id)}>{t('training.courseProgress.link')}</Link>
      </nav>
      <p>
        <button type="button" onClick={() => setPreviewing((p) => !p)}>
          {previewing
            ? t('training.authoring.preview.back')
            : t('training.authoring.preview.button')}
        </button>
      </p>
      {previewing ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t('training.authoring.preview.title')}</h2>
          <p className="training-meta">{t('training.authoring.preview.intro')}</p>
          <DraftPreview draft={draft} courseId={course.id} />
        </section>
      ) : (
        <>
          <section aria-labelledby="details-heading">
            <h2 id="details-heading">{t('training.authoring.details')}</h2>
            <CourseFieldsForm
              initial={draft}
              courses={courses}
              submitLabel={t('training.authoring.saveDetails')}
              savedMessage={t('training.authoring.saved')}
              onSubmit={saveFields}
            />
          </section>
          <section aria-labelledby="modules-heading">
            <h2 id="modules-heading">{t('training.authoring.modules')}</h2>
            <p>{t('training.authoring.modulesIntro')}</p>
            <ModulesEditor modules={draft.modules} onSave={saveModules} />
          </section>
        </>
      )}
      <section aria-labelledby="publish-heading">
        <h2 id="publish-heading">{t('training.authoring.publish.title')}</h2>
        <PublishPanel
          course={course}
          itemCount={itemCount}
          onPublish={() => save({ publish: true })}
        />
      </section>
    </Page>
  );
}
