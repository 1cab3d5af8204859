import type { ResourceInput } from '../../engine';

/**
 * An address typed by a developer: `{...}` is read as a resource object (JSON), anything else is
 * the string form. Spec R decides in the engine whether it is valid for the interaction's media.
 */
export function parseAddress(
  text: string,
): { ok: true; value: ResourceInput } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'address is empty' };
  if (!trimmed.startsWith('{')) return { ok: true, value: trimmed };
  try {
    const value: unknown = JSON.parse(trimmed);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { ok: false, reason: 'address object must be a JSON object' };
    return { ok: true, value: value as ResourceInput };
  } catch {
    return { ok: false, reason: 'address object is not valid JSON' };
  }
}
