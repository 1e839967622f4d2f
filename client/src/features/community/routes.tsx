import type { ReactElement } from 'react';
import { Route } from 'wouter';
import { lazyPage } from '../../routing/lazy-page.ts';
import './community.css';
import './community-pages.css';
import { COMMUNITY_PATHS as P } from './paths.ts';

const EditEventPage = lazyPage(() => import('./events/EventFormPage.tsx'), 'EditEventPage');
const NewEventPage = lazyPage(() => import('./events/EventFormPage.tsx'), 'NewEventPage');
const EventPage = lazyPage(() => import('./events/EventPage.tsx'), 'EventPage');
const EventsPage = lazyPage(() => import('./events/EventsPage.tsx'), 'EventsPage');
const AllFeedbackPage = lazyPage(() => import('./feedback/AllFeedbackPage.tsx'), 'AllFeedbackPage');
const FeedbackPage = lazyPage(() => import('./feedback/FeedbackPage.tsx'), 'FeedbackPage');
const GroupPage = lazyPage(() => import('./groups/GroupPage.tsx'), 'GroupPage');
const GroupsPage = lazyPage(() => import('./groups/GroupsPage.tsx'), 'GroupsPage');
const NewGroupPage = lazyPage(() => import('./groups/NewGroupPage.tsx'), 'NewGroupPage');
const ModerationPage = lazyPage(() => import('./posts/ModerationPage.tsx'), 'ModerationPage');
const NewPostPage = lazyPage(() => import('./posts/NewPostPage.tsx'), 'NewPostPage');
const PostPage = lazyPage(() => import('./posts/PostPage.tsx'), 'PostPage');
const PostsPage = lazyPage(() => import('./posts/PostsPage.tsx'), 'PostsPage');

/**
 * This feature's pages as wouter <Route> elements, placed in App's <Switch>. Fixed paths
 * come before the `:id` ones they would otherwise match (`/events/new`, `/feedback/all`).
 * Pages are keyed by id so moving from one post to another starts the page afresh.
 */
export function communityRoutes(): ReactElement[] {
  return [
    <Route key="groups" path={P.groups}>
      <GroupsPage />
    </Route>,
    <Route key="group-new" path={P.newGroup}>
      <NewGroupPage />
    </Route>,
    <Route key="group" path="/groups/:id">
      {(params) => <GroupPage key={params.id} id={params.id} />}
    </Route>,
    <Route key="events" path={P.events}>
      <EventsPage />
    </Route>,
    <Route key="event-new" path={P.newEvent}>
      <NewEventPage />
    </Route>,
    <Route key="event-edit" path="/events/:id/edit">
      {(params) => <EditEventPage key={params.id} id={params.id} />}
    </Route>,
    <Route key="event" path="/events/:id">
      {(params) => <EventPage key={params.id} id={params.id} />}
    </Route>,
    <Route key="posts" path={P.posts}>
      <PostsPage />
    </Route>,
    <Route key="post-new" path={P.newPost}>
      <NewPostPage />
    </Route>,
    <Route key="post" path="/posts/:id">
      {(params) => <PostPage key={params.id} id={params.id} />}
    </Route>,
    <Route key="moderation" path={P.moderation}>
      <ModerationPage />
    </Route>,
    <Route key="feedback" path={P.feedback}>
      <FeedbackPage />
    </Route>,
    <Route key="feedback-all" path={P.allFeedback}>
      <AllFeedbackPage />
    </Route>,
  ];
}
