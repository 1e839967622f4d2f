import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseDraft, ItemInput } from '../../../../../../shared/training/content.ts';
import { previewAttempt, previewItem } from '../../authoring-items.ts';
import { ExerciseView } from '../ExerciseView.tsx';
import { QuizView } from '../QuizView.tsx';
import { ReadingView } from '../ReadingView.tsx';
import { VideoView } from '../VideoView.tsx';

/**
 * The draft as a learner will see it once published: the outline by module, and each item
 * opened with the learner's own views. A quiz is graded here with the server's rule and
 * nothing is stored; an exercise's answer is not sent.
 */
export function DraftPreview({ draft, courseId }: { draft: CourseDraft; courseId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ item: ItemInput; moduleKey: string } | null>(null);
  const itemHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (open) itemHeading.current?.focus();
  }, [open]);
  const shown = open ? previewItem(open.item, courseId, open.moduleKey) : null;
  const quiz = open?.item.kind === 'quiz' ? open.item : null;
  return (
    <div className="training-preview" lang={draft.language}>
      <p>{draft.description}</p>
      {draft.modules.map((module, m) => (
        <section key={module.key ?? m} className="training-module" aria-labelledby={`preview-${m}`}>
          <h3 id={`preview-${m}`}>
            {t('training.course.module', { number: m + 1, title: module.title })}
          </h3>
          <ol className="training-items">
            {module.items.map((item, i) => {
              const minutes = previewItem(item, courseId, module.key ?? '').minutes;
              return (
                <li key={item.key ?? i} className="training-item">
                  <button
                    type="button"
                    className="small"
                    onClick={() => setOpen({ item, moduleKey: module.key ?? '' })}
                  >
                    {item.title}
                  </button>
                  <span className="training-meta">
                    {t(`training.kind.${item.kind}`)}
                    {' · '}
                    {t('training.minutes', { count: minutes })}
                  </span>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      {shown && (
        <section className="panel training-preview-item" aria-labelledby="preview-item">
          <h3 id="preview-item" ref={itemHeading} tabIndex={-1}>
            {shown.title}
          </h3>
          <p className="training-meta">
            {t(`training.kind.${shown.kind}`)}
            {' · '}
            {t('training.minutes', { count: shown.minutes })}
          </p>
          {shown.video && (
            <VideoView video={shown.video} title={shown.title} language={draft.language} />
          )}
          {shown.reading && (
            <ReadingView markdown={shown.reading.markdown} language={draft.language} />
          )}
          {shown.quiz && quiz && (
            <QuizView
              key={shown.key}
              item={shown}
              quiz={shown.quiz}
              onGraded={() => {}}
              grade={async (body) => previewAttempt(quiz, body)}
            />
          )}
          {shown.exercise && (
            <ExerciseView
              key={shown.key}
              item={shown}
              exercise={shown.exercise}
              language={draft.language}
              onSubmitted={() => {}}
              preview
            />
          )}
        </section>
      )}
    </div>
  );
}
