import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import aen from '../../../client/src/features/attendance/locales/en.json' with { type: 'json' };
import aes from '../../../client/src/features/attendance/locales/es.json' with { type: 'json' };
import { buildSlipPdf } from '../../../client/src/features/attendance/pdf.ts';
import { qrMatrix, qrRuns } from '../../../client/src/features/attendance/qr.ts';
import {
  readStatement,
  slipFromAddress,
  slipFromPasted,
  slipPagePath,
  verificationLink,
} from '../../../client/src/features/attendance/slip.ts';
import { SlipSigner } from '../../../server/meetings/attendance-slips/signer.ts';

const signer = SlipSigner.ephemeral();
const slip = signer.issue({
  meetingTitle: 'Reunión de los martes',
  meetingType: 'specialised',
  date: '2030-05-07',
  minutes: 61,
  name: 'Íñigo Muñoz',
});

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('attendance slips in the client', () => {
  it('has every English string in Spanish too', () => {
    expect(keys(aes).sort()).toEqual(keys(aen).sort());
  });

  it('finds the slip in the fragment, the query or a pasted link', () => {
    expect(slipFromAddress('', `#slip=${slip}`)).toBe(slip);
    expect(slipFromAddress('', `#${slip}`)).toBe(slip);
    expect(slipFromAddress(`?slip=${slip}`, '')).toBe(slip);
    expect(slipFromAddress('', '#nonsense')).toBeNull();
    expect(slipFromPasted(`  ${slip}\n`)).toBe(slip);
    expect(slipFromPasted(verificationLink('https://haven.example', slip))).toBe(slip);
    expect(slipFromPasted('hello')).toBeNull();
    expect(slipPagePath(slip)).toBe(`/attendance/slip#${slip}`);
  });

  it('reads what a slip states, accents included, without a server', () => {
    expect(readStatement(slip)).toMatchObject({
      name: 'Íñigo Muñoz',
      meetingTitle: 'Reunión de los martes',
      minutes: 61,
      meetingType: 'specialised',
    });
    expect(readStatement('a.bm90IGpzb24.c')).toBeNull();
  });

  it('draws a scannable-size QR code of the verification link', () => {
    const matrix = qrMatrix(verificationLink('https://haven.example.org', slip));
    expect(matrix.size).toBeGreaterThanOrEqual(21);
    expect(matrix.size).toBeLessThanOrEqual(117);
    // The top finder patterns are runs of 7 dark modules at both ends of the first row (the
    // data between them is random, so it may hold a run of 7 too).
    const firstRow = qrRuns(matrix).filter((run) => run.y === 0);
    expect(firstRow).toContainEqual(expect.objectContaining({ x: 0, width: 7 }));
    expect(firstRow).toContainEqual(expect.objectContaining({ x: matrix.size - 7, width: 7 }));
  });

  it('makes a one-page PDF holding the slip', async () => {
    const link = verificationLink('https://haven.example.org', slip);
    const bytes = await buildSlipPdf({
      heading: aen.slip.heading,
      declaration: aen.slip.declaration,
      rows: [
        [aen.statement.name, 'Íñigo Muñoz'],
        [aen.statement.minutes, '61 minutes'],
      ],
      verifyAt: aen.slip.verifyAt,
      link,
      qr: qrMatrix(link),
    });
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const loaded = await PDFDocument.load(bytes);
    expect(loaded.getPageCount()).toBe(1);
    expect(loaded.getTitle()).toBe(aen.slip.heading);
  });

  it('refuses (so the page can offer printing) a name the PDF fonts cannot write', async () => {
    const link = verificationLink('https://haven.example.org', slip);
    await expect(
      buildSlipPdf({
        heading: 'h',
        declaration: 'd',
        rows: [['Name', 'Анна Петрова']],
        verifyAt: 'v',
        link,
        qr: qrMatrix(link),
      }),
    ).rejects.toThrow();
  });
});
