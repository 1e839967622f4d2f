import { describe, expect, it } from 'vitest';
import pen from '../../../client/src/features/programme/locales/en.json' with { type: 'json' };
import pes from '../../../client/src/features/programme/locales/es.json' with { type: 'json' };
import en from '../../../client/src/i18n/locales/en.json' with { type: 'json' };
import { fill, PHONE, programmeSuite } from './browser-helpers.ts';

// The programme's pages in the built client, served by a real Haven with the demo seed.
// Private worksheets have their own file (worksheets.browser.test.ts).
const { person, member, people } = programmeSuite();

describe('the library', () => {
  it('lists publications by point in the UI language and renders one from its blocks', async () => {
    const reader = await person();
    await reader.goto('/library');
    await reader.h1(en.sections.library.title).waitFor();
    const intro = reader.page.getByRole('link', { name: 'Introduction to the 4-Point Program' });
    await intro.waitFor();
    await reader.page.getByRole('heading', { level: 2, name: pen.points.general }).waitFor();
    await reader.screenshot('library-en-desktop');

    // Point 2 only: the urge publications, not the introduction.
    await reader.page.getByLabel(pen.library.point).selectOption('2');
    await reader.page.getByRole('link', { name: 'Keeping an urge log' }).waitFor();
    expect(await intro.count()).toBe(0);
    expect(new URL(reader.page.url()).search).toBe('?point=2');

    await reader.page.getByRole('link', { name: 'Keeping an urge log' }).click();
    await reader.h1('Keeping an urge log').waitFor();
    await reader.goto('/library/introduction-to-the-4-point-program');
    await reader.h1('Introduction to the 4-Point Program').waitFor();
    const article = reader.page.locator('article.publication');
    await article.getByRole('heading', { level: 2, name: 'The four points' }).waitFor();
    expect(await article.locator('section li').count()).toBeGreaterThanOrEqual(4);
    await article
      .locator('blockquote', { hasText: 'You are the expert on your own life' })
      .waitFor();
    expect(await article.locator('p').count()).toBeGreaterThan(3);
    await reader.page
      .getByRole('link', { name: fill(pen.library.readIn, { language: 'Spanish' }) })
      .waitFor();
    await reader.page.getByRole('button', { name: pen.common.print }).waitFor();
    await reader.screenshot('publication-en-desktop');

    // The print view: no header, navigation or buttons; the text and where it came from.
    await reader.page.emulateMedia({ media: 'print' });
    expect(await reader.page.locator('header.site-header').isVisible()).toBe(false);
    expect(await reader.page.locator('footer.site-footer').isVisible()).toBe(false);
    expect(await reader.page.getByRole('button', { name: pen.common.print }).isVisible()).toBe(
      false,
    );
    expect(await article.isVisible()).toBe(true);
    expect(await reader.page.locator('.print-source').isVisible()).toBe(true);
    await reader.screenshot('publication-en-print');
    await reader.page.emulateMedia({ media: 'screen' });
  });

  it('shows text that looks like HTML as text', async () => {
    const reader = await person();
    await reader.goto('/library/markup-check');
    await reader.h1('Markup stays text').waitFor();
    const article = reader.page.locator('article.publication');
    await article.getByText('<img src="x" onerror="window.__pwned = 1"> is only words.').waitFor();
    await article.getByRole('heading', { name: '<script>window.__pwned = 1</script>' }).waitFor();
    expect(await article.locator('img, script').count()).toBe(0);
    expect(
      await reader.page.evaluate(() => (window as { __pwned?: number }).__pwned),
    ).toBeUndefined();
  });

  it('follows the language of the page, in Spanish and on a phone', async () => {
    const reader = await person(PHONE);
    await reader.goto('/library');
    await reader.page.getByRole('link', { name: 'Introduction to the 4-Point Program' }).waitFor();
    await reader.setLanguage('es');
    await reader.page.getByRole('link', { name: 'Introducción al Programa de 4 Puntos' }).click();
    await reader.h1('Introducción al Programa de 4 Puntos').waitFor();
    expect(await reader.page.locator('div[lang="es"] h1').count()).toBe(1);
    await reader.page.getByRole('button', { name: pes.common.print }).waitFor();
    await reader.screenshot('publication-es-phone');
    await reader.page.emulateMedia({ media: 'print' });
    await reader.screenshot('publication-es-print');
  });
});

