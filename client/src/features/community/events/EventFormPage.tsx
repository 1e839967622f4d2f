import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import type { OwnUser } from '../../../../../shared/api/accounts.ts';
import type { CommunityEvent } from '../../../../../shared/api/community.ts';
import { deviceTimeZone } from '../../../account/places.ts';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { Page } from '../../../components/Page.tsx';
import { CommunityGate } from '../components/CommunityGate.tsx';
import { NotForYou } from '../components/NotForYou.tsx';
import { useLoad } from '../hooks.ts';
import { COMMUNITY_PATHS } from '../paths.ts';
import { callCommunity, useCommunityStore } from '../store.ts';
import { instantToWallTime, viewerZone } from '../time.ts';
import { type EventValues, eventBody } from '../validation.ts';
import { EventFields } from './EventFields.tsx';

/** `/events/new`: any member organises an event (`?group=` attaches it to one of theirs). */
export function NewEventPage() {
  const { t } = useTranslation();
  return (
    <CommunityGate title={t('community.eventForm.newTitle')}>
      {(user) => <NewEvent user={user} />}
    </CommunityGate>
  );
}

function NewEvent({ user }: { user: OwnUser }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const search = useSearch();
  const showNotice = useCommunityStore((s) => s.showNotice);
  const groupId = new URLSearchParams(search).get('group') ?? '';
  const zone = useMemo(() => viewerZone(user.timeZone, deviceTimeZone()), [user.timeZone]);
  const myGroups = useLoad('my-groups', (api) => api.listGroups('?mine=true&limit=100'));
  const initial: EventValues = {
    title: '',
    description: '',
    kind: 'social',
    startsAt: '',
    endsAt: '',
    timeZone: zone,
    locationType: 'online',
    url: '',
    venue: '',
    address: '',
    city: user.area.city ?? '',
    region: user.area.region ?? '',
    country: user.area.country ?? '',
    capacity: '',
    groupId: /^[a-f0-9]{24}$/.test(groupId) ? groupId : '',
  };
  return (
    <Page title={t('community.eventForm.newTitle')} intro={t('community.eventForm.intro')}>
      <EventFields
        initial={initial}
        groups={myGroups.state.status === 'ready' ? myGroups.state.data.items : []}
        submitLabel={t('community.eventForm.create')}
        onSubmit={async (values) => {
          // Only a group of theirs: a stale `?group=` is dropped rather than refused.
          const mine = myGroups.state.status === 'ready' ? myGroups.state.data.items : [];
          const group = mine.some((g) => g.id === values.groupId) ? values.groupId : '';
          const event = await callCommunity((api) =>
            api.createEvent({ ...eventBody(values), ...(group ? { groupId: group } : {}) }),
          );
          const path = COMMUNITY_PATHS.event(event.id);
          showNotice({ key: 'eventCreated', path });
          navigate(path);
        }}
      />
    </Page>
  );
}

/** `/events/:id/edit`: the organiser (or site staff) changes an event that is still on. */
export function EditEventPage({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <CommunityGate title={t('community.eventForm.editTitle')}>
      {() => <EditEvent id={id} />}
    </CommunityGate>
  );
}

function valuesOf(event: CommunityEvent): EventValues {
  const { location } = event;
  const inPerson = location.type === 'in-person';
  return {
    title: event.title,
    description: event.description,
    kind: event.kind,
    startsAt: instantToWallTime(event.startsAt, event.timeZone),
    endsAt: instantToWallTime(event.endsAt, event.timeZone),
    timeZone: event.timeZone,
    locationType: location.type,
    url: location.type === 'online' ? (location.url ?? '') : '',
    venue: inPerson ? location.venue : '',
    address: inPerson ? (location.address ?? '') : '',
    city: inPerson ? location.city : '',
    region: inPerson ? (location.region ?? '') : '',
    country: inPerson ? location.country : '',
    capacity: event.capacity === null ? '' : String(event.capacity),
    groupId: event.groupId ?? '',
  };
}

function EditEvent({ id }: { id: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const showNotice = useCommunityStore((s) => s.showNotice);
  const loaded = useLoad(`event:${id}`, (api) => api.getEvent(id));

  if (loaded.state.status !== 'ready') {
    return (
      <Page title={t('community.eventForm.editTitle')}>
        {loaded.loading && <Loading />}
        {loaded.error && (
          <LoadFailed
            error={loaded.error}
            onRetry={loaded.reload}
            notFound={t('community.events.notFound')}
          />
        )}
      </Page>
    );
  }
  const event = loaded.state.data;
  if (!event.canEdit) {
    return (
      <Page title={t('community.eventForm.editTitle')}>
        <NotForYou
          text={t(
            event.status === 'cancelled'
              ? 'community.eventForm.cancelled'
              : 'community.eventForm.notAllowed',
          )}
          back={COMMUNITY_PATHS.event(event.id)}
          backLabel={t('community.eventForm.backToEvent')}
        />
      </Page>
    );
  }
  return (
    <Page title={t('community.eventForm.editTitle')} intro={event.title}>
      <p className="cm-back">
        <Link href={COMMUNITY_PATHS.event(event.id)}>{t('community.eventForm.backToEvent')}</Link>
      </p>
      <EventFields
        initial={valuesOf(event)}
        groups={[]}
        editing
        submitLabel={t('community.eventForm.save')}
        onSubmit={async (changed) => {
          await callCommunity((api) => api.updateEvent(event.id, eventBody(changed)));
          const path = COMMUNITY_PATHS.event(event.id);
          showNotice({ key: 'eventSaved', path });
          navigate(path);
        }}
      />
    </Page>
  );
}
