/**
 * Builders for the three outcomes, so every refusal carries the rule, the field and a reason worded
 * the same way (R2: kind, form, media; R3: field and what is wrong).
 */

import { addressOf, formLabel, KIND_LABEL } from './labels';
import { describeMedia } from './media-class';
import type { MediaContext, Resource, ResourceForm, ResourceKind, ResourceParse } from './types';

export function accepted(fields: Omit<Resource, 'address'>): ResourceParse {
  return { ok: true, resource: { ...fields, address: addressOf(fields) } };
}

/** R2. `hint` says what to write instead. */
export function notSupported(
  kind: ResourceKind,
  form: ResourceForm,
  field: string,
  ctx: MediaContext,
  hint: string,
): ResourceParse {
  const reason = `${KIND_LABEL[kind]} given as ${formLabel(form)} is not supported for ${describeMedia(ctx)}; ${hint}`;
  return { ok: false, error: { rule: 'R2', field, kind, form, media: ctx.media, reason } };
}

/** R3. `kind` is set when the value was recognised as some kind before it turned out malformed. */
export function malformed(
  field: string,
  form: ResourceForm,
  ctx: MediaContext,
  reason: string,
  kind?: ResourceKind,
): ResourceParse {
  const error = { rule: 'R3' as const, field, form, media: ctx.media, reason };
  return { ok: false, error: kind ? { ...error, kind } : error };
}
