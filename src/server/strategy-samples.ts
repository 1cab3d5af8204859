import { parseSamples, SAMPLES_MANIFEST, type SamplesManifest } from '../protocol/samples';
import type { StrategyDirectory } from './strategy-directory';

/**
 * The samples manifest of the strategy directory (`samples.json`), or null when it has none (a
 * directory of the user's own strategies). One that does not parse stops the start, naming why.
 */
export function readSamples(directory: StrategyDirectory): SamplesManifest | null {
  const text = directory.read(SAMPLES_MANIFEST);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `strategies: ${SAMPLES_MANIFEST} is not JSON (${error instanceof Error ? error.message : error})`,
    );
  }
  const manifest = parseSamples(json);
  if (!manifest.ok)
    throw new Error(`strategies: ${SAMPLES_MANIFEST}: ${manifest.error.field} ${manifest.error.reason}`);
  return manifest.value;
}
