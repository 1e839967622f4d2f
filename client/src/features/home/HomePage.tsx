import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { OwnUser } from '../../../../shared/api/accounts.ts';
import { Page } from '../../components/Page.tsx';
import { useViewerTime } from '../../i18n/dates.ts';
import { sectionPath } from '../../routes.ts';
import { languageName } from '../community/components/bits.tsx';
import { COMMUNITY_PATHS } from '../community/paths.ts';
import { meetingPath, worksheetPath } from '../programme/paths.ts';
import { HOME_LIST_SIZE, homeApi } from './api.ts';
import { HomeSection } from './HomeSection.tsx';
import { useSection } from './useSection.ts';
import './home.css';

interface NewsItem {
  id: string;
  kind: 'post' | 'event';
  title: string;
  href: string;
  at: string;
}

/** A signed-in member's start page: what they will do next and what changed since last time. */
export function HomePage({ user }: { user: OwnUser }) {
  const { t, i18n } = useTranslation();
  const api = homeApi();
  const { dateTime: when } = useViewerTime();

  // The first language the member says they speak, else the one they read Haven in.
  const language = user.languages[0] ?? user.uiLanguage ?? i18n.language;
  const [meetingsLanguage, setMeetingsLanguage] = useState<string | null | undefined>();
  const meetings = useSection(async () => {
    const next = await api.nextMeetings(user.timeZone, language);
    setMeetingsLanguage(next.language);
    return next.items;
  });
  const languageText = languageName(language, i18n.language, true);
  const groups = useSection(() => api.myGroups());
  const worksheets = useSection(() => api.myWorksheets());
  const news = useSection(async () => {
    const [posts, events] = await Promise.all([api.newestPosts(), api.upcomingEvents()]);
    const items: NewsItem[] = [
      ...posts.map((post) => ({
        id: `post-${post.id}`,
        kind: 'post' as const,
        title: post.title,
        href: COMMUNITY_PATHS.post(post.id),
        at: post.createdAt,
      })),
      ...events.map((event) => ({
        id: `event-${event.id}`,
        kind: 'event' as const,
        title: event.title,
        href: COMMUNITY_PATHS.event(event.id),
        at: event.startsAt,
      })),
    ];
    return items.slice(0, HOME_LIST_SIZE * 2);
  });

  return (
    <Page title={t('home.title', { name: user.displayName })} intro={t('home.intro')}>
      <p className="home-actions">
        <Link className="button-link" href={sectionPath('meetings')}>
          {t('home.findMeeting')}
        </Link>
      </p>
      <div className="home-grid">
        <HomeSection
          id="meetings"
          title={t('home.meetings.title')}
          section={meetings}
          note={
            meetingsLanguage === undefined
              ? null
              : meetingsLanguage
                ? t('home.meetings.inLanguage', { language: languageText })
                : t('home.meetings.noneInLanguage', { language: languageText })
          }
          empty={t('home.meetings.empty')}
          item={(meeting) => {
            const next = meeting.nextOccurrence;
            const detail = meeting.inProgress
              ? t('home.meetings.now')
              : next
                ? when(next.startsAt)
                : t('home.meetings.noDate');
            return (
              <>
                <Link href={meetingPath(meeting.id)}>{meeting.title}</Link>
                <span className="home-meta">{detail}</span>
              </>
            );
          }}
          links={[
            ...(meetingsLanguage
              ? [
                  {
                    href: `${sectionPath('meetings')}?language=${encodeURIComponent(meetingsLanguage)}`,
                    text: t('home.meetings.allInLanguage', { language: languageText }),
                  },
                ]
              : []),
            { href: sectionPath('meetings'), text: t('home.meetings.all') },
          ]}
        />
        <HomeSection
          id="groups"
          title={t('home.groups.title')}
          section={groups}
          empty={t('home.groups.empty')}
          item={(group) => (
            <>
              <Link href={COMMUNITY_PATHS.group(group.id)}>{group.name}</Link>
              <span className="home-meta">
                {t('home.groups.members', { count: group.memberCount })}
              </span>
            </>
          )}
          links={[{ href: COMMUNITY_PATHS.groups, text: t('home.groups.all') }]}
        />
        <HomeSection
          id="worksheets"
          title={t('home.worksheets.title')}
          section={worksheets}
          empty={t('home.worksheets.empty')}
          item={(worksheet) => (
            <>
              <Link href={worksheetPath(worksheet.id)}>
                {worksheet.title ?? t(`programme.tools.names.${worksheet.tool}`)}
              </Link>
              <span className="home-meta">
                {t('home.worksheets.changed', { date: when(worksheet.updatedAt) })}
              </span>
            </>
          )}
          links={[{ href: sectionPath('tools'), text: t('home.worksheets.all') }]}
        />
        <HomeSection
          id="news"
          title={t('home.news.title')}
          section={news}
          empty={t('home.news.empty')}
          item={(entry) => (
            <>
              <Link href={entry.href}>{entry.title}</Link>
              <span className="home-meta">
                {t(`home.news.${entry.kind}`, { date: when(entry.at) })}
              </span>
            </>
          )}
          links={[
            { href: COMMUNITY_PATHS.posts, text: t('home.news.posts') },
            { href: COMMUNITY_PATHS.events, text: t('home.news.events') },
          ]}
        />
      </div>
    </Page>
  );
}
