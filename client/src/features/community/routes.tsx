import type { ReactElement } from 'react';
import { Route } from 'wouter';
import './community.css';
import './community-pages.css';
import { EditEventPage, NewEventPage } from './events/EventFormPage.tsx';
import { EventPage } from './events/EventPage.tsx';
import { EventsPage } from './events/EventsPage.tsx';
import { AllFeedbackPage } from './feedback/AllFeedbackPage.tsx';
import { FeedbackPage } from './feedback/FeedbackPage.tsx';
import { GroupPage } from './groups/GroupPage.tsx';
import { GroupsPage } from './groups/GroupsPage.tsx';
import { NewGroupPage } from './groups/NewGroupPage.tsx';
import { COMMUNITY_PATHS as P } from './paths.ts';
import { ModerationPage } from './posts/ModerationPage.tsx';
import { NewPostPage } from './posts/NewPostPage.tsx';
import { PostPage } from './posts/PostPage.tsx';
import { PostsPage } from './posts/PostsPage.tsx';

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
