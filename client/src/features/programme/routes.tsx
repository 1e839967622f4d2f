import type { ComponentType, ReactElement } from 'react';
import { Route } from 'wouter';
import { lazyPage } from '../../routing/lazy-page.ts';
import { PROGRAMME_PATHS as P } from './paths.ts';
import './styles/pages.css';
import './styles/forms.css';
import './styles/print.css';

const CollaboratePage = lazyPage(
  () => import('./collaborate/CollaboratePage.tsx'),
  'CollaboratePage',
);
const EnquiriesPage = lazyPage(() => import('./collaborate/EnquiriesPage.tsx'), 'EnquiriesPage');
const LibraryPage = lazyPage(() => import('./library/LibraryPage.tsx'), 'LibraryPage');
const PublicationPage = lazyPage(() => import('./library/PublicationPage.tsx'), 'PublicationPage');
const PartnerPage = lazyPage(() => import('./partners/PartnerPage.tsx'), 'PartnerPage');
const PartnersPage = lazyPage(() => import('./partners/PartnersPage.tsx'), 'PartnersPage');
const ProposalPage = lazyPage(() => import('./proposals/ProposalPage.tsx'), 'ProposalPage');
const ProposalsPage = lazyPage(() => import('./proposals/ProposalsPage.tsx'), 'ProposalsPage');
const ProposeFormPage = lazyPage(() => import('./proposals/ProposeForm.tsx'), 'ProposeFormPage');
const ToolsPage = lazyPage(() => import('./tools/ToolsPage.tsx'), 'ToolsPage');
const WorksheetPage = lazyPage(() => import('./tools/WorksheetPage.tsx'), 'WorksheetPage');
const NewWorksheetPage = lazyPage(() => import('./tools/WorksheetPage.tsx'), 'NewWorksheetPage');

/**
 * This feature's pages as wouter <Route> elements, placed in App's <Switch>. Each page is
 * its own chunk, loaded on first visit; their data and zod come in the api chunk (see
 * data.ts). More specific paths first.
 */
export function programmeRoutes(): ReactElement[] {
  const pages: Array<[string, ComponentType]> = [
    [P.library, LibraryPage],
    [P.publication, PublicationPage],
    [P.tools, ToolsPage],
    [P.newWorksheet, NewWorksheetPage],
    [P.worksheet, WorksheetPage],
    [P.proposals, ProposalsPage],
    [P.newProposal, ProposeFormPage],
    [P.proposal, ProposalPage],
    [P.partners, PartnersPage],
    [P.partner, PartnerPage],
    [P.enquiries, EnquiriesPage],
    [P.collaborate, CollaboratePage],
  ];
  return pages.map(([path, Component]) => (
    <Route key={path} path={path}>
      <Component />
    </Route>
  ));
}
