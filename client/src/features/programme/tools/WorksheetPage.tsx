import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { useHavenStore } from '../../../store/index.ts';
import { TOOLS } from '../constants.ts';
import { useProgrammeData } from '../data.ts';
import { useNotice } from '../notice.ts';
import { PROGRAMME_PATHS, worksheetPath } from '../paths.ts';
import type { Tool } from '../types.ts';
import { WorksheetEditor } from './WorksheetEditor.tsx';

/** One of the member's worksheets: its form, saving, printing and deleting. */
export function WorksheetPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<{ id: string }>();
  const user = useHavenStore((s) => s.user);
  const notice = useNotice(worksheetPath(id));
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
    <WorksheetFrame title={title}>
      {notice && (
        <p className="flash" role="status">
          {t(`programme.notices.${notice}`)}
        </p>
      )}
      {loading && <Loading />}
      {failed && <LoadFailed error={state.error} onRetry={reload} />}
      {notFound && <p>{t('programme.worksheet.notFound')}</p>}
      {loaded && user && (
        <WorksheetEditor
          key={loaded.worksheet.id}
          memberId={user.id}
          worksheet={loaded.worksheet}
          form={loaded.form}
          onSaved={(worksheet) => replace({ worksheet, form: loaded.form })}
        />
      )}
    </WorksheetFrame>
  );
}

/** A new worksheet of one tool, not stored anywhere until the member saves it. */
export function NewWorksheetPage() {
  const { t } = useTranslation();
  const { tool: param = '' } = useParams<{ tool: string }>();
  const user = useHavenStore((s) => s.user);
  const tool = (TOOLS as readonly string[]).includes(param) ? (param as Tool) : null;
  const { state, reload } = useProgrammeData(
    user && tool ? `new-worksheet:${user.id}:${tool}` : null,
    async (api) => (tool ? api.worksheetForm(tool) : null),
  );
  const form = user && state.status === 'ready' ? state.data : null;
  const loading = tool !== null && state.status === 'loading';
  const failed = tool !== null && state.status === 'failed' ? state.error : null;
  const title = tool ? t(`programme.tools.names.${tool}`) : t('programme.worksheet.notFoundTitle');

  return (
    <WorksheetFrame title={title}>
      {!tool && <p>{t('programme.worksheet.notFound')}</p>}
      {loading && <Loading />}
      {failed && <LoadFailed error={failed} onRetry={reload} />}
      {form && user && (
        <WorksheetEditor
          key={form.tool}
          memberId={user.id}
          worksheet={null}
          form={form}
          onSaved={() => {}}
        />
      )}
    </WorksheetFrame>
  );
}

function WorksheetFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="programme-printable">
      <Page title={title}>
        <p className="no-print back-link">
          <Link href={PROGRAMME_PATHS.tools}>{t('programme.worksheet.back')}</Link>
        </p>
        <MembersOnly text={t('programme.tools.signedOut')}>{() => children}</MembersOnly>
      </Page>
    </div>
  );
}
