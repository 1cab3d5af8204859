import {
  ANOMALY_KINDS,
  DEFAULT_LIMITS,
  TriageLimitError,
  type TriageLimits,
  triageLimits,
} from '../../triage';

/**
 * The `triage` parameter: the limits that differ from the defaults, in seconds as the triage list
 * shows them, `kind:seconds` joined by commas (`orphan:5,ping-pong:45`); empty when all are the
 * defaults.
 */
export function triageParamText(limits: TriageLimits): string {
  return ANOMALY_KINDS.filter((kind) => limits[kind] !== DEFAULT_LIMITS[kind])
    .map((kind) => `${kind}:${limits[kind] / 1000}`)
    .join(',');
}

/**
 * The limits a `triage` parameter names, the defaults for the kinds it leaves out. A value that is
 * not `kind:seconds,...` with known kinds, each once, and positive seconds is named in `problems`
 * and refused whole: the defaults apply, not half of a set of limits.
 */
export function readTriageParam(raw: string, problems: string[]): TriageLimits {
  const change: Record<string, unknown> = {};
  const refuse = (why: string) => {
    problems.push(
      `triage must be kind:seconds joined by commas (kinds ${ANOMALY_KINDS.join(', ')}), ${why}; the default limits apply`,
    );
    return DEFAULT_LIMITS;
  };
  for (const part of raw.split(',')) {
    if (part === '') continue;
    const colon = part.indexOf(':');
    const kind = colon < 0 ? part : part.slice(0, colon);
    const seconds = colon < 0 ? '' : part.slice(colon + 1).trim();
    if (Object.hasOwn(change, kind)) return refuse(`got '${kind}' twice`);
    change[kind] = seconds === '' ? Number.NaN : Number(seconds) * 1000;
  }
  try {
    return triageLimits(change);
  } catch (error) {
    if (!(error instanceof TriageLimitError)) throw error;
    const kind = `'${error.kind.slice(0, 40)}'`;
    return refuse(
      ANOMALY_KINDS.some((known) => known === error.kind)
        ? `got a limit for ${kind} that is not a positive number of seconds`
        : `got the unknown kind ${kind}`,
    );
  }
}