describe('tool proposals', () => {
  it('goes from a member’s proposal through an advisor’s review to the board declining it', async () => {
    const proposer = await member(['participant'], 'Robin');
    const page = proposer.browser.page;
    await proposer.browser.signIn(proposer.email, '/proposals');
    await page.getByRole('link', { name: 'Urge surfing' }).waitFor();
    await proposer.browser.screenshot('proposals-en-desktop');
    await page.getByRole('link', { name: pen.proposals.propose }).click();
    await proposer.browser.h1(pen.propose.title).waitFor();
    await page.getByRole('button', { name: pen.propose.submit }).click();
    await page.getByRole('alert').getByText(en.forms.fixFields).waitFor();
    expect(await page.getByLabel(pen.propose.name).getAttribute('aria-invalid')).toBe('true');
    await proposer.browser.screenshot('propose-errors-en-desktop');

    await page.getByLabel(pen.propose.name).fill('Values cards');
    await page.getByLabel(pen.propose.point).selectOption('4');
    await page
      .getByLabel(pen.propose.description)
      .fill('Members sort cards of values to find what matters most to them.');
    await page
      .getByLabel(pen.propose.citation)
      .fill('Miller WR, et al. Personal Values Card Sort. 2001.');
    await page.getByLabel(pen.propose.url).fill('https://example.org/values-card-sort');
    await page.getByRole('button', { name: pen.propose.submit }).click();
    await proposer.browser.h1('Values cards').waitFor();
    await page.getByText(pen.notices.proposalSent).waitFor();
    await page.getByText(pen.proposals.states.submitted, { exact: true }).first().waitFor();
    const proposalUrl = new URL(page.url()).pathname;
    // The proposer may withdraw, but not review or decide.
    await page.getByRole('button', { name: pen.proposal.withdraw }).waitFor();
    expect(await page.getByRole('button', { name: pen.proposal.reviewSend }).count()).toBe(0);

    const advisor = await member(['advisor'], 'Prof. Lee');
    await advisor.browser.signIn(advisor.email, proposalUrl);
    await advisor.browser.h1('Values cards').waitFor();
    await advisor.browser.page
      .getByRole('radio', { name: pen.proposal.recommendOptions.recommend })
      .check();
    await advisor.browser.page
      .getByLabel(pen.proposal.comments)
      .fill('Well supported and easy to run in a meeting.');
    await advisor.browser.page.getByRole('button', { name: pen.proposal.reviewSend }).click();
    await advisor.browser.page.getByText(pen.proposal.reviewDone).waitFor();
    await advisor.browser.page.locator('.review', { hasText: 'Prof. Lee' }).waitFor();
    await advisor.browser.page
      .getByText(pen.proposals.states['under-review'], { exact: true })
      .first()
      .waitFor();

    const admin = await member(['admin'], 'Board Chair');
    await admin.browser.signIn(admin.email, proposalUrl);
    await admin.browser.h1('Values cards').waitFor();
    await admin.browser.page.getByRole('radio', { name: pen.proposal.decisions.declined }).check();
    await admin.browser.page
      .getByLabel(pen.proposal.reason, { exact: true })
      .fill('A similar tool is already part of Point 4.');
    await admin.browser.page.getByRole('button', { name: pen.proposal.decideSend }).click();
    const decision = admin.browser.page.locator('.decision');
    await decision
      .getByText(fill(pen.proposal.decided.declined, { name: 'Board Chair' }))
      .waitFor();
    await decision.getByText('A similar tool is already part of Point 4.').waitFor();
    // Decided: nothing more to do, for anyone.
    expect(
      await admin.browser.page.getByRole('button', { name: pen.proposal.decideSend }).count(),
    ).toBe(0);

    const steps = await admin.browser.page.locator('.timeline li .timeline-what').allTextContents();
    expect(steps).toEqual([
      fill(pen.proposal.steps.submitted, { name: 'Robin' }),
      fill(pen.proposal.steps.reviewed, { name: 'Prof. Lee' }),
      fill(pen.proposal.steps.declined, { name: 'Board Chair' }),
    ]);
    await admin.browser.screenshot('proposal-en-desktop');
    await admin.browser.page.setViewportSize(PHONE);
    await admin.browser.setLanguage('es');
    await admin.browser.page
      .locator('.timeline')
      .getByText(fill(pes.proposal.steps.declined, { name: 'Board Chair' }))
      .waitFor();
    await admin.browser.screenshot('proposal-es-phone');

    await page.reload();
    await page.getByText(pen.proposals.states.declined, { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: pen.proposal.withdraw }).count()).toBe(0);
  });

  it('shows the server’s refusal in words when a step is not possible yet', async () => {
    const admin = await member(['admin'], 'Second Admin');
    admin.browser.expected.push({
      status: 409,
      path: /^\/api\/proposals\/[a-f0-9]{24}\/decision$/,
    });
    await admin.browser.signIn(admin.email, '/proposals?state=submitted');
    await admin.browser.page.getByRole('link', { name: 'A weekly values check-in' }).click();
    await admin.browser.h1('A weekly values check-in').waitFor();
    await admin.browser.page.getByText(pen.proposal.decideAwaiting).waitFor();
    await admin.browser.page.getByRole('radio', { name: pen.proposal.decisions.approved }).check();
    await admin.browser.page.getByLabel(pen.proposal.reason, { exact: true }).fill('Looks good.');
    await admin.browser.page.getByRole('button', { name: pen.proposal.decideSend }).click();
    await admin.browser.page.getByRole('alert').getByText(en.errors.INVALID_TRANSITION).waitFor();
    await admin.browser.setLanguage('es');
    await admin.browser.h1('A weekly values check-in').waitFor();
    await admin.browser.screenshot('proposals-refused-es-desktop');
  });
});

