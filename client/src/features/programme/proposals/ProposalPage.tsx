import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { PointBadge } from '../../../components/PointBadge.tsx';
import { useViewerTime } from '../../../i18n/dates.ts';
import { useHavenStore } from '../../../store/index.ts';
import { StateBadge } from '../components.tsx';
import { useProgrammeData } from '../data.ts';
import { paragraphsOf } from '../library/blocks.ts';
import { useNotice } from '../notice.ts';
import { PROGRAMME_PATHS, proposalPath } from '../paths.ts';
import type { Proposal } from '../types.ts';
import { safeLink } from './logic.ts';
import { ProposalActions } from './ProposalActions.tsx';

/** One proposal: what it is, its evidence, reviews, decision, history, and what I may do. */
export function ProposalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<{ id: string }>();
  const user = useHavenStore((s) => s.user);
  const notice = useNotice(proposalPath(id));
  const { state, reload, replace } = useProgrammeData(
    user ? `proposal:${user.id}:${id}` : null,
    (api) => api.proposal(id),
  );
  const proposal = user && state.status === 'ready' ? state.data : null;
  const notFound = state.status === 'failed' && state.error === 'NOT_FOUND';
  const failed = state.status === 'failed' && !notFound;
  const loading = state.status === 'loading';
  const title =
    proposal?.title ??
    (notFound ? t('programme.proposal.notFoundTitle') : t('sections.proposals.title'));

  return (
    <Page title={title}>
      <p className="back-link">
        <Link href={PROGRAMME_PATHS.proposals}>{t('programme.proposal.back')}</Link>
      </p>
      {notice && (
        <p className="flash" role="status">
          {t(`programme.notices.${notice}`)}
        </p>
      )}
      <MembersOnly text={t('programme.proposals.signedOut')}>
        {(member) => (
          <>
            {loading && <Loading />}
            {failed && <LoadFailed error={state.error} onRetry={reload} />}
            {notFound && <p>{t('programme.proposal.notFound')}</p>}
            {proposal && (
              <>
                <Details proposal={proposal} />
                <ProposalActions proposal={proposal} viewer={member} onChange={replace} />
              </>
            )}
          </>
        )}
      </MembersOnly>
    </Page>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="proposal-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Details({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const when = useViewerTime();
  const someone = (user: { displayName: string } | null) =>
    user?.displayName ?? t('programme.common.deletedMember');
  const decision = proposal.decision;

  return (
    <>
      <p className="card-meta proposal-meta">
        <StateBadge state={proposal.state} />
        <PointBadge point={proposal.point} look="label" />
        <span>
          {t('programme.proposals.cardMeta', {
            name: someone(proposal.proposer),
            date: when.date(proposal.createdAt),
          })}
        </span>
      </p>

      <Section title={t('programme.proposal.description')}>
        {paragraphsOf(proposal.description).map((paragraph, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text
          <p key={index} className="prose">
            {paragraph}
          </p>
        ))}
      </Section>

      <Section title={t('programme.proposal.evidence')}>
        <ol className="evidence-list">
          {proposal.evidence.map((item, index) => {
            const href = safeLink(item.url);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: evidence keeps its order
              <li key={index}>
                <p>{item.citation}</p>
                {href && (
                  <p className="evidence-link">
                    <a href={href} rel="noopener noreferrer external">
                      {href}
                    </a>
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      </Section>

      <Section title={t('programme.proposal.reviews')}>
        {proposal.reviews.length === 0 && <p>{t('programme.proposal.noReviews')}</p>}
        <ul className="review-list">
          {proposal.reviews.map((review, index) => (
            // A deleted advisor's review has no id; its place stands in.
            <li key={review.advisorId ?? index} className="card review">
              <p className="review-head">
                <strong>{someone(review.advisor)}</strong>
                <span className="badge" data-recommendation={review.recommendation}>
                  {t(`programme.proposal.recommendations.${review.recommendation}`)}
                </span>
              </p>
              {paragraphsOf(review.comments).map((paragraph, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text
                <p key={i} className="prose">
                  {paragraph}
                </p>
              ))}
              <p className="list-meta">
                <time dateTime={review.updatedAt}>{when.dateTime(review.updatedAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      </Section>

      {decision && (
        <Section title={t('programme.proposal.decision')}>
          <div className="card decision" data-decision={decision.decision}>
            <p>
              <strong>
                {t(`programme.proposal.decided.${decision.decision}`, {
                  name: someone(decision.actor),
                })}
              </strong>
            </p>
            <p className="decision-reason-label">{t('programme.proposal.reason')}</p>
            {paragraphsOf(decision.reason).map((paragraph, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text
              <p key={index} className="prose">
                {paragraph}
              </p>
            ))}
            <p className="list-meta">
              <time dateTime={decision.at}>{when.dateTime(decision.at)}</time>
            </p>
          </div>
        </Section>
      )}

      <Section title={t('programme.proposal.history')}>
        <ol className="timeline">
          {proposal.history.map((step, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: history is append-only
            <li key={index}>
              <span className="timeline-what">
                {t(`programme.proposal.steps.${step.action}`, { name: someone(step.actor) })}
              </span>{' '}
              <time className="list-meta" dateTime={step.at}>
                {when.dateTime(step.at)}
              </time>
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}
