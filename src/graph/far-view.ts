import { type FarBox, type FarFill, type FarFrame, type FarRing, farBoxes } from './far-paint';

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

/**
 * Paints the far view on a canvas: xyflow-style, a plain object that a thin component mounts
 * (FarCanvas.tsx). It paints on the next animation frame after `invalidate` or a change of
 * viewport, at most once a frame, and on every frame while a chip flies.
 */
export class FarView {
  private readonly palette: Palette;
  private viewport: FarViewport | null = null;
  private request: number | null = null;
  private painted = -1;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly source: FarSource,
  ) {
    this.palette = readPalette(canvas);
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

  destroy(): void {
    if (this.request !== null) cancelAnimationFrame(this.request);
    this.request = null;
  }

  private paint(now: number): void {
    const viewport = this.viewport;
    const context = this.canvas.getContext('2d');
    if (viewport === null || context === null) return;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(viewport.width * ratio);
    const height = Math.round(viewport.height * ratio);
    // Resizing clears the canvas; assigning the same size would too, so only on a change.
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, width, height);
    const frame = this.source.farFrame(now);
    if (frame === null) return;
    const { x, y, zoom } = viewport;
    context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * x, ratio * y);
    const visible = {
      x: -x / zoom,
      y: -y / zoom,
      width: viewport.width / zoom,
      height: viewport.height / zoom,
    };
    const boxes = farBoxes(frame, visible);
    this.draw(context, boxes, zoom);
    this.count(boxes.length);
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

  /** How many boxes are painted, on the canvas element: what a test or the benchmark counts. */
  private count(painted: number): void {
    if (painted === this.painted) return;
    this.painted = painted;
    this.canvas.dataset.painted = String(painted);
  }
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
