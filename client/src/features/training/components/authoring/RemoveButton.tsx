import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../../components/ConfirmButton.tsx';

/** "Remove", asked once more in a dialog that says what removing does to learners. */
export function RemoveButton({
  name,
  title,
  text,
  onConfirm,
}: {
  /** What is removed, read out with the button ("Remove: Breathing"). */
  name: string;
  title: string;
  text: string;
  onConfirm: () => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmButton
      label={t('training.authoring.removeNamed', { name })}
      title={title}
      text={text}
      confirmLabel={t('training.authoring.remove')}
      cancelLabel={t('training.authoring.keep')}
      className="small danger"
      onConfirm={onConfirm}
    />
  );
}
