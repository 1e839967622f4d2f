import { useMemo } from 'react';
import { qrMatrix, qrSvgPath } from './qr.ts';

/** The QR code as an SVG drawn from the matrix (a quiet zone of 4 modules, as the standard asks). */
export function QrCode({ text, label }: { text: string; label: string }) {
  const matrix = useMemo(() => qrMatrix(text), [text]);
  const size = matrix.size + 8;
  return (
    <svg
      className="slip-qr"
      role="img"
      aria-label={label}
      viewBox={`-4 -4 ${size} ${size}`}
      shapeRendering="crispEdges"
    >
      <rect x={-4} y={-4} width={size} height={size} fill="#fff" />
      <path d={qrSvgPath(matrix)} fill="#000" />
    </svg>
  );
}
