import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseDetail } from '../../../../../../shared/training/learning.ts';
import { ConfirmButton } from '../../../../components/ConfirmButton.tsx';
import { FormStatus } from '../../../../forms/fields.tsx';

/**
 * Where the draft stands (never published; published with or without changes since) and
 * "Publish", asked in a dialog that says what publishing does: a published course's edits
 * become a new version, and learners keep the items they completed.
 */
export function PublishPanel({
  course,
  itemCount,
  onPublish,
}: {
  course: CourseDetail;
  itemCount: number;
  onPublish: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [said, setSaid] = useState<string | null>(null);
  const published = course.version > 0;
  const next = course.version + 1;
  const state = !published
    ? t('training.authoring.publish.neverPublished')
    : course.hasUnpublishedChanges
      ? t('training.authoring.publish.changed', { version: course.version })
      : t('training.authoring.publish.upToDate', { version: course.version });
  const explanation = published
    ? t('training.authoring.publish.newVersion', { version: next })
    : t('training.authoring.publish.first');
  const refusal =
    itemCount === 0
      ? t('training.authoring.publish.noItems')
      : t('training.authoring.publish.noChanges');
  const publish = async () => {
    setSaid(null);
    await onPublish();
    return () => setSaid(t('training.authoring.publish.done', { version: next }));
  };
  return (
    <div className="panel training-publish">
      <p>{state}</p>
      <p>{explanation}</p>
      <ConfirmButton
        label={t('training.authoring.publish.button')}
        title={t('training.authoring.publish.confirmTitle', { title: course.title })}
        text={explanation}
        confirmLabel={t('training.authoring.publish.confirm')}
        cancelLabel={t('training.authoring.cancel')}
        className="training-publish-button"
        messageFor={(code) => (code === 'INVALID_TRANSITION' ? refusal : null)}
        onConfirm={publish}
      />
      <FormStatus message={said} />
    </div>
  );
}
