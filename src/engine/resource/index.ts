/**
 * Spec section R, "Addressing resources": turns a resource given as a string or as a resource object
 * into one normalized `Resource`, or into an R2/R3 error that names the field and says why.
 * Pure and total: no DOM, no Node APIs, and it never throws, whatever the input.
 */
import { isMediaName } from '../media';
import { mediaClassOf } from './media-class';
import { parseObject } from './parse-object';
import { parseString } from './parse-string';
import { malformed } from './result';
import { quote } from './text';
import type { MediaContext, ResourceForm, ResourceInput, ResourceParse } from './types';

export { EMAIL_SPECIALS, OBJECT_TYPES, TARGET_TYPES, WB_TYPES } from './codes';
export { MAX_LENGTH } from './text';
export type {
  MediaContext,
  Resource,
  ResourceError,
  ResourceForm,
  ResourceInput,
  ResourceKind,
  ResourceObject,
  ResourceParse,
} from './types';

export function parseResource(input: ResourceInput, ctx: MediaContext): ResourceParse {
  const form = typeof input === 'string' ? 'string' : 'object';
  try {
    return parseChecked(input, ctx, form);
  } catch (e) {
    // Only a hostile value gets here (a throwing getter, a revoked Proxy): refuse it, do not crash.
    const why = e instanceof Error ? quote(String(e.message)) : 'it threw';
    return malformed('address', form, fallbackCtx(ctx), `the resource could not be read: ${why}`);
  }
}

function parseChecked(input: ResourceInput, ctx: MediaContext, form: ResourceForm): ResourceParse {
  // Inputs arrive from scripts and logs, so the static types are not trusted at run time.
  const cls = mediaClassOf(ctx?.category);
  if (!cls) {
    return malformed(
      'category',
      form,
      fallbackCtx(ctx),
      `unknown interaction category ${show(ctx?.category)}`,
    );
  }
  if (typeof ctx.media !== 'string' || !isMediaName(ctx.media)) {
    return malformed('media', form, fallbackCtx(ctx), `unknown interaction media ${show(ctx.media)}`);
  }
  return typeof input === 'string' ? parseString(input, ctx, cls) : parseObject(input, ctx, cls);
}

/**
 * A context an error can carry when the given one is unusable: `media` is required in every error,
 * so an unknown media is reported as voice's rather than as a value outside `MediaName`.
 */
function fallbackCtx(ctx: MediaContext | undefined): MediaContext {
  try {
    const media = ctx?.media;
    const category = mediaClassOf(ctx?.category) ? (ctx as MediaContext).category : 'voice';
    return { category, media: typeof media === 'string' && isMediaName(media) ? media : 'TMediaVoice' };
  } catch {
    return { category: 'voice', media: 'TMediaVoice' };
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? quote(value) : typeof value;
}
