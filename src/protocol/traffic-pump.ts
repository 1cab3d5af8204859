import { type Engine, pump, type TrafficGenerator } from '../engine';

/**
 * Drives a traffic generator at a rate in events per second from a coarse timer. The budget
 * carries fractions and overshoot from tick to tick, so 1 event/s and 10,000 events/s both come
 * out right on average; a long pause (a background tab) is not made up in one burst.
 */
export class TrafficPump {
  private timer: ReturnType<typeof setInterval> | null = null;
  private budget = 0;
  private last = 0;

  constructor(
    private readonly tickMs = 50,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get running(): boolean {
    return this.timer !== null;
  }

  start(engine: () => Engine, generator: () => TrafficGenerator, rate: () => number): void {
    if (this.timer !== null) return;
    this.last = this.now();
    this.budget = 0;
    this.timer = setInterval(() => {
      const now = this.now();
      const elapsed = Math.min(now - this.last, 1000);
      this.last = now;
      this.budget += (rate() * elapsed) / 1000;
      if (this.budget >= 1) this.budget -= pump(engine(), generator(), Math.floor(this.budget)).events;
    }, this.tickMs);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
