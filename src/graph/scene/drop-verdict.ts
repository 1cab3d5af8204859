import type { CommandError } from '../../engine';

/**
 * What dropping a dragged interaction at a point would do:
 * - `none`: not over a session (empty space, the Unowned area), or over the session that owns it:
 *   nothing is sent and the chip goes home. Putting a chip back where it was is a cancelled drag,
 *   not a request the engine would refuse (A6, "already owns it").
 * - `target`: over another session: an associate is sent; `refusal` is the engine's own check on
 *   the page's model (null: it would be accepted), shown while hovering.
 */
export type DropVerdict =
  | { readonly kind: 'none' }
  | { readonly kind: 'target'; readonly session: string; readonly refusal: CommandError | null };

/** Nothing under the pointer to drop on. */
export const NO_DROP: DropVerdict = { kind: 'none' };

export function sameVerdict(a: DropVerdict, b: DropVerdict): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'none' || b.kind === 'none') return true;
  return a.session === b.session && a.refusal?.reason === b.refusal?.reason;
}
