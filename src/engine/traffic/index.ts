/** Seeded, deterministic contact-center traffic for the live demo and the benchmarks. */
export {
  DEFAULT_TARGET_SESSIONS,
  TrafficGenerator,
  type TrafficOptions,
  type TrafficStats,
} from './generator';
export { type PumpResult, pump } from './pump';
export { Random } from './random';
