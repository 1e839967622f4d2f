import type { FeatureContext } from '../infra/api/feature.ts';
import { createLimiter } from '../infra/rate-limit.ts';
import { EnquiryService } from './enquiries.ts';
import { programmeModels } from './models.ts';
import { PartnerService } from './partners.ts';
import { ProposalService } from './proposals.ts';
import { PublicationService } from './publications.ts';
import { mountLibraryRoutes } from './routes-library.ts';
import { mountPartnerRoutes } from './routes-partners.ts';
import { mountProposalRoutes } from './routes-proposals.ts';
import { WorksheetService } from './worksheets.ts';

/** Enquiries a single address may send per hour: plenty for a person, little for a script. */
export const ENQUIRIES_PER_HOUR = 5;

/** Publications, private 4-Point worksheets, tool proposals, partners and enquiries. */
export function mountProgramme(ctx: FeatureContext): void {
  const models = programmeModels(ctx.connection);
  const publications = new PublicationService(models);
  const worksheets = new WorksheetService(models);
  const proposals = new ProposalService(models, ctx.users);
  const partners = new PartnerService(models, ctx.users);
  const enquiries = new EnquiryService(models, ctx.users);

  mountLibraryRoutes(ctx.api, { publications, worksheets });
  mountProposalRoutes(ctx.api, proposals);
  mountPartnerRoutes(ctx.api, {
    partners,
    closeMemberSockets: ctx.closeMemberSockets,
    enquiries,
    enquiryLimit: createLimiter(ctx.redisClient, {
      keyPrefix: `${ctx.limitsNamespace}:programme-enquiry`,
      points: ENQUIRIES_PER_HOUR,
      durationSeconds: 60 * 60,
    }),
  });

  ctx.accountData.register('worksheets', {
    export: (userId) => worksheets.exportFor(userId),
    erase: (userId) => worksheets.eraseFor(userId),
  });
  ctx.accountData.register('toolProposals', {
    export: (userId) => proposals.exportFor(userId),
    erase: (userId) => proposals.eraseFor(userId),
  });
  // Enquiry senders have no account; this covers only the admin's record of answering.
  ctx.accountData.register('enquiryAnswers', {
    export: (userId) => enquiries.exportAnswersOf(userId),
    erase: (userId) => enquiries.eraseAnswersOf(userId),
  });
}
