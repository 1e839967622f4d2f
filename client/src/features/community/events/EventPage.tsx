import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CommunityEvent } from '../../../../../shared/api/community.ts';
import type { ErrorCode } from '../../../../../shared/errors.ts';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { Page } from '../../../components/Page.tsx';
import { FormAlert, FormStatus } from '../../../forms/fields.tsx';
import { asApiError } from '../../../forms/problems.ts';
import { errorMessageKey } from '../../../i18n/index.ts';
import { EventWhen, personName, placeText } from '../components/bits.tsx';
import { CommunityGate } from '../components/CommunityGate.tsx';
import { Notice } from '../components/Notice.tsx';
import { useLoad, useLocale, useViewerZone } from '../hooks.ts';
import { COMMUNITY_PATHS, eventCalendarUrl } from '../paths.ts';
import { callCommunity, useCommunityStore } from '../store.ts';
import { Places } from './EventCard.tsx';

/** `/events/:id`: the details, "I'm going", and for the organiser: who is going, edit, cancel. */
export function EventPage({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <CommunityGate title={t('community.events.detailTitle')}>
      {() => <EventView id={id} />}
    </CommunityGate>
  );
}

function EventView({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const showNotice = useCommunityStore((s) => s.showNotice);
  const zone = useViewerZone();
  const loaded = useLoad(`event:${id}`, (api) => api.getEvent(id));

  if (loaded.state.status !== 'ready') {
    return (
      <Page title={t('community.events.detailTitle')}>
        {loaded.loading && <Loading />}
        {loaded.error && (
          <LoadFailed
            error={loaded.error}
            onRetry={loaded.reload}
            notFound={t('community.events.notFound')}
          />
        )}
        <p className="cm-back">
          <Link href={COMMUNITY_PATHS.events}>{t('community.events.back')}</Link>
        </p>
      </Page>
    );
  }
  const event = loaded.state.data;
  const cancelled = event.status === 'cancelled';
  const { location } = event;
  const cancel = async () => {
    const updated = await callCommunity((api) =>
      api.updateEvent(event.id, { status: 'cancelled' }),
    );
    return () => {
      loaded.setData(() => updated);
      showNotice({ key: 'eventCancelled', path: COMMUNITY_PATHS.event(event.id) });
    };
  };

  return (
    <Page title={event.title}>
      <Notice />
      <p className="cm-back">
        <Link href={COMMUNITY_PATHS.events}>{t('community.events.back')}</Link>
      </p>
      <div className="cm-columns">
        <div className="cm-stack">
          <section className="panel" aria-labelledby="cm-event-about">
            <h2 id="cm-event-about">{t('community.events.about')}</h2>
            <p className="cm-meta">
              <span className="cm-badge">{t(`community.events.kinds.${event.kind}`)}</span>
              {cancelled && (
                <span className="cm-badge cm-badge-warn">{t('community.events.cancelled')}</span>
              )}
            </p>
            <EventWhen
              startsAt={event.startsAt}
              endsAt={event.endsAt}
              eventZone={event.timeZone}
              viewerZone={zone}
              locale={locale}
            />
            <dl className="cm-facts">
              <dt>{t('community.events.where')}</dt>
              <dd>
                {location.type === 'online' ? (
                  <OnlineLink event={event} />
                ) : (
                  <>
                    {location.venue}
                    {location.address && <br />}
                    {location.address}
                    <br />
                    {placeText(location, locale)}
                  </>
                )}
              </dd>
              <dt>{t('community.events.organiser')}</dt>
              <dd>
                {/* A group event's organiser is not named to outsiders who chose to stay unlisted. */}
                {!event.createdBy && event.groupId
                  ? t('community.events.organiserUnlisted')
                  : personName(t, event.createdBy)}
              </dd>
            </dl>
            <p className="cm-text">{event.description}</p>
            {!cancelled && (
              <>
                <p>
                  <a className="button-link" href={eventCalendarUrl(event.id)} download>
                    {t('community.events.addToCalendar')}
                  </a>
                </p>
                <p className="field-hint">{t('community.events.calendarHint')}</p>
              </>
            )}
          </section>
          {event.canEdit && (
            <section className="panel" aria-labelledby="cm-event-manage">
              <h2 id="cm-event-manage">{t('community.events.manage')}</h2>
              <div className="form-actions">
                <Link className="button-link" href={COMMUNITY_PATHS.editEvent(event.id)}>
                  {t('community.events.edit')}
                </Link>
                <ConfirmButton
                  label={t('community.events.cancel')}
                  title={t('community.events.cancelTitle')}
                  text={t('community.events.cancelText')}
                  confirmLabel={t('community.events.cancelConfirm')}
                  cancelLabel={t('community.events.cancelKeep')}
                  onConfirm={cancel}
                  focusAfter={() => document.querySelector<HTMLElement>('main h1')}
                />
              </div>
            </section>
          )}
        </div>
        <div className="cm-stack">
          <Rsvp
            event={event}
            onChange={(updated) => loaded.setData(() => updated)}
            onStale={() => void loaded.refresh()}
          />
          {event.attendees && <Attendees event={event} />}
        </div>
      </div>
    </Page>
  );
}

/** The joining link, shown by the server only to those going, the organiser and staff. */
function OnlineLink({ event }: { event: CommunityEvent }) {
  const { t } = useTranslation();
  const url = event.location.type === 'online' ? event.location.url : undefined;
  return (
    <>
      {t('community.events.online')}
      <br />
      {url ? (
        <a href={url} target="_blank" rel="noopener noreferrer">
          {t('community.events.joinLink')}
          <span className="visually-hidden">{` ${t('community.opensNewTab')}`}</span>
        </a>
      ) : (
        <span className="cm-muted">
          {event.amGoing || event.status === 'cancelled'
            ? t('community.events.noLink')
            : t('community.events.linkWhenGoing')}
        </span>
      )}
    </>
  );
}

/** "I'm going" and back; a place taken meanwhile is explained kindly, with the count refreshed. */
function Rsvp({
  event,
  onChange,
  onStale,
}: {
  event: CommunityEvent;
  onChange: (event: CommunityEvent) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState<'going' | 'notGoing' | null>(null);
  const cancelled = event.status === 'cancelled';
  const over = new Date(event.endsAt).getTime() <= Date.now();
  const full = event.placesLeft === 0 && !event.amGoing;

  const toggle = async () => {
    if (busy) return;
    const going = !event.amGoing;
    setBusy(true);
    setFailure(null);
    setDone(null);
    try {
      onChange(await callCommunity((api) => api.rsvp(event.id, going)));
      setDone(going ? 'going' : 'notGoing');
    } catch (error) {
      const { code } = asApiError(error);
      setFailure(code);
      if (code === 'CAPACITY_FULL' || code === 'INVALID_TRANSITION') {
        // The button goes with the last place: keep focus in this section, on its heading.
        headingRef.current?.focus();
        onStale();
      }
    } finally {
      setBusy(false);
    }
  };

  let failureText: string | null = null;
  if (failure === 'CAPACITY_FULL') failureText = t('community.events.fullNow');
  else if (failure === 'INVALID_TRANSITION') failureText = t('community.events.noLongerOpen');
  else if (failure) failureText = t(errorMessageKey(failure));

  let state: string | null = null;
  if (cancelled) state = t('community.events.cancelledText');
  else if (over) state = t('community.events.over');
  else if (full) state = t('community.events.fullText');
  const canAct = !cancelled && !over && (!full || event.amGoing);
  // Said once: right after the click the status line says it (and is announced); on later
  // visits the standing line does.
  const justJoined = done === 'going';

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('community.events.rsvpTitle')}
      </h2>
      <Places event={event} />
      {event.amGoing && !cancelled && !justJoined && (
        <p className="cm-strong">{t('community.events.youAreGoingText')}</p>
      )}
      {state && <p>{state}</p>}
      <FormAlert message={failureText} />
      <div className="form-actions">
        {canAct && (
          <button
            type="button"
            className={event.amGoing ? 'secondary' : undefined}
            aria-disabled={busy || undefined}
            onClick={() => void toggle()}
          >
            {busy
              ? t('forms.busy')
              : event.amGoing
                ? t('community.events.notGoing')
                : t('community.events.imGoing')}
          </button>
        )}
        <FormStatus
          message={
            done &&
            t(done === 'going' ? 'community.events.rsvpDone' : 'community.events.rsvpUndone')
          }
        />
      </div>
    </section>
  );
}

function Attendees({ event }: { event: CommunityEvent }) {
  const { t } = useTranslation();
  const attendees = event.attendees ?? [];
  return (
    <section className="panel" aria-labelledby="cm-attendees">
      <h2 id="cm-attendees">{t('community.events.attendees')}</h2>
      <p className="cm-muted">{t('community.events.attendeesHint')}</p>
      {attendees.length === 0 ? (
        <p>{t('community.events.nobodyYet')}</p>
      ) : (
        <ul className="cm-member-list">
          {attendees.map((person) => (
            <li key={person.id}>{person.displayName}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
