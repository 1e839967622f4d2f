import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { PublicUser } from '../../../../shared/api/accounts.ts';
import type { PartnerSummary } from '../../../../shared/api/programme/partners.ts';
import { useHavenStore } from '../../store/index.ts';
import { placeLine, ROLES } from './model.ts';
import { memberPath } from './paths.ts';

/**
 * The members found, one row each: name, roles, partner, area and a link to the member's
 * own page, where their roles change. A compact table rather than a form per member (issue
 * 18): a hundred members are a page, not a 10,000-pixel column. On a phone the table
 * scrolls sideways inside its own labelled, focusable region, so the page itself never does.
 */
export function MemberTable({
  members,
  viewerId,
  partners,
}: {
  members: readonly PublicUser[];
  viewerId: string;
  partners: PartnerSummary[] | null;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  const language = useHavenStore((s) => s.language);
  const partnerName = (id: string | null) => {
    if (!id) return '';
    return partners?.find((p) => p.id === id)?.name ?? t('admin.members.partnerUnknown');
  };
  return (
    <section
      className="admin-table-scroll"
      aria-labelledby={captionId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
      tabIndex={0}
    >
      <table className="admin-table">
        <caption id={captionId}>{t('admin.members.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.members.table.name')}</th>
            <th scope="col">{t('admin.members.table.roles')}</th>
            <th scope="col">{t('admin.members.table.partner')}</th>
            <th scope="col">{t('admin.members.table.area')}</th>
            <th scope="col">{t('admin.members.table.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id}>
              <th scope="row">
                {member.displayName}
                {member.id === viewerId && (
                  <span className="admin-you"> {t('admin.members.youShort')}</span>
                )}
              </th>
              <td>
                {ROLES.filter((role) => member.roles.includes(role))
                  .map((role) => t(`admin.roles.${role}`))
                  .join(', ')}
              </td>
              <td>{partnerName(member.partnerId)}</td>
              <td>{placeLine(member.area, language)}</td>
              <td>
                <Link href={memberPath(member.id)}>
                  {t('admin.members.table.edit', { name: member.displayName })}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
