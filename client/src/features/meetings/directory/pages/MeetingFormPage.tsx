import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { DangerZone } from '../../../../components/DangerZone.tsx';
import { LoadFailed, Loading } from '../../../../components/LoadStatus.tsx';
import { Page } from '../../../../components/Page.tsx';
import { signInPath } from '../../../../routes.ts';
import { useHavenStore } from '../../../../store/index.ts';
import { MeetingForm } from '../components/MeetingForm.tsx';
import { todayIn } from '../dates.ts';
import { newMeetingValues, valuesFromMeeting } from '../form-values.ts';
import {
  DIRECTORY_PATH,
  type DirectoryNote,
  isMeetingId,
  mayCreateMeetings,
  mayManageMeeting,
  meetingPath,
} from '../model.ts';
import { useDirectoryStore } from '../store.ts';
import { useRemote } from '../useRemote.ts';
import { useViewer } from '../viewer.ts';
import '../directory.css';
import '../meeting.css';

/**
 * /meetings/new and /meetings/:id/edit. Only facilitators, partner staff and admins get the
 * form (the server checks again on every save); others are told who can.
 */
export function MeetingFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const [location, navigate] = useLocation();
  const viewer = useViewer();
  const status = useHavenStore((s) => s.sessionStatus);
  const user = useHavenStore((s) => s.user);
  const fetchMeeting = useDirectoryStore((s) => s.meeting);
  const fetchPartnerName = useDirectoryStore((s) => s.partnerName);
  const deleteMeeting = useDirectoryStore((s) => s.deleteMeeting);
  const editing = id !== undefined;
  const valid = !editing || isMeetingId(id);
  const zone = viewer.zone;

  const meeting = useRemote(editing && valid && zone && user ? `${id}|${zone}` : null, () =>
    fetchMeeting(id ?? '', zone ?? 'UTC'),
  );
  const partnerId = editing ? (meeting.data?.partnerId ?? null) : (user?.partnerId ?? null);
  const partner = useRemote(partnerId, () => fetchPartnerName(partnerId ?? ''));
  const title = editing ? t('directory.form.editTitle') : t('directory.form.newTitle');

  if (status === 'loading' || !zone) {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  if (!user) {
    return (
      <Page title={title}>
        <div className="panel">
          <p>{t('directory.form.signedOut')}</p>
          <Link className="button-link" href={signInPath(location)}>
            {t('directory.form.signIn')}
          </Link>
        </div>
      </Page>
    );
  }
  const notFound = !valid || meeting.error === 'NOT_FOUND';
  if (editing && notFound) {
    return (
      <Page title={t('directory.meeting.notFound')}>
        <p>{t('directory.meeting.notFoundText')}</p>
        <Link href={DIRECTORY_PATH}>{t('directory.meeting.back')}</Link>
      </Page>
    );
  }
  if (editing && meeting.status === 'failed') {
    return (
      <Page title={title}>
        <LoadFailed
          className="directory-problem"
          error={meeting.error ?? 'UNAVAILABLE'}
          onRetry={meeting.reload}
        />
      </Page>
    );
  }
  const original = meeting.data ?? undefined;
  if (editing && !original) {
    return (
      <Page title={title}>
        <Loading text={t('directory.meeting.loading')} />
      </Page>
    );
  }
  const allowed = original ? mayManageMeeting(user, original) : mayCreateMeetings(user);
  if (!allowed) {
    return (
      <Page title={title}>
        <div className="panel">
          <p>{original ? t('directory.form.notYours') : t('directory.form.notAllowed')}</p>
          <Link href={original ? meetingPath(original.id) : DIRECTORY_PATH}>
            {original ? t('directory.meeting.backToMeeting') : t('directory.meeting.back')}
          </Link>
        </div>
      </Page>
    );
  }

  const today = todayIn(zone);
  const initial = original
    ? valuesFromMeeting(original, today)
    : newMeetingValues({
        timeZone: viewer.defaultZone ?? zone,
        today,
        language: viewer.language,
      });
  return (
    <Page title={title} intro={original ? original.title : t('directory.form.intro')}>
      <div className="meeting-form-layout">
        <MeetingForm
          key={original?.id ?? 'new'}
          initial={initial}
          original={original}
          partnerId={original ? null : (user.partnerId ?? null)}
          partnerName={partnerId ? (partner.data ?? t('directory.meeting.partnerUnknown')) : null}
          locale={viewer.locale}
          onCancel={() => navigate(original ? meetingPath(original.id) : DIRECTORY_PATH)}
        />
        {original && (
          <DangerZone
            className="meeting-delete"
            heading={t('directory.delete.title')}
            intro={t('directory.delete.text')}
            label={t('directory.delete.open')}
            title={t('directory.delete.dialogTitle')}
            text={t('directory.delete.dialogText', { title: original.title })}
            confirmLabel={t('directory.delete.confirm')}
            busyLabel={t('directory.delete.deleting')}
            cancelLabel={t('directory.delete.cancel')}
            onConfirm={async () => {
              await deleteMeeting(original.id);
              const directoryNote: DirectoryNote = 'deleted';
              return () => navigate(DIRECTORY_PATH, { state: { directoryNote } });
            }}
          />
        )}
      </div>
    </Page>
  );
}
