/** Seeded, deterministic contact-center traffic for the live demo and the benchmarks. */
export { TrafficGenerator } from './generator';
export { pump } from './pump';
