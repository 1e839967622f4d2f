import type { ReactElement } from 'react';
import { Route } from 'wouter';
import { CollaboratePage } from './collaborate/CollaboratePage.tsx';
import { EnquiriesPage } from './collaborate/EnquiriesPage.tsx';
import { LibraryPage } from './library/LibraryPage.tsx';
import { PublicationPage } from './library/PublicationPage.tsx';
import { PartnerPage } from './partners/PartnerPage.tsx';
import { PartnersPage } from './partners/PartnersPage.tsx';
import { PROGRAMME_PATHS as P } from './paths.ts';
import { ProposalPage } from './proposals/ProposalPage.tsx';
import { ProposalsPage } from './proposals/ProposalsPage.tsx';
import { ProposeFormPage } from './proposals/ProposeForm.tsx';
import { ToolsPage } from './tools/ToolsPage.tsx';
import { WorksheetPage } from './tools/WorksheetPage.tsx';
import './styles/pages.css';
import './styles/forms.css';
import './styles/print.css';

/**
 * This feature's pages as wouter <Route> elements, placed in App's <Switch>. The pages are
 * in the main bundle (so focus can move to their h1 at once); their data and zod come in
 * the api chunk (see data.ts). More specific paths first.
 */
export function programmeRoutes(): ReactElement[] {
  const pages: Array<[string, () => ReactElement]> = [
    [P.library, LibraryPage],
    [P.publication, PublicationPage],
    [P.tools, ToolsPage],
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
