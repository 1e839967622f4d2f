import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/errors.ts';
import { useModal } from '../../../components/useModal.ts';
import { SubmitButton } from '../../../forms/buttons.tsx';
import { FormAlert, FormStatus, RadioGroup, TextAreaField } from '../../../forms/fields.tsx';
import { REPORT_REASONS, type ReportReason } from '../constants.ts';
import { useCommunityForm } from '../hooks.ts';
import { callCommunity } from '../store.ts';
import { validateReport } from '../validation.ts';

const FIELDS = ['reason', 'note'] as const;

/**
 * "Report" for a post or a comment: a dialog asking why (and an optional note). Reporters
 * are never shown to anyone, which the dialog says, so nobody hesitates to speak up.
 */
export function ReportButton({
  postId,
  commentId,
  what,
}: {
  postId: string;
  commentId?: string;
  /** What is being reported, for the button's accessible name ("Report comment by Sam"). */
  what: string;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const modal = useModal();
  const form = useCommunityForm(FIELDS);
  const [reason, setReason] = useState<ReportReason | ''>('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<'sent' | 'already' | null>(null);

  const open = () => {
    setDone(null);
    setReason('');
    setNote('');
    modal.open();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form
      .submit({
        problems: validateReport(reason, note),
        action: async () => {
          const report = {
            reason: reason as ReportReason,
            ...(note.trim() ? { note: note.trim() } : {}),
          };
          try {
            await callCommunity((api) =>
              commentId
                ? api.reportComment(postId, commentId, report)
                : api.reportPost(postId, report),
            );
            setDone('sent');
          } catch (error) {
            // One report per member and thing: a second one is already taken care of.
            if (!isApiError(error) || error.code !== 'CONFLICT') throw error;
            setDone('already');
          }
        },
      })
      .then((ok) => {
        if (ok) modal.close();
      });
  };

  const reasons = REPORT_REASONS.map((value) => ({
    value,
    label: t(`community.report.reasons.${value}`),
  }));
  return (
    <div className="cm-report">
      <button
        type="button"
        className="link-button"
        ref={modal.openerRef}
        aria-label={t('community.report.openLabel', { what })}
        onClick={open}
      >
        {t('community.report.open')}
      </button>
      <FormStatus
        message={done && t(done === 'sent' ? 'community.report.sent' : 'community.report.already')}
      />
      <dialog
        ref={modal.dialogRef}
        className="dialog"
        aria-labelledby={titleId}
        onClose={modal.onClose}
      >
        <form ref={form.formRef} className="form cm-form" noValidate onSubmit={onSubmit}>
          <h2 id={titleId}>
            {t(commentId ? 'community.report.titleComment' : 'community.report.titlePost')}
          </h2>
          <p>{t('community.report.intro')}</p>
          <FormAlert message={form.alert} />
          <RadioGroup
            legend={t('community.report.reason')}
            name="reason"
            choices={reasons}
            value={reason}
            onChange={setReason}
            error={form.problemText('reason')}
          />
          <TextAreaField
            label={t('community.report.note')}
            hint={t('community.report.noteHint')}
            error={form.problemText('note')}
            name="note"
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="form-actions">
            <SubmitButton busy={form.busy}>{t('community.report.send')}</SubmitButton>
            <button type="button" className="secondary" onClick={() => modal.close()}>
              {t('community.report.cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
