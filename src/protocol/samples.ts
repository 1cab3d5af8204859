import { z } from 'zod';
import type { ActionRegistry } from '../scxml/actions';
import {
  type DocumentResolver,
  registerFakeServices,
  type StrategyResult,
  type StrategyRuntime,
  type StrategySetup,
} from '../strategy';

/**
 * The sample strategies (`public/strategies/`): which queue runs which document, and the
 * long-running sessions they hand work to. The worker fetches the files, the server and the replay
 * read them from disk; all three build their strategies from this one manifest.
 */
export const SAMPLES_MANIFEST = 'samples.json';

/** The fake router's seed for the samples: the same arrivals pick the same targets. */
export const SAMPLES_SEED = 1;

const name = z.string().min(1, 'must not be empty');

const manifestSchema = z
  .object({
    /** Queue → the document an arrival there starts (X10). */
    provisioning: z.record(name, name),
    /** Sessions started once, before any arrival: the agent desk the samples hand work to. */
    sessions: z
      .array(
        z
          .object({
            session: name,
            src: name,
            params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export type SamplesManifest = z.infer<typeof manifestSchema>;

/** The manifest, or why it is not one (naming the field). */
export function parseSamples(input: unknown): StrategyResult<SamplesManifest> {
  const parsed = manifestSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const field = ['manifest', ...(issue?.path ?? []).map(String)].join('.');
  return { ok: false, error: { code: 'badcommand', field, reason: issue?.message ?? 'is not valid' } };
}

/** Every document the manifest names: what a host must be able to read before it starts. */
export function sampleSources(manifest: SamplesManifest): string[] {
  return [...new Set([...Object.values(manifest.provisioning), ...manifest.sessions.map((s) => s.src)])];
}

/** Queue → src, as a host's strategy setup takes it. */
export function samplesProvisioning(manifest: SamplesManifest): ReadonlyMap<string, string> {
  return new Map(Object.entries(manifest.provisioning));
}

/** The strategy setup of a host that runs the samples, with the FAKE services they call. */
export function samplesSetup(
  manifest: SamplesManifest,
  documents: DocumentResolver,
  realms: StrategySetup['realms'],
): StrategySetup {
  return {
    realms,
    documents,
    dialect: 'ors',
    provisioning: samplesProvisioning(manifest),
    catalog: sampleSources(manifest),
    register: (actions: ActionRegistry) => registerFakeServices(actions, { seed: SAMPLES_SEED }),
  };
}

/**
 * Starts the manifest's long-running sessions that the engine does not hold yet; the first that
 * cannot start is the error.
 */
export function startSampleSessions(
  runtime: StrategyRuntime,
  manifest: SamplesManifest,
): StrategyResult<readonly string[]> {
  const started: string[] = [];
  for (const { session, src, params } of manifest.sessions) {
    const result = runtime.start(src, params, { session });
    // A journal restored on a server may hold it already, without its state machine: leave it.
    if (!result.ok && result.error.code === 'duplicate') continue;
    if (!result.ok) return { ok: false, error: { ...result.error, field: `sessions.${session}` } };
    started.push(result.value.session);
  }
  return { ok: true, value: started };
}
