import type { LineageArrow } from './lineage';

/** Sizes on screen, in CSS pixels, whatever the zoom. */
const LINE_PX = 2;
const HEAD_PX = 9;

/**
 * The path's arrows on the far view's canvas, whose transform is the flow's: the same curves the
 * close-up overlay draws (LineageOverlay.tsx), without their numbers, which would be unreadable
 * out there; the fading says which way it went.
 */
export function paintLineage(
  context: CanvasRenderingContext2D,
  arrows: readonly LineageArrow[],
  zoom: number,
  color: string,
): void {
  if (arrows.length === 0) return;
  context.strokeStyle = color;
  context.fillStyle = color;
  context.lineWidth = LINE_PX / zoom;
  const head = HEAD_PX / zoom;
  for (const { from, control, to, opacity } of arrows) {
    context.globalAlpha = opacity;
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.quadraticCurveTo(control.x, control.y, to.x, to.y);
    context.stroke();
    // The head points along the curve's last tangent: from the control point to the end.
    const angle = Math.atan2(to.y - control.y, to.x - control.x);
    context.beginPath();
    context.moveTo(to.x, to.y);
    context.lineTo(to.x - head * Math.cos(angle - 0.45), to.y - head * Math.sin(angle - 0.45));
    context.lineTo(to.x - head * Math.cos(angle + 0.45), to.y - head * Math.sin(angle + 0.45));
    context.closePath();
    context.fill();
  }
  context.globalAlpha = 1;
}
