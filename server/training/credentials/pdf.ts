import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';

/** The words on a certificate; English, since the PDF is made on the server for any reader. */
export interface CertificatePdfContent {
  name: string;
  courseTitle: string;
  trackLabel: string;
  issuedOn: string;
  code: string;
  verifyUrl: string;
}

// A4 landscape, as certificates are usually printed.
const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = 64;

/**
 * pdf-lib's standard fonts write WinAnsi (Latin-1) only. A name or title in another script
 * would make drawText throw, so those characters become "?" in the PDF; the printable page
 * (rendered by the browser) shows every script, and the verification page is the authority.
 */
function winAnsi(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  return [...text].map((char) => (supported.has(char.codePointAt(0) ?? 0) ? char : '?')).join('');
}

/** Horizontal runs of dark modules, one rectangle each (as the attendance slip's PDF draws). */
function qrRuns(text: string): { size: number; runs: Array<{ x: number; y: number; w: number }> } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const runs: Array<{ x: number; y: number; w: number }> = [];
  for (let y = 0; y < modules.size; y++) {
    let x = 0;
    while (x < modules.size) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < modules.size && modules.get(y, x)) x++;
      runs.push({ x: start, y, w: x - start });
    }
  }
  return { size: modules.size, runs };
}

/**
 * A one-page certificate with its verification code in words and as a QR code pointing at
 * the public verification page. The code is also the document's subject, so a reader that
 * lists properties shows it.
 */
export async function certificatePdf(content: CertificatePdfContent): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Certificate: ${content.courseTitle}`);
  pdf.setSubject(`Verification code ${content.code}`);
  pdf.setCreator('Haven');
  pdf.setProducer('Haven');
  const page = pdf.addPage([PAGE.width, PAGE.height]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const black = rgb(0, 0, 0);
  const grey = rgb(0.35, 0.35, 0.35);

  page.drawRectangle({
    x: MARGIN / 2,
    y: MARGIN / 2,
    width: PAGE.width - MARGIN,
    height: PAGE.height - MARGIN,
    borderColor: grey,
    borderWidth: 2,
  });
  const centred = (text: string, y: number, size: number, font: PDFFont, color = black) => {
    const line = winAnsi(text, font);
    // Long titles shrink to fit rather than run off the page.
    let fitted = size;
    while (fitted > 8 && font.widthOfTextAtSize(line, fitted) > PAGE.width - 2 * MARGIN)
      fitted -= 1;
    const width = font.widthOfTextAtSize(line, fitted);
    page.drawText(line, { x: (PAGE.width - width) / 2, y, size: fitted, font, color });
  };

  centred('Certificate of completion', PAGE.height - 130, 30, bold);
  centred('This certifies that', PAGE.height - 185, 14, regular, grey);
  centred(content.name, PAGE.height - 230, 28, bold);
  centred('has completed the course', PAGE.height - 270, 14, regular, grey);
  centred(content.courseTitle, PAGE.height - 310, 22, bold);
  centred(`${content.trackLabel} - ${content.issuedOn}`, PAGE.height - 345, 14, regular);

  const qr = qrRuns(content.verifyUrl);
  const moduleSize = 96 / qr.size;
  const qrLeft = MARGIN;
  const qrTop = MARGIN + 110;
  for (const run of qr.runs) {
    page.drawRectangle({
      x: qrLeft + run.x * moduleSize,
      y: qrTop - (run.y + 1) * moduleSize,
      width: run.w * moduleSize,
      height: moduleSize,
      color: black,
    });
  }
  const textLeft = qrLeft + 96 + 24;
  page.drawText(`Verification code: ${content.code}`, {
    x: textLeft,
    y: qrTop - 30,
    size: 12,
    font: bold,
    color: black,
  });
  page.drawText(winAnsi(`Check it at ${content.verifyUrl}`, regular), {
    x: textLeft,
    y: qrTop - 50,
    size: 9,
    font: regular,
    color: grey,
  });
  return pdf.save();
}