describe('partners and collaboration', () => {
  it('shows a partner with its staff, its own meetings and peer-led ones nearby', async () => {
    const visitor = await person();
    await visitor.goto('/partners');
    await visitor.page.getByRole('link', { name: 'Irwell Bridge Recovery Service' }).click();
    await visitor.h1('Irwell Bridge Recovery Service').waitFor();
    await visitor.page.getByText('Sam (Irwell Bridge)').waitFor();
    await visitor.page.getByText('Family support').waitFor();
    const own = visitor.page.locator('section', {
      hasText: fill(pen.partner.ownMeetings, { name: 'Irwell Bridge Recovery Service' }),
    });
    await own.locator('.meeting-card a[href^="/meetings/"]').first().waitFor();
    const nearby = visitor.page.locator('section', {
      hasText: fill(pen.partner.nearby, { city: 'Manchester' }),
    });
    await nearby.locator('.meeting-card a[href^="/meetings/"]').first().waitFor();
    await visitor.screenshot('partner-en-desktop');
    await visitor.page.setViewportSize(PHONE);
    await visitor.setLanguage('es');
    await visitor.page.getByText(fill(pes.partner.nearby, { city: 'Manchester' })).waitFor();
    await visitor.screenshot('partner-es-phone');
  });

  it('sends the collaboration form without an account and shows that it arrived', async () => {
    const visitor = await person();
    await visitor.goto('/collaborate');
    await visitor.page.getByText(pen.collaborate.keptHowLong).waitFor();
    await visitor.page.getByRole('button', { name: pen.collaborate.send }).click();
    await visitor.page.getByRole('alert').getByText(en.forms.fixFields).waitFor();
    await visitor.screenshot('collaborate-errors-en-desktop');
    await visitor.page.getByRole('radio', { name: pen.collaborate.kinds['policy-maker'] }).check();
    await visitor.page.getByLabel(pen.collaborate.name).fill('Jo Rivera');
    await visitor.page.getByLabel(pen.collaborate.email).fill('jo.rivera@example.org');
    await visitor.page.getByLabel(pen.collaborate.organisation).fill('City Health Board');
    await visitor.page
      .getByLabel(pen.collaborate.message)
      .fill('We would like to talk about meetings in our clinics.');
    await visitor.page.getByRole('button', { name: pen.collaborate.send }).click();
    await visitor.page.getByRole('status').getByText(pen.collaborate.sentTitle).waitFor();
    await visitor.screenshot('collaborate-sent-en-desktop');

    const admin = await member(['admin'], 'Enquiry Admin');
    await admin.browser.signIn(admin.email, '/collaborate/enquiries?status=new');
    const card = admin.browser.page.locator('article.enquiry', { hasText: 'Jo Rivera' });
    await card.getByText('jo.rivera@example.org').waitFor();
    await card.getByText(pen.enquiries.answer).click();
    await card.getByLabel(pen.enquiries.reply).fill('Thank you, Jo. We have written to you.');
    await card.getByRole('button', { name: pen.enquiries.save }).click();
    await card.getByText(pen.enquiries.saved).waitFor();
    await card
      .getByText(
        fill(pen.enquiries.replied, { name: 'Enquiry Admin', date: '' })
          .trim()
          .split(' on')[0] as string,
      )
      .waitFor();
    await admin.browser.screenshot('enquiries-en-desktop');
  });

  it('met no unexpected console errors on any page', () => {
    expect(people.flatMap((p) => p.problems)).toEqual([]);
  });
});
