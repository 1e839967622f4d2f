import type { FeatureContext } from '../infra/api/feature.ts';
import { directoryModels } from './models.ts';
import { mountDirectoryRoutes } from './routes.ts';
import { DirectoryService } from './service.ts';

/** The meeting directory: meetings, recurrence and occurrences, calendar files, eligibility. */
export function mountDirectory(ctx: FeatureContext): void {
  const service = new DirectoryService(directoryModels(ctx.connection), ctx.users);
  mountDirectoryRoutes(ctx.api, service, ctx.publicUrl);
  ctx.accountData.register('directory', {
    export: (userId) => service.exportFor(userId),
    erase: (userId) => service.eraseFor(userId),
  });
}
