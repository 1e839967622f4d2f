import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAs } from '../helpers/api-client.ts';
import type { TestHaven } from '../helpers/haven.ts';
import { type ItemIds, publishedCourse } from '../server/training/helpers.ts';
import { axeViolations, fitsWidth, signedInPage, startE2e, tabTo } from './helpers.ts';

/**
 * A learner takes a course in the browser: the courses by track, the course's outline with
 * each item's state, and its quiz answered by keyboard, graded by the server with the
 * explanations. A second learner checks the same pages on a phone, in Spanish. Every page
 * passes axe-core. `TRAINING_SCREENSHOTS=dir` keeps screenshots for a person to look at.
 */
let haven: TestHaven;
let browser: Browser;
let trainer: Awaited<ReturnType<typeof signUpAs>>;
let courseId: string;
let items: ItemIds;
let learner: Page;
let phone: Page;
let readingId: string;
let facilitatorCourse: { id: string; items: ItemIds };
const shots = process.env.TRAINING_SCREENSHOTS;

const screenshot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};

beforeAll(async () => {
  ({ haven, browser } = await startE2e());
  trainer = await signUpAs(haven, ['trainer'], { displayName: 'Tess' });
  ({ id: courseId, items } = await publishedCourse(trainer.client));
  const reading = await publishedCourse(trainer.client, {
    title: 'Reading safely',
    modules: [
      {
        key: 'safe',
        title: 'Safe',
        items: [
          {
            key: 'page',
            kind: 'reading',
            title: 'A page',
            minutes: 5,
            markdown:
              '# Waves\n\n<b id="raw-html">raw</b> [a source](https://example.org/source)\n\n<img src="x" onerror="window.__ran=1">',
          },
        ],
      },
    ],
  });
  readingId = reading.items.page as string;
  facilitatorCourse = await publishedCourse(trainer.client, {
    title: 'Leading a meeting',
    track: 'facilitator',
  });
  learner = (await signedInPage(haven, browser, ['participant'], 'Lena')).page;
  phone = (
    await signedInPage(haven, browser, ['participant'], 'Pablo', { phone: true, language: 'es' })
  ).page;
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

describe('a learner in the browser', () => {
  it('finds the course by track with its hours, and opens its outline', async () => {
    await learner.goto(`${haven.url}/training`);
    await learner.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
    await learner.getByRole('heading', { level: 2, name: 'Foundations' }).waitFor();
    await learner.getByText('0 of 0.5 hours done (0%)').first().waitFor();
    expect(await axeViolations(learner)).toEqual([]);

    await tabTo(learner, learner.getByRole('link', { name: 'Coping with urges' }));
    await learner.keyboard.press('Enter');
    await learner.getByRole('heading', { level: 1, name: 'Coping with urges' }).waitFor();
    await learner.getByRole('heading', { level: 2, name: 'Module 1: Urges' }).waitFor();
    expect(await learner.getByText('Not started').count()).toBe(4);
    await learner.getByRole('link', { name: 'Start: Read' }).waitFor();
    expect(await axeViolations(learner)).toEqual([]);
    await screenshot(learner, 'course-desktop');
  });

  it('takes the quiz by keyboard and reads the graded result with explanations', async () => {
    await learner.goto(`${haven.url}/training/items/${items.check}`);
    await learner.getByRole('heading', { level: 1, name: 'Check your understanding' }).waitFor();
    // Nothing says which answers are right before the attempt.
    await expect(learner.getByText(/EXPLAIN-Q/).count()).resolves.toBe(0);
    expect(await axeViolations(learner)).toEqual([]);

    // Question 1, single choice: Tab into the group, the arrow chooses the second option.
    await tabTo(learner, learner.getByRole('radio', { name: 'An order' }));
    await learner.keyboard.press('ArrowDown');
    expect(await learner.getByRole('radio', { name: 'A passing feeling' }).isChecked()).toBe(true);
    // Question 2, multiple choice: Space ticks each box.
    await tabTo(learner, learner.getByRole('checkbox', { name: 'Delay' }));
    await learner.keyboard.press('Space');
    await tabTo(learner, learner.getByRole('checkbox', { name: 'Distract' }));
    await learner.keyboard.press('Space');
    await tabTo(learner, learner.getByRole('button', { name: 'Submit answers' }));
    await screenshot(learner, 'quiz-desktop');
    await learner.keyboard.press('Enter');

    await learner.getByRole('heading', { level: 2, name: 'You passed' }).waitFor();
    await learner.getByText('Your score: 100% (pass mark 100%).').waitFor();
    await learner.getByText('EXPLAIN-Q1: urges rise and fall like waves.').waitFor();
    await learner.getByText('EXPLAIN-Q2: delaying and distracting let the urge pass.').waitFor();
    expect(await learner.getByText('Correct.').count()).toBe(2);
    expect(await axeViolations(learner)).toEqual([]);
    await screenshot(learner, 'quiz-result-desktop');

    await learner.goto(`${haven.url}/training/courses/${courseId}`);
    await learner.getByText('1 of 4 items completed').waitFor();
    await learner.getByRole('link', { name: 'Resume: Read' }).waitFor();
  });

  it('fits a phone, in Spanish, with a wrong answer explained', async () => {
    await phone.goto(`${haven.url}/training/courses/${courseId}`);
    await phone.getByRole('heading', { level: 1, name: 'Coping with urges' }).waitFor();
    await phone.getByRole('link', { name: 'Empezar: Read' }).waitFor();
    expect(await fitsWidth(phone)).toBe(true);
    expect(await axeViolations(phone)).toEqual([]);
    await screenshot(phone, 'course-phone');

    await phone.goto(`${haven.url}/training/items/${items.check}`);
    await phone.getByRole('radio', { name: 'An order' }).check();
    expect(await fitsWidth(phone)).toBe(true);
    await screenshot(phone, 'quiz-phone');
    await phone.getByRole('button', { name: 'Enviar respuestas' }).click();
    await phone.getByRole('heading', { level: 2, name: 'Esta vez no has aprobado' }).waitFor();
    await phone.getByText('EXPLAIN-Q1: urges rise and fall like waves.').waitFor();
    expect(await phone.getByText('No del todo.').count()).toBe(2);
    expect(await fitsWidth(phone)).toBe(true);
    expect(await axeViolations(phone)).toEqual([]);
    await screenshot(phone, 'quiz-result-phone');
  });

  it('renders a reading without its raw HTML, links it safely, and marks it done', async () => {
    await learner.goto(`${haven.url}/training/items/${readingId}`);
    await learner.getByRole('heading', { level: 2, name: 'Waves' }).waitFor();
    expect(await learner.locator('#raw-html').count()).toBe(0);
    expect(await learner.evaluate(() => '__ran' in window)).toBe(false);
    const link = learner.getByRole('link', { name: 'a source' });
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await link.getAttribute('target')).toBe('_blank');
    await tabTo(learner, learner.getByRole('button', { name: 'Mark as done' }));
    await learner.keyboard.press('Enter');
    await learner.getByText('You have completed this item.').waitFor();
    expect(await axeViolations(learner)).toEqual([]);
  });

  it('plays a video file with its transcript below', async () => {
    await learner.goto(`${haven.url}/training/items/${items.watch}`);
    await learner.getByRole('heading', { level: 2, name: 'Transcript' }).waitFor();
    expect(await learner.locator('video').getAttribute('src')).toBe(
      'https://video.example.org/urges.mp4',
    );
    await learner.getByText('Hello.').waitFor();
    expect(await axeViolations(learner)).toEqual([]);
  });

  it('shows WebVTT captions on the video, in the course language, with the transcript', async () => {
    const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nHola <b>a todos</b>\n';
    const captioned = await publishedCourse(trainer.client, {
      title: 'Con subtítulos',
      language: 'es',
      modules: [
        {
          key: 'm',
          title: 'Vídeo',
          items: [
            {
              key: 'ver',
              kind: 'video',
              title: 'Ver',
              url: 'https://video.example.org/hola.mp4',
              durationSeconds: 60,
              transcript: 'Hola a todos.',
              captionsVtt: vtt,
            },
          ],
        },
      ],
    });
    await learner.goto(`${haven.url}/training/items/${captioned.items.ver}`);
    const track = learner.locator('video track');
    await track.waitFor({ state: 'attached' });
    expect(await track.getAttribute('kind')).toBe('captions');
    // The course's language arrives with the course: the track takes it once it is known.
    await expect.poll(() => track.getAttribute('srclang')).toBe('es');
    expect(await track.getAttribute('label')).toBe('Captions (Spanish)');
    expect(await track.getAttribute('src')).toMatch(/^blob:/);
    // The browser loads the Blob URL (media-src allows blob:) and reads the cue as text.
    await learner.waitForFunction(() => {
      const cue = document.querySelector('video')?.textTracks[0]?.cues?.[0] as VTTCue | undefined;
      return cue?.text === 'Hola <b>a todos</b>';
    });
    await learner.getByText('Hola a todos.').waitFor();
    expect(await axeViolations(learner)).toEqual([]);
  });

  it('plays a video uploaded to Haven: fetched with the session, by ranges, and decoded', async () => {
    // A real WebM, recorded in the browser from a canvas (no video files in the repository).
    const recorded = await learner.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 160;
      canvas.height = 120;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm' });
      const chunks: Blob[] = [];
      recorder.ondataavailable = (event) => chunks.push(event.data);
      const stopped = new Promise((resolve) => {
        recorder.onstop = resolve;
      });
      recorder.start(100);
      for (let frame = 0; frame < 25; frame++) {
        context.fillStyle = frame % 2 ? '#2b6cb0' : '#f6ad55';
        context.fillRect(0, 0, 160, 120);
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
      recorder.stop();
      await stopped;
      const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
      return Array.from(bytes);
    });
    const uploaded = await trainer.client.raw('POST', '/api/training/videos', {
      body: Uint8Array.from(recorded),
      headers: { 'content-type': 'video/webm' },
    });
    expect(uploaded.status, uploaded.bytes.toString()).toBe(201);
    const { url } = uploaded.body.video;
    const hosted = await publishedCourse(trainer.client, {
      title: 'Hosted film',
      modules: [
        {
          key: 'film',
          title: 'Film',
          items: [
            {
              key: 'film',
              kind: 'video',
              title: 'Squares',
              url,
              durationSeconds: 1,
              transcript: 'Blue and orange squares.',
            },
          ],
        },
      ],
    });
    const fetched: number[] = [];
    learner.on('response', (response) => {
      if (response.url().endsWith(url)) fetched.push(response.status());
    });
    await learner.goto(`${haven.url}/training/items/${hosted.items.film}`);
    await learner.getByText('Blue and orange squares.').waitFor();
    expect(await learner.locator('video').getAttribute('src')).toBe(url);
    // The browser read the file's metadata: it came with the session cookie and decoded.
    await learner.waitForFunction(() => {
      const video = document.querySelector('video');
      return Boolean(video && video.readyState >= 1 && video.videoWidth === 160);
    });
    expect(await learner.locator('video').evaluate((video: HTMLVideoElement) => video.error)).toBe(
      null,
    );
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.every((status) => status === 200 || status === 206)).toBe(true);
    expect(await axeViolations(learner)).toEqual([]);
  });

  it('answers the public certificate check without signing in', async () => {
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await visitor.goto(`${haven.url}/certificates/verify/AAAABBBBCCCCDDDD`);
    await visitor.getByRole('heading', { name: 'No valid certificate has this code' }).waitFor();
    expect(await axeViolations(visitor)).toEqual([]);
    await context.close();
  });

  it('sends a written exercise for review and lists its version', async () => {
    await learner.goto(`${haven.url}/training/items/${items.write}`);
    await learner.getByText('Describe an urge.').waitFor();
    await learner.getByRole('textbox', { name: 'Your answer' }).fill('It rose and passed.');
    await learner.getByRole('button', { name: 'Send for review' }).click();
    await learner.getByText('Sent: a trainer will review your answer.').waitFor();
    await learner.getByRole('heading', { level: 2, name: 'Your versions' }).waitFor();
    await learner.getByText('Waiting for review').waitFor();
    await learner.getByRole('textbox', { name: 'Your new version' }).waitFor();
    expect(await axeViolations(learner)).toEqual([]);
    await screenshot(learner, 'exercise-desktop');
  });

  it('lets a trainer review the exercise: changes asked with feedback, a new version approved', async () => {
    const trainer = (await signedInPage(haven, browser, ['trainer'], 'Rita')).page;
    await trainer.goto(`${haven.url}/training`);
    await trainer.getByRole('link', { name: 'Exercises to review' }).click();
    await trainer.getByRole('heading', { level: 1, name: 'Exercises to review' }).waitFor();
    const answer = trainer.getByRole('listitem').filter({ hasText: 'Lena: Write' });
    await answer.getByText('It rose and passed.').waitFor();
    // Sending it back needs words for the learner; the server says so, the page repeats it.
    await answer.getByRole('button', { name: 'Ask for changes' }).click();
    await answer
      .getByRole('status')
      .filter({ hasText: 'Please say what to change before sending the answer back.' })
      .waitFor();
    await answer
      .getByRole('textbox', { name: /^Feedback for the learner/ })
      .fill('Say more about what helped the urge pass.');
    await answer.getByRole('button', { name: 'Ask for changes' }).click();
    await answer.getByRole('status').filter({ hasText: 'Sent back to Lena' }).waitFor();
    expect(await axeViolations(trainer)).toEqual([]);

    await learner.goto(`${haven.url}/training/items/${items.write}`);
    await learner.getByText('Say more about what helped the urge pass.').waitFor();
    await learner.getByText('Changes requested').waitFor();
    await learner
      .getByRole('textbox', { name: 'Your new version' })
      .fill('It rose and passed; calling a friend helped.');
    await learner.getByRole('button', { name: 'Send for review' }).click();
    await learner.getByText('Sent: a trainer will review your answer.').waitFor();

    await trainer.reload();
    const second = trainer.getByRole('listitem').filter({ hasText: 'calling a friend helped' });
    await second.getByText('1 earlier version').waitFor();
    const approve = second.getByRole('button', { name: 'Approve' });
    await tabTo(trainer, approve);
    await trainer.keyboard.press('Enter');
    await second.getByRole('status').filter({ hasText: 'Approved. Lena can see it.' }).waitFor();
    expect(await axeViolations(trainer)).toEqual([]);
    await learner.reload();
    await learner.getByText('A trainer approved your answer. This exercise is done.').waitFor();
  });

  it("shows trainers a course's progress in numbers, naming no learner, on a phone too", async () => {
    const rosa = (await signedInPage(haven, browser, ['trainer'], 'Rosa')).page;
    await rosa.goto(`${haven.url}/training/authoring`);
    await rosa.getByRole('link', { name: 'Progress of “Coping with urges”' }).click();
    await rosa.getByRole('heading', { level: 1, name: 'Progress: Coping with urges' }).waitFor();
    const table = rosa.getByRole('table', { name: /^Items of version 1/ });
    const exercise = table.getByRole('row').filter({ hasText: 'Written exercise' });
    await exercise.getByText('1 approved, 0 waiting for review').waitFor();
    await table.getByRole('rowheader', { name: /Check your understanding/ }).waitFor();
    const text = await rosa.locator('main').innerText();
    for (const name of ['Lena', 'Pablo']) expect(text).not.toContain(name);
    expect(await axeViolations(rosa)).toEqual([]);

    const small = (
      await signedInPage(haven, browser, ['trainer'], 'Tomás', { phone: true, language: 'es' })
    ).page;
    await small.goto(`${haven.url}/training/authoring/${courseId}/progress`);
    await small.getByRole('heading', { level: 1, name: 'Progreso: Coping with urges' }).waitFor();
    await small.getByRole('region', { name: /^Elementos de la versión 1/ }).waitFor();
    expect(await fitsWidth(small)).toBe(true);
    expect(await axeViolations(small)).toEqual([]);
    await screenshot(small, 'course-progress-phone');
  });

  it('lists the certificate the one-item course earned, and verifies it publicly', async () => {
    // Marking "A page" done completed "Reading safely", its only item: a certificate.
    await learner.goto(`${haven.url}/training/certificates`);
    await learner.getByRole('heading', { level: 2, name: 'Reading safely' }).waitFor();
    await learner.getByText('Lena', { exact: true }).waitFor();
    const pdf = learner.getByRole('link', { name: 'Download the PDF of Reading safely' });
    expect(await pdf.getAttribute('href')).toMatch(/^\/api\/certificates\/[A-Z2-7]{16}\/pdf$/);
    expect(await axeViolations(learner)).toEqual([]);
    await screenshot(learner, 'certificates-desktop');

    const verify = await learner
      .getByRole('link', { name: 'Verification page' })
      .getAttribute('href');
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await visitor.goto(`${haven.url}${verify}`);
    await visitor.getByRole('heading', { name: 'This certificate is valid' }).waitFor();
    await visitor.getByText('Lena', { exact: true }).waitFor();
    await visitor.getByText('Reading safely', { exact: true }).waitFor();
    expect(await axeViolations(visitor)).toEqual([]);
    await context.close();
  });

  it('says in words why a track is closed, on the outline and on an item', async () => {
    // Pablo has completed no foundations course, so the facilitator track is closed to him.
    const closed =
      'Este curso pertenece a un itinerario del que aún no formas parte: el itinerario para profesionales es para profesionales y personal de organizaciones colaboradoras, y el de facilitación se abre cuando completas un curso de fundamentos.';
    await phone.goto(`${haven.url}/training/courses/${facilitatorCourse.id}`);
    await phone.getByRole('heading', { level: 1, name: 'Leading a meeting' }).waitFor();
    await phone.getByRole('alert').filter({ hasText: closed }).waitFor();
    expect(await phone.getByRole('link', { name: 'Read', exact: true }).count()).toBe(0);
    expect(await axeViolations(phone)).toEqual([]);
    await phone.goto(`${haven.url}/training/items/${facilitatorCourse.items.check}`);
    await phone.getByRole('alert').filter({ hasText: closed }).waitFor();
    expect(await fitsWidth(phone)).toBe(true);
  });
});
