import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHaven } from '../helpers/haven.ts';
import { onceMeetingAt } from '../server/meetings/directory/fixtures.ts';
import { axeViolations, fitsWidth, signedInPage, startE2e, tabTo } from './helpers.ts';

/**
 * The live pages as people use them: a facilitator on a desktop in English and a
 * participant on a phone in Spanish, each moving through join, waiting room, room, chat and
 * the end of the meeting with the keyboard only, every screen checked with axe-core
 * (WCAG 2.1 A and AA) and, on the phone, for sideways scrolling.
 */
let haven: TestHaven;
let browser: Browser;
let meetingId: string;
let fran: Page;
let ana: Page;

beforeAll(async () => {
  ({ haven, browser } = await startE2e());
  const host = await signedInPage(haven, browser, ['facilitator'], 'Fran');
  const created = await host.client.client.post('/api/meetings', onceMeetingAt(-5));
  if (created.status !== 201) throw new Error(`create failed: ${created.text}`);
  meetingId = created.body.meeting.id;
  fran = host.page;
  ana = (
    await signedInPage(haven, browser, ['participant'], 'Ana', { phone: true, language: 'es' })
  ).page;
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

/** Ticks the agreement with Space and joins with Enter, never touching the mouse. */
async function joinByKeyboard(page: Page, agreement: RegExp, join: string): Promise<void> {
  await page.goto(`${haven.url}/meetings/${meetingId}/live`);
  const box = page.getByRole('checkbox', { name: agreement });
  await tabTo(page, box);
  await page.keyboard.press('Space');
  expect(await box.isChecked()).toBe(true);
  await tabTo(page, page.getByRole('button', { name: join }));
  await page.keyboard.press('Enter');
}

describe('the live pages, by keyboard, in English and Spanish, on desktop and phone', () => {
  it('opens the room for the facilitator, and the room is axe-clean', async () => {
    await joinByKeyboard(fran, /keep who I see and what I hear/, 'Join the meeting');
    await fran.getByRole('navigation', { name: 'Meeting controls' }).waitFor();
    expect(await axeViolations(fran)).toEqual([]);
  });

  it('shows the join page in Spanish on a phone, fitting its width and axe-clean', async () => {
    await ana.goto(`${haven.url}/meetings/${meetingId}/live`);
    await ana.getByRole('button', { name: 'Entrar en la reunión' }).waitFor();
    await ana.getByRole('textbox', { name: 'Tu nombre en esta reunión' }).waitFor();
    expect(await fitsWidth(ana)).toBe(true);
    expect(await axeViolations(ana)).toEqual([]);
  });

  it('puts the participant in a Spanish waiting room, axe-clean and fitting the phone', async () => {
    await joinByKeyboard(ana, /Mantendré en confidencialidad/, 'Entrar en la reunión');
    await ana.getByText('Estás en la sala de espera').waitFor();
    expect(await fitsWidth(ana)).toBe(true);
    expect(await axeViolations(ana)).toEqual([]);
  });

  it('lets the facilitator open People and admit by keyboard, with the panel axe-clean', async () => {
    await tabTo(fran, fran.getByRole('button', { name: /^People/ }));
    await fran.keyboard.press('Enter');
    const admit = fran.getByRole('button', { name: 'Let in Ana' });
    await admit.waitFor();
    expect(await axeViolations(fran)).toEqual([]);
    await tabTo(fran, admit);
    await fran.keyboard.press('Enter');
    await ana.getByRole('navigation', { name: 'Controles de la reunión' }).waitFor();
  });

  it('shows the participant the room on the phone, controls in view, axe-clean', async () => {
    const controls = ana.getByRole('navigation', { name: 'Controles de la reunión' });
    const box = await controls.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(844);
    expect(await fitsWidth(ana)).toBe(true);
    expect(await axeViolations(ana)).toEqual([]);
  });

  it('sends a chat message from the phone by keyboard, and the facilitator reads it', async () => {
    await tabTo(ana, ana.getByRole('button', { name: 'Chat', exact: true }));
    await ana.keyboard.press('Enter');
    const message = ana.getByRole('textbox', { name: 'Mensaje' });
    await tabTo(ana, message);
    await ana.keyboard.type('Hola a todos');
    await ana.keyboard.press('Enter');
    await tabTo(fran, fran.getByRole('button', { name: 'Chat', exact: true }));
    await fran.keyboard.press('Enter');
    await fran.getByText('Hola a todos').waitFor();
    expect(await fitsWidth(ana)).toBe(true);
    expect(await axeViolations(ana)).toEqual([]);
    expect(await axeViolations(fran)).toEqual([]);
  });

  it('follows the agenda on the phone, and the facilitator starts it by keyboard', async () => {
    await tabTo(fran, fran.getByRole('button', { name: 'Start', exact: true }));
    await fran.keyboard.press('Enter');
    await fran.getByText(/left$/).first().waitFor();
    // Ana's phone counts down the same segment, in Spanish.
    await ana.getByText(/^quedan \d+:\d\d$/).waitFor();
    expect(await ana.getByText('Bienvenida').count()).toBeGreaterThan(0);
    expect(await fitsWidth(ana)).toBe(true);
    expect(await axeViolations(ana)).toEqual([]);
  });

  it('runs a check-in round: the participant is told it is their turn and passes by keyboard', async () => {
    await tabTo(fran, fran.getByRole('button', { name: 'Next segment' }));
    await fran.keyboard.press('Enter');
    const start = fran.getByRole('button', { name: 'Start round (in order of arrival)' });
    await start.waitFor();
    expect(await axeViolations(fran)).toEqual([]);
    await tabTo(fran, start);
    await fran.keyboard.press('Enter');
    await ana.getByText('Fran está en su turno').first().waitFor();
    await tabTo(fran, fran.getByRole('button', { name: 'Next speaker' }));
    await fran.keyboard.press('Enter');
    await ana
      .getByText(/^Es tu turno/)
      .first()
      .waitFor();
    expect(await fitsWidth(ana)).toBe(true);
    expect(await axeViolations(ana)).toEqual([]);
    await tabTo(ana, ana.getByRole('button', { name: 'Pasar' }));
    await ana.keyboard.press('Enter');
    // Ana was the last: the round is over, and the facilitator may start another.
    await start.waitFor();
    // Arranged by hand, Ana first, with three minutes each.
    await tabTo(fran, fran.locator('summary', { hasText: 'Arrange the order by hand' }));
    await fran.keyboard.press('Enter');
    await tabTo(fran, fran.getByRole('button', { name: 'Move Ana earlier' }));
    await fran.keyboard.press('Enter');
    await fran.getByRole('combobox', { name: 'Minutes per person' }).selectOption('3');
    expect(await axeViolations(fran)).toEqual([]);
    await tabTo(fran, fran.getByRole('button', { name: 'Start round in this order' }));
    await fran.keyboard.press('Enter');
    await ana
      .getByText(/^Es tu turno/)
      .first()
      .waitFor();
    await ana
      .getByText(/^quedan 3:00$|^quedan 2:5\d$/)
      .first()
      .waitFor();
    // Ana is not ready: skipped, she will be asked again after Fran.
    await tabTo(fran, fran.getByRole('button', { name: 'Skip (ask again after the others)' }));
    await fran.keyboard.press('Enter');
    await ana.getByText('Fran está en su turno').first().waitFor();
    await tabTo(fran, fran.getByRole('button', { name: 'End round' }));
    await fran.keyboard.press('Enter');
    await start.waitFor();
  });

  it('asks a facilitator for help from the phone by keyboard, and sees it was seen', async () => {
    await tabTo(ana, ana.getByRole('button', { name: 'Ayuda', exact: true }));
    await ana.keyboard.press('Enter');
    const words = ana.getByRole('textbox', { name: 'Unas palabras (opcional)' });
    await tabTo(ana, words);
    await ana.keyboard.type('Necesito hablar con alguien');
    await tabTo(ana, ana.getByRole('button', { name: 'Avisar a una persona facilitadora' }));
    await ana.keyboard.press('Enter');
    await fran.getByText('Ana needs help').waitFor();
    await fran.getByText('Necesito hablar con alguien').waitFor();
    expect(await axeViolations(fran)).toEqual([]);
    await tabTo(
      fran,
      fran.getByRole('button', { name: 'Seen: tell Ana a facilitator has seen it' }),
    );
    await fran.keyboard.press('Enter');
    await ana.getByText('Una persona facilitadora ha visto tu mensaje.').waitFor();
    await fran.getByText('Ana needs help').waitFor({ state: 'detached' });
    expect(await fitsWidth(ana)).toBe(true);
    expect(await axeViolations(ana)).toEqual([]);
  });

  it('pauses everything and resumes by keyboard, and the participant is told each time', async () => {
    await tabTo(fran, fran.getByRole('button', { name: 'Pause everything' }));
    await fran.keyboard.press('Enter');
    const paused = ana.getByText(/ha pausado la reunión/);
    await paused.waitFor();
    expect(await axeViolations(ana)).toEqual([]);
    expect(await axeViolations(fran)).toEqual([]);
    await tabTo(fran, fran.getByRole('button', { name: 'Resume' }));
    await fran.keyboard.press('Enter');
    await paused.waitFor({ state: 'detached' });
  });

  it('runs breakout rooms by keyboard: into a room, a message to every room, a visit and back', async () => {
    await tabTo(fran, fran.getByRole('button', { name: 'Rooms', exact: true }));
    await fran.keyboard.press('Enter');
    // Tab reaches the chosen radio button; an arrow key chooses the other.
    await tabTo(fran, fran.getByRole('radio', { name: /^Spread participants at random/ }));
    await fran.keyboard.press('ArrowDown');
    expect(
      await fran.getByRole('radio', { name: 'Choose a room for each person' }).isChecked(),
    ).toBe(true);
    const anaRoom = fran.getByRole('combobox', { name: 'Ana', exact: true });
    await tabTo(fran, anaRoom);
    await anaRoom.selectOption({ label: 'Room 1' });
    expect(await axeViolations(fran)).toEqual([]);
    await tabTo(fran, fran.getByRole('button', { name: 'Open breakout rooms' }));
    await fran.keyboard.press('Enter');

    // Ana is in room 1, alone: the facilitator's tile is left in the main room.
    await ana.getByText('Estás en la sala 1').first().waitFor();
    await ana.getByText(/^Todos vuelven en \d+:\d\d$/).waitFor();
    await ana.getByRole('list', { name: '1 persona en la sala 1' }).waitFor();
    expect(await fitsWidth(ana)).toBe(true);
    expect(await axeViolations(ana)).toEqual([]);

    const message = fran.getByRole('textbox', { name: 'Message to every room' });
    await tabTo(fran, message);
    await fran.keyboard.type('Cinco minutos');
    await fran.keyboard.press('Enter');
    await ana.getByText('De las personas facilitadoras: Cinco minutos').waitFor();

    // Fran visits room 1 and Ana sees her there.
    await tabTo(fran, fran.getByRole('button', { name: 'Join room 1' }));
    await fran.keyboard.press('Enter');
    await ana.getByRole('list', { name: '2 personas en la sala 1' }).waitFor();
    expect(await axeViolations(fran)).toEqual([]);
    // Moving someone is chosen, then confirmed: Ana is back in the main room.
    const move = fran.getByRole('combobox', { name: 'Room for Ana' });
    await tabTo(fran, move);
    await move.selectOption({ label: 'Main room' });
    await tabTo(fran, fran.getByRole('button', { name: 'Move' }));
    await fran.keyboard.press('Enter');
    await ana.getByText('Estás en la sala principal', { exact: false }).first().waitFor();
    await tabTo(fran, fran.getByRole('button', { name: 'Close all rooms now' }).first());
    await fran.keyboard.press('Enter');
    await ana.getByText(/Las salas pequeñas se cerraron/).waitFor();
    await ana.getByRole('list', { name: '2 personas en la reunión' }).waitFor();
    expect(await axeViolations(ana)).toEqual([]);
  });

  it('ends the meeting from the keyboard, and the participant sees it ended, in Spanish', async () => {
    await tabTo(fran, fran.getByRole('button', { name: 'End for everyone' }));
    await fran.keyboard.press('Enter');
    const confirm = fran.getByRole('dialog').getByRole('button', { name: 'End the meeting' });
    await tabTo(fran, confirm);
    await fran.keyboard.press('Enter');
    await ana.getByRole('heading', { name: 'La reunión ha terminado' }).waitFor();
    expect(await fitsWidth(ana)).toBe(true);
    expect(await axeViolations(ana)).toEqual([]);
  });

  it('lets the participant rate the meeting on the ended screen by keyboard, anonymously', async () => {
    // A radio group is one Tab stop; arrow keys move within it (and choose).
    await tabTo(ana, ana.getByRole('radio', { name: '1: nada útil' }));
    for (let i = 0; i < 4; i++) await ana.keyboard.press('ArrowDown');
    expect(await ana.getByRole('radio', { name: '5: muy útil' }).isChecked()).toBe(true);
    const safe = ana.getByRole('checkbox', { name: 'Sentirme seguro/a' });
    await tabTo(ana, safe);
    await ana.keyboard.press('Space');
    await tabTo(ana, ana.getByRole('button', { name: 'Enviar opinión' }));
    await ana.keyboard.press('Enter');
    await ana
      .getByText('Gracias. Tu opinión se ha sumado a los totales de esta reunión.')
      .waitFor();
    expect(await fitsWidth(ana)).toBe(true);
    expect(await axeViolations(ana)).toEqual([]);
    const totals = await fran.evaluate(async (id) => {
      const response = await fetch(`/api/meetings/${id}/feedback`);
      return (await response.json()).occurrences[0];
    }, meetingId);
    expect(totals).toMatchObject({ ratings: [0, 0, 0, 0, 1], helped: { safety: 1 } });
    // The facilitator reads the numbers on the meeting's page, and only numbers.
    await fran.goto(`${haven.url}/meetings/${meetingId}`);
    await fran.getByText('1 rating, average 5.0 of 5.').waitFor();
    await fran.getByText('Helped: Feeling safe (1).').waitFor();
    expect(await axeViolations(fran)).toEqual([]);
  });
});
