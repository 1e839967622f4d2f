import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateView } from '../../../../../shared/training/credentials.ts';
import { ApiError } from '../../../api/errors.ts';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { CheckField, FormAlert, FormStatus, TextField } from '../../../forms/fields.tsx';
import { asApiError } from '../../../forms/problems.ts';
import { errorMessageKey } from '../../../i18n/index.ts';
import { trainers } from '../trainers-api.ts';

/** The longest printed name the server takes (the attendance slip's rule). */
const NAME_MAX = 80;

/**
 * The member's choices on one certificate, never printed: the name it shows (chosen once,
 * after a question, since the server then refuses another change), and whether it stays
 * verifiable, as "a former member", if they delete their account. `onChanged` gets what the
 * server answered.
 */
export function CertificateChoices({
  certificate,
  onChanged,
}: {
  certificate: CertificateView;
  onChanged: (certificate: CertificateView) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [name, setName] = useState(certificate.nameOnCertificate);
  const [keep, setKeep] = useState(certificate.keepVerifiableAfterDeletion);
  const [said, setSaid] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const saveName = async () => {
    const chosen = name.trim();
    if (!chosen || chosen.length > NAME_MAX) throw new ApiError('INVALID_INPUT', 400);
    const updated = await trainers.updateCertificate(certificate.code, {
      nameOnCertificate: chosen,
    });
    return () => {
      setProblem(null);
      setSaid(t('training.certificateChoices.nameSaved', { name: updated.nameOnCertificate }));
      onChanged(updated);
    };
  };

  const changeKeep = (on: boolean) => {
    if (busy) return;
    setBusy(true);
    setKeep(on);
    setSaid(null);
    setProblem(null);
    trainers
      .updateCertificate(certificate.code, { keepVerifiableAfterDeletion: on })
      .then((updated) => {
        setKeep(updated.keepVerifiableAfterDeletion);
        setSaid(
          updated.keepVerifiableAfterDeletion
            ? t('training.certificateChoices.keepOn')
            : t('training.certificateChoices.keepOff'),
        );
        onChanged(updated);
      })
      .catch((error: unknown) => {
        setKeep(!on);
        setProblem(t(errorMessageKey(asApiError(error).code)));
      })
      .finally(() => setBusy(false));
  };

  return (
    <section className="no-print training-certificate-choices" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        {t('training.certificateChoices.title', { title: certificate.courseTitle })}
      </h3>
      <FormAlert message={problem} />
      {certificate.nameChosen ? (
        <p>{t('training.certificateChoices.nameChosen')}</p>
      ) : (
        <div className="training-name-choice">
          <TextField
            label={t('training.certificateChoices.name')}
            hint={t('training.certificateChoices.nameHint')}
            name="nameOnCertificate"
            autoComplete="name"
            maxLength={NAME_MAX}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <ConfirmButton
            className="secondary"
            label={t('training.certificateChoices.useName')}
            title={t('training.certificateChoices.confirmTitle')}
            text={t('training.certificateChoices.confirmText', { name: name.trim() })}
            confirmLabel={t('training.certificateChoices.useName')}
            cancelLabel={t('training.certificateChoices.cancel')}
            messageFor={(code) =>
              code === 'INVALID_INPUT'
                ? t('training.certificateChoices.nameInvalid')
                : code === 'INVALID_TRANSITION'
                  ? t('training.certificateChoices.nameTaken')
                  : null
            }
            onConfirm={saveName}
            focusAfter={() => document.getElementById(headingId)}
          />
        </div>
      )}
      <CheckField
        label={t('training.certificateChoices.keep')}
        hint={t('training.certificateChoices.keepHint')}
        checked={keep}
        onChange={changeKeep}
      />
      <FormStatus message={said} />
    </section>
  );
}
