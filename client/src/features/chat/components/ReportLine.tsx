import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAT_REPORT_NOTE_MAX } from '../../../../../shared/api/chat-reports.ts';
import type { ErrorCode } from '../../../../../shared/errors.ts';
import { useModal } from '../../../components/useModal.ts';
import { FormAlert, FormStatus, RadioGroup, TextAreaField } from '../../../forms/fields.tsx';
import { errorMessageKey } from '../../../i18n/index.ts';
import { REPORT_REASONS, type ReportReason } from '../../community/constants.ts';
import { useChatClient } from '../chat-context.ts';

type Problem = 'reason' | 'note' | null;

/**
 * "Report" on someone else's line: a modal dialog asking why (the reasons posts are
 * reported for) and an optional note. The moderators never see who reported it, which the
 * dialog says. Escape or Cancel closes it and gives the focus back to the button.
 */
export function ReportLine({ messageId, name }: { messageId: string; name: string }) {
  const { t } = useTranslation();
  const client = useChatClient();
  const titleId = useId();
  const modal = useModal();
  const [reason, setReason] = useState<ReportReason | ''>('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  const open = () => {
    setReason('');
    setNote('');
    setProblem(null);
    setFailure(null);
    setSent(false);
    modal.open();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const text = note.trim();
    const missing: Problem = !reason
      ? 'reason'
      : text.length > CHAT_REPORT_NOTE_MAX
        ? 'note'
        : null;
    setProblem(missing);
    setFailure(null);
    if (missing || !reason) return;
    setBusy(true);
    const code = await client.moderation.report(messageId, reason, text || undefined);
    setBusy(false);
    if (code) return setFailure(code);
    setSent(true);
    modal.close();
  };

  const reasons = REPORT_REASONS.map((value) => ({
    value,
    label: t(`community.report.reasons.${value}`),
  }));
  const reasonError = problem === 'reason' ? t('chat.report.reasonMissing') : undefined;
  const noteError =
    problem === 'note' ? t('chat.report.noteTooLong', { max: CHAT_REPORT_NOTE_MAX }) : undefined;
  return (
    <>
      <button
        type="button"
        className="link-button"
        ref={modal.openerRef}
        aria-label={t('chat.report.openLabel', { name })}
        aria-haspopup="dialog"
        onClick={open}
      >
        {t('chat.report.open')}
      </button>
      <FormStatus message={sent ? t('chat.report.sent') : null} />
      <dialog
        ref={modal.dialogRef}
        className="dialog"
        aria-labelledby={titleId}
        onClose={modal.onClose}
      >
        <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
          <h2 id={titleId}>{t('chat.report.title', { name })}</h2>
          <p>{t('community.report.intro')}</p>
          <FormAlert message={failure && t(errorMessageKey(failure))} />
          <RadioGroup
            legend={t('community.report.reason')}
            name="reason"
            choices={reasons}
            value={reason}
            onChange={setReason}
            error={reasonError}
          />
          <TextAreaField
            label={t('community.report.note')}
            hint={t('chat.report.noteHint', { max: CHAT_REPORT_NOTE_MAX })}
            error={noteError}
            name="note"
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="form-actions">
            <button type="submit" aria-disabled={busy || undefined}>
              {busy ? t('forms.busy') : t('community.report.send')}
            </button>
            <button type="button" className="secondary" onClick={() => modal.close()}>
              {t('community.report.cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
