import QRCode from 'qrcode';

export interface QrMatrix {
  size: number;
  /** Row-major: dark[row * size + column]. */
  dark: boolean[];
}

/** Medium error correction: a printed slip survives a fold or a smudge. */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const dark: boolean[] = [];
  for (let row = 0; row < modules.size; row++)
    for (let column = 0; column < modules.size; column++)
      dark.push(Boolean(modules.get(row, column)));
  return { size: modules.size, dark };
}

/** Horizontal runs of dark modules, in module units: one rectangle per run, for SVG and PDF alike. */
export function qrRuns(matrix: QrMatrix): Array<{ x: number; y: number; width: number }> {
  const runs: Array<{ x: number; y: number; width: number }> = [];
  for (let y = 0; y < matrix.size; y++) {
    let x = 0;
    while (x < matrix.size) {
      if (!matrix.dark[y * matrix.size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < matrix.size && matrix.dark[y * matrix.size + x]) x++;
      runs.push({ x: start, y, width: x - start });
    }
  }
  return runs;
}

/** One SVG path for the whole code (drawn as React elements, no markup injected). */
export function qrSvgPath(matrix: QrMatrix): string {
  return qrRuns(matrix)
    .map((run) => `M${run.x} ${run.y}h${run.width}v1h-${run.width}z`)
    .join('');
}
