import { paintLineage } from '../lineage/paint-lineage';
import type { FarFrame } from '../looks/far-frame';
import type { Rect } from '../scene/layout';
import { type FarBox, type FarFill, type FarRing, farBoxes } from './far-paint';

/** The pane's viewport: React Flow's transform and the pane's size in CSS pixels. */
export interface FarViewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
  readonly width: number;
  readonly height: number;
}

/** What the far view paints from: the graph's controller. */
export interface FarSource {
  farFrame(now: number): FarFrame | null;
  flying(now: number): boolean;
}

interface Paint {
  readonly color: string;
  readonly alpha: number;
}

type Palette = Record<FarFill | FarRing, Paint>;

/** A ring's width on screen, whatever the zoom. */
const RING_PX = 1.5;
/** The overview's margin around the graph, in its own pixels. */
const OVERVIEW_MARGIN = 6;

/**
 * Paints the graph's boxes on a canvas: xyflow-style, a plain object that a thin component mounts.
 * Two of them: the far view itself (FarCanvas.tsx), which shows the pane's viewport and paints on
 * every frame while a chip flies; and the overview (Overview.tsx), which fits the whole graph in
 * its canvas and frames the part the pane shows. Each paints on the next animation frame after
 * `invalidate` or a change of viewport, at most once a frame.
 */
export class FarView {
  private readonly palette: Palette;
  private viewport: FarViewport | null = null;
  /** Where the graph was last painted: the canvas's own transform (the overview's fit). */
  private painted: FarViewport | null = null;
  private request: number | null = null;
  private count = -1;

  /** The overview's size in CSS pixels, fixed by its style: read once, not on every painting. */
  private readonly size: { readonly width: number; readonly height: number };

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly source: FarSource,
    private readonly overview = false,
  ) {
    this.palette = readPalette(canvas);
    this.size = { width: canvas.clientWidth, height: canvas.clientHeight };
  }

  setViewport(viewport: FarViewport): void {
    this.viewport = viewport;
    this.invalidate();
  }

  invalidate(): void {
    if (this.request !== null) return;
    this.request = requestAnimationFrame(() => {
      this.request = null;
      this.paint(performance.now());
    });
  }

  /** Paints at once: a canvas just mounted is painted before the browser shows it empty. */
  paintNow(): void {
    this.cancelFrame();
    this.paint(performance.now());
  }

  destroy(): void {
    this.cancelFrame();
  }

  private cancelFrame(): void {
    if (this.request !== null) cancelAnimationFrame(this.request);
    this.request = null;
  }

  /** The graph's point (flow coordinates) painted at the canvas's pixel (x, y); null before painting. */
  toFlow(x: number, y: number): { x: number; y: number } | null {
    const view = this.painted;
    return view === null ? null : { x: (x - view.x) / view.zoom, y: (y - view.y) / view.zoom };
  }

  private paint(now: number): void {
    const viewport = this.viewport;
    const context = this.canvas.getContext('2d');
    if (viewport === null || context === null) return;
    const frame = this.source.farFrame(now);
    const view = this.overview ? fitted(frame?.scene.bounds, this.size.width, this.size.height) : viewport;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(view.width * ratio);
    const height = Math.round(view.height * ratio);
    // Resizing clears the canvas; assigning the same size would too, so only on a change.
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, width, height);
    this.painted = view;
    if (frame === null) return;
    context.setTransform(ratio * view.zoom, 0, 0, ratio * view.zoom, ratio * view.x, ratio * view.y);
    const shown = visibleArea(viewport);
    const boxes = farBoxes(frame, this.overview ? frame.scene.bounds : shown);
    this.draw(context, boxes, view.zoom);
    if (this.overview) {
      this.use(context, this.palette.selected);
      context.strokeRect(shown.x, shown.y, shown.width, shown.height);
      return;
    }
    paintLineage(context, frame.lineage, view.zoom, this.palette.selected.color);
    this.countPainted(boxes.length, frame.lineage.length);
    if (this.source.flying(now)) this.invalidate();
  }

  /**
   * One path per colour rather than one fill per box. Containers still lie under chips (their
   * colours come first, far-paint.ts); only chips crossing each other in flight may stack in
   * another order than box by box.
   */
  private draw(context: CanvasRenderingContext2D, boxes: readonly FarBox[], zoom: number): void {
    const fills = new Map<FarFill, Path2D>();
    const rings = new Map<FarRing, Path2D>();
    for (const box of boxes) {
      pathOf(fills, box.fill).rect(box.x, box.y, box.width, box.height);
      if (box.ring !== null) pathOf(rings, box.ring).rect(box.x, box.y, box.width, box.height);
    }
    for (const [fill, path] of fills) {
      this.use(context, this.palette[fill]);
      context.fill(path);
    }
    context.lineWidth = RING_PX / zoom;
    for (const [ring, path] of rings) {
      this.use(context, this.palette[ring]);
      context.stroke(path);
    }
    context.globalAlpha = 1;
  }

  private use(context: CanvasRenderingContext2D, paint: Paint): void {
    context.fillStyle = paint.color;
    context.strokeStyle = paint.color;
    context.globalAlpha = paint.alpha;
  }

  /** How many boxes and path arrows the far view paints, on its canvas: what a test or the benchmark counts. */
  private countPainted(count: number, arrows: number): void {
    if (String(arrows) !== this.canvas.dataset.lineage) this.canvas.dataset.lineage = String(arrows);
    if (count === this.count) return;
    this.count = count;
    this.canvas.dataset.painted = String(count);
  }
}

/** The part of the graph (flow coordinates) the pane shows. */
function visibleArea({ x, y, zoom, width, height }: FarViewport): Rect {
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
}

/** The transform that shows all of `bounds` in a canvas of `width` by `height`, centred. */
function fitted(bounds: Rect | undefined, width: number, height: number): FarViewport {
  if (bounds === undefined || bounds.width <= 0 || bounds.height <= 0)
    return { x: 0, y: 0, zoom: 1, width, height };
  const zoom = Math.min(
    (width - 2 * OVERVIEW_MARGIN) / bounds.width,
    (height - 2 * OVERVIEW_MARGIN) / bounds.height,
  );
  return {
    x: (width - bounds.width * zoom) / 2 - bounds.x * zoom,
    y: (height - bounds.height * zoom) / 2 - bounds.y * zoom,
    zoom,
    width,
    height,
  };
}

function pathOf<K>(paths: Map<K, Path2D>, key: K): Path2D {
  let path = paths.get(key);
  if (path === undefined) {
    path = new Path2D();
    paths.set(key, path);
  }
  return path;
}

/** The page's colours (app.css), so that a painted box has its node's colour. */
function readPalette(element: Element): Palette {
  const css = getComputedStyle(element);
  const color = (name: string, alpha = 1): Paint => ({
    color: css.getPropertyValue(name).trim() || 'gray',
    alpha,
  });
  return {
    session: color('--muted', 0.3),
    ended: color('--muted', 0.12),
    unowned: color('--muted', 0.1),
    flash: color('--accent', 0.35),
    'drop-ok': color('--ok', 0.45),
    'drop-refused': color('--bad', 0.45),
    voice: color('--voice'),
    chat: color('--chat'),
    email: color('--email'),
    other: color('--other'),
    selected: color('--accent'),
    highlight: color('--accent'),
  };
}
