/**
 * A QR code drawn on the device as SVG: no image service ever learns which
 * session a class is in. Black on white whatever the colour scheme, with the
 * four-module quiet zone the standard asks for, so phone cameras read it
 * from the back of a classroom.
 */
import { useMemo } from 'react';
import { encode } from 'uqr';

interface Props {
  value: string;
  label: string;
  className?: string;
}

/** One SVG path of unit squares, one per dark module. */
export function qrPath(value: string): { size: number; d: string } {
  const { data, size } = encode(value, { ecc: 'M', border: 4 });
  let d = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { size, d };
}

export function QrCode({ value, label, className }: Props) {
  const { size, d } = useMemo(() => qrPath(value), [value]);
  return (
    <svg
      className={className}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
