import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { SubmitButton } from '../../../forms/buttons.tsx';
import { FormAlert, FormStatus, TextField } from '../../../forms/fields.tsx';
import { useForm } from '../../../forms/useForm.ts';
import { useLeaveGuard } from '../../../forms/useLeaveGuard.ts';
import { useLocalDraft } from '../../../forms/useLocalDraft.ts';
import { useViewerTime } from '../../../i18n/dates.ts';
import { PrintButton } from '../components.tsx';
import { callProgramme, loadProgrammeApi } from '../data.ts';
import { leaveNotice } from '../notice.ts';
import { PROGRAMME_PATHS, worksheetPath } from '../paths.ts';
import type { Worksheet } from '../types.ts';
import { worksheetDraftKey } from './drafts.ts';
import {
  type Draft,
  type DraftValue,
  fieldPaths,
  toContent,
  toDraft,
  type WorksheetForm,
} from './fields.ts';
import { WorksheetFields } from './WorksheetFields.tsx';
import { WorksheetPrint } from './WorksheetPrint.tsx';

const TITLE_MAX = 120;

/** What is kept in this browser while the member has not saved. */
interface LocalWork {
  title: string;
  draft: Draft;
}

/**
 * A worksheet's form: a saved one (`worksheet`), or a new one that exists only here until
 * its first save creates it, so opening a tool and leaving stores nothing.
 */
