import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { SESSION_COOKIE } from '../../server/accounts/sessions.ts';
import type { ApiClient } from '../helpers/api-client.ts';
import type { TestHaven } from '../helpers/haven.ts';

/** What the training browser tests share: a course, sign-in by cookie, approvals. */

/** A one-item reading course, completed with a single click. */
export const basicsCourse = {
  title: 'Peer support basics',
  modules: [
    {
      key: 'basics',
      title: 'Basics',
      items: [
        { key: 'read', kind: 'reading', title: 'The basics', markdown: '# Basics', minutes: 5 },
      ],
    },
  ],
};

export const ok = async (answer: Promise<{ status: number; text: string }>, status = 200) => {
  const { status: got, text } = await answer;
  expect(got, text).toBe(status);
};

/** `TRAINING_SCREENSHOTS=dir` keeps screenshots. */
export const screenshotTo = async (dir: string | undefined, page: Page, name: string) => {
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
};

/** A browser page signed in as a member the test already made (their own context). */
export async function pageSignedIn(
  browser: Browser,
  haven: TestHaven,
  client: ApiClient,
  phone = false,
): Promise<Page> {
  const context = await browser.newContext(
    phone
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
      : { viewport: { width: 1280, height: 800 } },
  );
  await context.addCookies([
    { name: SESSION_COOKIE, value: client.cookie(SESSION_COOKIE) ?? '', url: haven.url },
  ]);
  return context.newPage();
}

/** A learner's answer, approved by a trainer through the API. */
export async function approveAnswer(trainer: ApiClient, learnerId: string, courseId: string) {
  const queue = await trainer.get(`/api/reviews?courseId=${courseId}&limit=100`);
  const entry = queue.body.items.find(
    (it: { learner: { id: string } }) => it.learner.id === learnerId,
  );
  expect(entry, 'the answer waits in the queue').toBeTruthy();
  await ok(trainer.post(`/api/reviews/${entry.id}`, { decision: 'approved' }));
}
