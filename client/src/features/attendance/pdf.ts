import { type QrMatrix, qrRuns } from './qr.ts';

/** The words on the PDF, already translated and formatted by the page. */
export interface SlipPdfContent {
  heading: string;
  declaration: string;
  rows: Array<[label: string, value: string]>;
  verifyAt: string;
  link: string;
  qr: QrMatrix;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;

/** Breaks text (the link has no spaces) into lines that fit `width`. */
function wrap(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (measure(line + char) > width && line) {
      const space = line.lastIndexOf(' ');
      if (space > 0 && char !== ' ') {
        lines.push(line.slice(0, space));
        line = line.slice(space + 1) + char;
        continue;
      }
      lines.push(line);
      line = char === ' ' ? '' : char;
      continue;
    }
    line += char;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * An A4 PDF of the slip, made in the browser (the slip never goes to a server). pdf-lib is
 * imported here only, so it loads when someone asks for the PDF. The QR code is drawn as
 * vector rectangles. The standard fonts write Latin-1 (WinAnsi) text only: a name in
 * another script makes this throw, and the page offers printing to PDF instead.
 */
export async function buildSlipPdf(content: SlipPdfContent): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.setTitle(content.heading);
  pdf.setCreator('Haven');
  const page = pdf.addPage([A4.width, A4.height]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = A4.width - 2 * MARGIN;
  let y = A4.height - MARGIN;

  const write = (text: string, size: number, font = regular, gap = 4) => {
    for (const line of wrap(text, width, (s) => font.widthOfTextAtSize(s, size))) {
      y -= size;
      page.drawText(line, { x: MARGIN, y, size, font, color: rgb(0, 0, 0) });
      y -= gap;
    }
  };

  write(content.heading, 22, bold, 12);
  write(content.declaration, 12, regular, 16);
  for (const [label, value] of content.rows) {
    write(label, 10, regular, 2);
    write(value, 14, bold, 10);
  }
  y -= 12;
  write(content.verifyAt, 10, regular, 2);
  write(content.link, 8, regular, 2);

  const moduleSize = Math.min(4, 180 / content.qr.size);
  const qrTop = y - 16;
  for (const run of qrRuns(content.qr)) {
    page.drawRectangle({
      x: MARGIN + run.x * moduleSize,
      y: qrTop - (run.y + 1) * moduleSize,
      width: run.width * moduleSize,
      height: moduleSize,
      color: rgb(0, 0, 0),
    });
  }
  return pdf.save();
}

/** Hands the bytes to the browser as a download. */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
