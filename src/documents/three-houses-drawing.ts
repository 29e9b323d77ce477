import { drawArtifact, type PdfDoc } from './tagged-pdf';

/** Signs of Safety's three houses, as the child's letter draws them. */
export type HouseKind = 'good-things' | 'worries' | 'dreams';

/** Width and height of a drawn house, in points. */
export const HOUSE_SIZE = 72;

const COLOURS: Record<HouseKind, { readonly wall: string; readonly roof: string }> = {
  'good-things': { wall: '#d8f3dc', roof: '#2d6a4f' },
  worries: { wall: '#ffe8d6', roof: '#bc4749' },
  dreams: { wall: '#e0e7ff', roof: '#3a0ca3' },
};

/**
 * A simple house (walls, roof, door, window) with a small sign of its kind: a sun for good things, a
 * cloud for worries, a star for dreams. Pure decoration: its meaning is in the tagged heading beside it.
 */
export function drawHouse(doc: PdfDoc, kind: HouseKind, x: number, y: number): void {
  const { wall, roof } = COLOURS[kind];
  const s = HOUSE_SIZE;
  drawArtifact(doc, () => {
    const roofHeight = s * 0.4;
    doc.lineWidth(2).strokeColor(roof);
    doc.rect(x + s * 0.1, y + roofHeight, s * 0.8, s * 0.6).fillAndStroke(wall, roof);
    doc
      .polygon([x, y + roofHeight], [x + s / 2, y], [x + s, y + roofHeight])
      .fillAndStroke(roof, roof);
    doc.rect(x + s * 0.42, y + s * 0.72, s * 0.16, s * 0.28).fill(roof);
    doc.rect(x + s * 0.2, y + s * 0.52, s * 0.14, s * 0.14).fillAndStroke('#ffffff', roof);
    doc.rect(x + s * 0.66, y + s * 0.52, s * 0.14, s * 0.14).fillAndStroke('#ffffff', roof);
    const cx = x + s / 2;
    const cy = y + roofHeight * 0.62;
    if (kind === 'good-things') {
      doc.circle(cx, cy, s * 0.07).fill('#ffd60a');
    } else if (kind === 'worries') {
      doc.circle(cx - s * 0.05, cy, s * 0.05).circle(cx + s * 0.04, cy - s * 0.02, s * 0.06).fill('#ffffff');
    } else {
      doc.polygon(...starPoints(cx, cy, s * 0.09, s * 0.04)).fill('#ffd60a');
    }
  });
}

function starPoints(cx: number, cy: number, outer: number, inner: number): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i += 1) {
    const r = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  return points;
}
