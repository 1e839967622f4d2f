import type { FeatureContext } from '../infra/api/feature.ts';
import { supportModels } from './models.ts';
import { mountSupportRoutes } from './routes.ts';
import { SupportService } from './service.ts';

/**
 * Crisis resources and donation links per country (docs/support.md). Nothing here is about
 * a member, so nothing is registered for account export or deletion.
 */
export function mountSupport(ctx: FeatureContext): void {
  mountSupportRoutes(ctx.api, new SupportService(supportModels(ctx.connection)));
}