export function WorksheetEditor({
  memberId,
  worksheet,
  form: model,
  onSaved,
}: {
  memberId: string;
  worksheet: Worksheet | null;
  form: WorksheetForm;
  onSaved: (worksheet: Worksheet) => void;
}) {
  const { t } = useTranslation();
  const when = useViewerTime();
  const [, navigate] = useLocation();
  const [title, setTitle] = useState(worksheet?.title ?? '');
  const [draft, setDraft] = useState<Draft>(() => toDraft(model.fields, worksheet?.content ?? {}));
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const paths = useMemo(() => fieldPaths(model.fields, draft), [model.fields, draft]);
  const form = useForm<string>(paths);
  const formRef = form.formRef;
  const work = useMemo<LocalWork>(() => ({ title, draft }), [title, draft]);
  const local = useLocalDraft(worksheetDraftKey(memberId, worksheet, model.tool), work, dirty);
  useLeaveGuard(dirty, t('programme.worksheet.leaveConfirm'));

  useEffect(() => {
    if (!focusTarget) return;
    formRef.current?.querySelector<HTMLElement>(`[data-focus="${focusTarget}"]`)?.focus();
    setFocusTarget(null);
  }, [focusTarget, formRef]);

  const edited = () => {
    setSavedAt(null);
    setDirty(true);
  };
  const change = (name: string, value: DraftValue) => {
    edited();
    setDraft((current) => ({ ...current, [name]: value }));
  };
  const restore = () => {
    const found = local.found;
    if (!found) return;
    // Through the form's own reading, so a draft from an older form still fits this one.
    const value: Partial<LocalWork> | null = found.value;
    setDraft(toDraft(model.fields, toContentLoose(model, value?.draft)));
    setTitle(typeof value?.title === 'string' ? value.title : '');
    edited();
    local.restored();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSavedAt(null);
    const api = await loadProgrammeApi().catch(() => null);
    const content = toContent(model.fields, draft);
    const checked = api?.checkContent(model.tool, content);
    const problems = { ...(checked && !checked.ok ? checked.problems : {}) };
    if (title.trim().length > TITLE_MAX) problems.title = { key: 'tooLong', max: TITLE_MAX };
    const body = { title: title.trim() || null, content: checked?.ok ? checked.data : content };
    const ok = await form.submit({
      problems,
      action: async () => {
        if (!worksheet) {
          const created = await callProgramme((programme) =>
            programme.createWorksheet({
              tool: model.tool,
              ...(body.title ? { title: body.title } : {}),
              content: body.content,
            } as Parameters<typeof programme.createWorksheet>[0]),
          );
          local.clear();
          setDirty(false);
          // The new worksheet's own address, in place of the unsaved editor's.
          leaveNotice('worksheetSaved', worksheetPath(created.id));
          navigate(worksheetPath(created.id), { replace: true });
          return;
        }
        const saved = await callProgramme((programme) =>
          programme.saveWorksheet(worksheet.id, body),
        );
        local.clear();
        setDirty(false);
        setDraft(toDraft(model.fields, saved.content));
        setTitle(saved.title ?? '');
        onSaved(saved);
        setSavedAt(saved.updatedAt);
      },
    });
    if (!ok) setSavedAt(null);
  };

  const remove = async () => {
    if (!worksheet) return () => {};
    await callProgramme((api) => api.deleteWorksheet(worksheet.id));
    return () => {
      local.clear();
      setDirty(false);
      leaveNotice('worksheetDeleted', PROGRAMME_PATHS.tools);
      navigate(PROGRAMME_PATHS.tools);
    };
  };

  const toolName = t(`programme.tools.names.${model.tool}`);
  return (
    <>
      <p className="page-intro">{t(`programme.tools.about.${model.tool}`)}</p>
      <p className="privacy-note no-print">{t('programme.worksheet.private')}</p>
      {local.found && (
        <DraftOffer
          time={when.dateTime(local.found.savedAt)}
          onRestore={restore}
          onDiscard={local.discard}
        />
      )}
      {!worksheet && <p className="no-print">{t('programme.worksheet.unsavedNew')}</p>}
      <div className="page-actions no-print">
        <PrintButton />
        {worksheet && (
          <ConfirmButton
            className="danger no-print"
            label={t('programme.worksheet.delete')}
            title={t('programme.worksheet.deleteTitle')}
            text={t('programme.worksheet.deleteText')}
            confirmLabel={t('programme.worksheet.deleteConfirm')}
            cancelLabel={t('programme.worksheet.deleteCancel')}
            onConfirm={remove}
          />
        )}
      </div>
      {worksheet && (
        <p className="print-only">
          {t('programme.worksheet.printed', {
            tool: toolName,
            date: when.dateTime(worksheet.updatedAt),
          })}
        </p>
      )}

      <form
        ref={formRef}
        className="form worksheet-form no-print"
        noValidate
        onSubmit={(event) => void onSubmit(event)}
      >
        <FormAlert message={form.alert} />
        <TextField
          label={t('programme.worksheet.title')}
          hint={t('programme.worksheet.titleHint')}
          error={form.problemText('title')}
          name="title"
          maxLength={TITLE_MAX}
          value={title}
          onChange={(event) => {
            edited();
            setTitle(event.target.value);
          }}
        />
        <WorksheetFields
          fields={model.fields}
          draft={draft}
          onChange={change}
          problemText={form.problemText}
          focusLater={setFocusTarget}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('programme.worksheet.save')}</SubmitButton>
          <FormStatus
            message={
              savedAt ? t('programme.worksheet.saved', { time: when.dateTime(savedAt) }) : null
            }
          />
        </div>
        <p className="field-hint">{t('programme.worksheet.draftNote')}</p>
      </form>
      <WorksheetPrint
        fields={model.fields}
        draft={draft}
        formatTime={(iso) => when.dateTime(iso)}
      />
    </>
  );
}

/** A stored draft is the member's own earlier typing, but still only trusted as far as the form reads it. */
function toContentLoose(model: WorksheetForm, draft: unknown): Record<string, unknown> {
  const value = draft && typeof draft === 'object' ? (draft as Draft) : {};
  return toContent(model.fields, value);
}

/** "You have unsaved changes from …": put them back, or throw them away. */
function DraftOffer({
  time,
  onRestore,
  onDiscard,
}: {
  time: string;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <section className="draft-offer no-print" aria-labelledby={labelId}>
      <h2 id={labelId} className="draft-offer-title">
        {t('programme.worksheet.draftLabel')}
      </h2>
      <p role="status">{t('programme.worksheet.draftFound', { time })}</p>
      <div className="form-actions">
        <button type="button" onClick={onRestore}>
          {t('programme.worksheet.draftRestore')}
        </button>
        <button type="button" className="secondary" onClick={onDiscard}>
          {t('programme.worksheet.draftDiscard')}
        </button>
      </div>
    </section>
  );
}
