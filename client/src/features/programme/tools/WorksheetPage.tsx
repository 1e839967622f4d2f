import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'wouter';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { FormAlert, FormStatus, TextField } from '../../../forms/fields.tsx';
import { useForm } from '../../../forms/useForm.ts';
import { useViewerTime } from '../../../i18n/dates.ts';
import { useHavenStore } from '../../../store/index.ts';
import { PrintButton } from '../components.tsx';
import { callProgramme, loadProgrammeApi, useProgrammeData } from '../data.ts';
import { leaveNotice } from '../notice.ts';
import { PROGRAMME_PATHS } from '../paths.ts';
import type { Worksheet } from '../types.ts';
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

/** One of the member's worksheets: its form, saving, printing and deleting. */
export function WorksheetPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<{ id: string }>();
  const user = useHavenStore((s) => s.user);
  const { state, reload, replace } = useProgrammeData(
    user ? `worksheet:${user.id}:${id}` : null,
    async (api) => {
      const worksheet = await api.worksheet(id);
      return { worksheet, form: api.worksheetForm(worksheet.tool) };
    },
  );
  const loaded = user && state.status === 'ready' ? state.data : null;
  // Someone else's worksheet and a missing one answer alike: nobody learns it exists.
  const notFound = state.status === 'failed' && state.error === 'NOT_FOUND';
  const failed = state.status === 'failed' && !notFound;
  const loading = state.status === 'loading';
  const title = loaded
    ? (loaded.worksheet.title ?? t(`programme.tools.names.${loaded.worksheet.tool}`))
    : notFound
      ? t('programme.worksheet.notFoundTitle')
      : t('sections.tools.title');

  return (
    <div className="programme-printable">
      <Page title={title}>
        <p className="no-print back-link">
          <Link href={PROGRAMME_PATHS.tools}>{t('programme.worksheet.back')}</Link>
        </p>
        <MembersOnly text={t('programme.tools.signedOut')}>
          {() => (
            <>
              {loading && <Loading />}
              {failed && <LoadFailed error={state.error} onRetry={reload} />}
              {notFound && <p>{t('programme.worksheet.notFound')}</p>}
              {loaded && (
                <Editor
                  key={loaded.worksheet.id}
                  worksheet={loaded.worksheet}
                  form={loaded.form}
                  onSaved={(worksheet) => replace({ worksheet, form: loaded.form })}
                />
              )}
            </>
          )}
        </MembersOnly>
      </Page>
    </div>
  );
}

function Editor({
  worksheet,
  form: model,
  onSaved,
}: {
  worksheet: Worksheet;
  form: WorksheetForm;
  onSaved: (worksheet: Worksheet) => void;
}) {
  const { t } = useTranslation();
  const when = useViewerTime();
  const [, navigate] = useLocation();
  const [title, setTitle] = useState(worksheet.title ?? '');
  const [draft, setDraft] = useState<Draft>(() => toDraft(model.fields, worksheet.content));
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const paths = useMemo(() => fieldPaths(model.fields, draft), [model.fields, draft]);
  const form = useForm<string>(paths);
  const formRef = form.formRef;

  useEffect(() => {
    if (!focusTarget) return;
    formRef.current?.querySelector<HTMLElement>(`[data-focus="${focusTarget}"]`)?.focus();
    setFocusTarget(null);
  }, [focusTarget, formRef]);

  const change = (name: string, value: DraftValue) => {
    setSavedAt(null);
    setDraft((current) => ({ ...current, [name]: value }));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSavedAt(null);
    const api = await loadProgrammeApi().catch(() => null);
    const content = toContent(model.fields, draft);
    const checked = api?.checkContent(model.tool, content);
    const problems = { ...(checked && !checked.ok ? checked.problems : {}) };
    if (title.trim().length > TITLE_MAX) problems.title = { key: 'tooLong', max: TITLE_MAX };
    const ok = await form.submit({
      problems,
      action: async () => {
        const saved = await callProgramme((programme) =>
          programme.saveWorksheet(worksheet.id, {
            title: title.trim() || null,
            content: checked?.ok ? checked.data : content,
          }),
        );
        setDraft(toDraft(model.fields, saved.content));
        setTitle(saved.title ?? '');
        onSaved(saved);
        setSavedAt(saved.updatedAt);
      },
    });
    if (!ok) setSavedAt(null);
  };

  const remove = async () => {
    await callProgramme((api) => api.deleteWorksheet(worksheet.id));
    return () => {
      leaveNotice('worksheetDeleted', PROGRAMME_PATHS.tools);
      navigate(PROGRAMME_PATHS.tools);
    };
  };

  const toolName = t(`programme.tools.names.${model.tool}`);
  return (
    <>
      <p className="page-intro">{t(`programme.tools.about.${model.tool}`)}</p>
      <p className="privacy-note no-print">{t('programme.worksheet.private')}</p>
      <div className="page-actions no-print">
        <PrintButton />
        <ConfirmButton
          className="danger no-print"
          label={t('programme.worksheet.delete')}
          title={t('programme.worksheet.deleteTitle')}
          text={t('programme.worksheet.deleteText')}
          confirmLabel={t('programme.worksheet.deleteConfirm')}
          cancelLabel={t('programme.worksheet.deleteCancel')}
          onConfirm={remove}
        />
      </div>
      <p className="print-only">
        {t('programme.worksheet.printed', {
          tool: toolName,
          date: when.dateTime(worksheet.updatedAt),
        })}
      </p>

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
            setSavedAt(null);
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
          <button type="submit" aria-disabled={form.busy || undefined}>
            {form.busy ? t('forms.busy') : t('programme.worksheet.save')}
          </button>
          <FormStatus
            message={
              savedAt ? t('programme.worksheet.saved', { time: when.dateTime(savedAt) }) : null
            }
          />
        </div>
      </form>
      <WorksheetPrint
        fields={model.fields}
        draft={draft}
        formatTime={(iso) => when.dateTime(iso)}
      />
    </>
  );
}
