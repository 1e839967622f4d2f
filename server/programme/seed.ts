import { enquiryCreateBody } from '../../shared/api/programme/enquiries.ts';
import { partnerCreateBody } from '../../shared/api/programme/partners.ts';
import { proposalCreateBody } from '../../shared/api/programme/proposals.ts';
import { publicationInputSchema } from '../../shared/api/programme/publications.ts';
import { worksheetCreateBody } from '../../shared/api/programme/worksheets.ts';
import { accountModels } from '../accounts/models.ts';
import { UserDirectory } from '../accounts/user-directory.ts';
import type { SeedContext } from '../infra/seed-context.ts';
import { EnquiryService } from './enquiries.ts';
import { programmeModels } from './models.ts';
import { PartnerService } from './partners.ts';
import { ProposalService } from './proposals.ts';
import { PublicationService } from './publications.ts';
import {
  DEMO_ENQUIRIES,
  DEMO_PARTNERS,
  DEMO_PROPOSALS,
  DEMO_WORKSHEETS,
} from './seed-data/community.ts';
import { PUBLICATIONS_EN } from './seed-data/publications-en.ts';
import { PUBLICATIONS_ES } from './seed-data/publications-es.ts';
import { WorksheetService } from './worksheets.ts';

/**
 * Demo records for this feature; see server/seed.ts. Runs before the other features' seeds
 * and leaves the partner ids in `ctx.partnerIds` for the directory's in-service meetings.
 * Everything goes through the same schemas and services as the API, so the demo cannot hold
 * anything the API would refuse, and proposals carry a real history.
 */
export async function seedProgramme(ctx: SeedContext): Promise<void> {
  const models = programmeModels(ctx.connection);
  await models.Publication.init();
  await models.Partner.init();
  await models.Enquiry.init();
  const users = new UserDirectory(accountModels(ctx.connection));

  const publications = new PublicationService(models);
  for (const input of [...PUBLICATIONS_EN, ...PUBLICATIONS_ES]) {
    await publications.upsert(publicationInputSchema.parse(input));
  }

  const partners = new PartnerService(models, users);
  for (const { partner, staff } of DEMO_PARTNERS) {
    const created = await partners.create(partnerCreateBody.parse(partner));
    ctx.partnerIds.push(created.id);
    await ctx.createUser({
      ...staff,
      roles: ['participant', 'facilitator'],
      partnerId: created.id,
      area: partner.area,
    });
  }

  const proposals = new ProposalService(models, users);
  for (const demo of DEMO_PROPOSALS) {
    const { id } = await proposals.create(
      ctx.people[demo.proposer],
      proposalCreateBody.parse(demo.proposal),
    );
    if (demo.outcome === 'withdrawn') await proposals.withdraw(id, ctx.people[demo.proposer]);
    if (demo.review) await proposals.review(id, ctx.people.advisor, demo.review);
    if ((demo.outcome === 'approved' || demo.outcome === 'declined') && demo.reason) {
      await proposals.decide(id, ctx.people.admin, { decision: demo.outcome, reason: demo.reason });
    }
  }

  const worksheets = new WorksheetService(models);
  for (const input of DEMO_WORKSHEETS) {
    await worksheets.create(ctx.people.participant, worksheetCreateBody.parse(input));
  }

  const enquiries = new EnquiryService(models, users);
  for (const { reply, ...input } of DEMO_ENQUIRIES) {
    const id = await enquiries.create(enquiryCreateBody.parse(input));
    if (reply) await enquiries.update(id, ctx.people.admin, { status: 'answered', reply });
  }
}
