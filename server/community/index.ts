import type { FeatureContext } from '../infra/api/feature.ts';
import { eventModels } from './events/models.ts';
import { mountEventRoutes } from './events/routes.ts';
import { EventService } from './events/service.ts';
import { feedbackModels } from './feedback/models.ts';
import { mountFeedbackRoutes } from './feedback/routes.ts';
import { FeedbackService } from './feedback/service.ts';
import { mountGroupRoutes } from './groups/routes.ts';
import type { GroupService } from './groups/service.ts';
import { postModels } from './posts/models.ts';
import { mountModerationRoutes } from './posts/moderation-routes.ts';
import { ReportedItems } from './posts/reported-items.ts';
import { ReportService } from './posts/reports.ts';
import { mountPostRoutes } from './posts/routes.ts';
import { PostService } from './posts/service.ts';

/**
 * Local groups, events with RSVP, posts with comments and reports, feedback. The group
 * service is built with the shared services (services.ts): group chat uses it too.
 */
export function mountCommunity(ctx: FeatureContext, groups: GroupService): void {
  const events = new EventService(eventModels(ctx.connection), ctx.users, groups);
  const posts = postModels(ctx.connection);
  const postService = new PostService(posts, ctx.users);
  const feedback = new FeedbackService(feedbackModels(ctx.connection), ctx.users);

  mountGroupRoutes(ctx.api, groups);
  mountEventRoutes(ctx.api, events, ctx.publicUrl);
  mountPostRoutes(ctx.api, postService, new ReportService(posts, ctx.users));
  mountModerationRoutes(ctx.api, new ReportedItems(posts, ctx.users, ctx.logger));
  mountFeedbackRoutes(ctx.api, feedback);

  // "Download my data" and "delete my account" cover every sub-feature (docs/community.md).
  const account = (service: {
    exportFor(id: string): Promise<unknown>;
    eraseFor(id: string): Promise<void>;
  }) => ({
    export: (userId: string) => service.exportFor(userId),
    erase: (userId: string) => service.eraseFor(userId),
  });
  ctx.accountData.register('communityGroups', account(groups));
  ctx.accountData.register('communityEvents', account(events));
  ctx.accountData.register('communityPosts', account(postService));
  ctx.accountData.register('communityFeedback', account(feedback));
}
