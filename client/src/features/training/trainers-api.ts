import { memberPageResponse, type PublicUser } from '../../../../shared/api/accounts.ts';
import { type Page, pageOf } from '../../../../shared/api/common.ts';
import {
  type Partner,
  type PartnerSummary,
  partnerResponse,
  partnerSummarySchema,
} from '../../../../shared/api/programme/partners.ts';
import {
  certificateResponse,
  grantResponse,
  type TrainingSettings,
  trainingSettingsResponse,
} from '../../../../shared/training/credentials.ts';
import {
  type Cohort,
  type CohortCreate,
  type CohortPatch,
  cohortProgressSchema,
  cohortResponse,
  cohortSchema,
  type ReviewEntry,
  reviewEntrySchema,
} from '../../../../shared/training/reviews.ts';
import { type ApiClient, api } from '../../api/client.ts';
import { type ReviewFilters, type ReviewStatus, reviewsApiPath } from './review-filters.ts';

const encode = encodeURIComponent;
/** Lists followed page by page stop here: a community has a few dozen cohorts or partners. */
const MAX_PAGES = 20;

async function everyPage<T>(load: (cursor: string | null) => Promise<Page<T>>, most = MAX_PAGES) {
  const all: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < most; page++) {
    const answer: Page<T> = await load(cursor);
    all.push(...answer.items);
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return all;
}

const pageQuery = (cursor: string | null, extra = '') =>
  `?limit=100${cursor ? `&cursor=${encode(cursor)}` : ''}${extra}`;

/**
 * What trainers, admins and staff leads call (docs/training.md, "Reviews and cohorts" and
 * "Records, certificates and gated hosting"), checked with the shared schemas. The member's
 * own certificate choices are here too.
 */
export function trainersApi(client: ApiClient = api) {
  return {
    /** One page of the review queue for these filters. */
    reviewQueue: (filters: ReviewFilters): Promise<Page<ReviewEntry>> =>
      client.get(reviewsApiPath(filters), pageOf(reviewEntrySchema)),
    /** Every answer with this status (a cohort's, when given), a few pages at most. */
    reviewsWith: (status: ReviewStatus, cohortId = '', most = 5) =>
      everyPage(
        (cursor) =>
          client.get(
            reviewsApiPath({ status, courseId: '', cohortId, cursor: cursor ?? '' }, 100),
            pageOf(reviewEntrySchema),
          ),
        most,
      ),
    /** The cohorts the caller follows (trainers, admins, staff leads). */
    cohorts: () =>
      everyPage((cursor) => client.get(`/api/cohorts${pageQuery(cursor)}`, pageOf(cohortSchema))),
    createCohort: async (body: CohortCreate): Promise<Cohort> =>
      (await client.post('/api/cohorts', body, cohortResponse)).cohort,
    updateCohort: async (id: string, patch: CohortPatch): Promise<Cohort> =>
      (await client.patch(`/api/cohorts/${encode(id)}`, patch, cohortResponse)).cohort,
    cohortProgress: (id: string) =>
      client.get(`/api/cohorts/${encode(id)}/progress`, cohortProgressSchema),
    /** The facilitator role for a member whose facilitator training is complete. */
    grantFacilitator: async (userId: string) =>
      (await client.post('/api/training/grants', { userId }, grantResponse)).grant,
    settings: async (): Promise<TrainingSettings> =>
      (await client.get('/api/training/settings', trainingSettingsResponse)).settings,
    updateSettings: async (patch: Partial<TrainingSettings>): Promise<TrainingSettings> =>
      (await client.patch('/api/training/settings', patch, trainingSettingsResponse)).settings,
    /** The member's own choices on one of their certificates. */
    updateCertificate: async (
      code: string,
      patch: { nameOnCertificate?: string; keepVerifiableAfterDeletion?: boolean },
    ) =>
      (await client.patch(`/api/certificates/${encode(code)}`, patch, certificateResponse))
        .certificate,
    /** Partner organisations (public), for a partner's cohort. */
    partners: (): Promise<PartnerSummary[]> =>
      everyPage((cursor) =>
        client.get(`/api/partners${pageQuery(cursor)}`, pageOf(partnerSummarySchema)),
      ),
    /** One partner with its staff as anyone may see them. */
    partner: async (id: string): Promise<Partner> =>
      (await client.get(`/api/partners/${encode(id)}`, partnerResponse)).partner,
    /** Admins only: members whose display name holds `q`. */
    searchMembers: async (q: string): Promise<PublicUser[]> =>
      (await client.get(`/api/members?q=${encode(q)}&limit=20`, memberPageResponse)).items,
  };
}

export const trainers = trainersApi();

/** Partners by id, for naming a partner's cohort; a failure only loses the names. */
export async function partnersById(): Promise<Map<string, PartnerSummary>> {
  try {
    return new Map((await trainers.partners()).map((partner) => [partner.id, partner]));
  } catch {
    return new Map();
  }
}
