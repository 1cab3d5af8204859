/**
 * Shared by the resource tests: the four media contexts of spec R and assertions that unwrap a
 * parse result, so each test states only the input and what it must become.
 */
import { expect } from 'vitest';
import { parseResource } from './index';
import type { MediaContext, Resource, ResourceError, ResourceForm, ResourceInput } from './types';

export const VOICE: MediaContext = { category: 'voice', media: 'TMediaVoice' };
export const SIP_CHAT: MediaContext = { category: 'chat', media: 'TMediaChat' };
/** A multimedia interaction that is not an e-mail. */
export const MM_CHAT: MediaContext = { category: 'msgbased', media: 'TMediaChat' };
export const EMAIL: MediaContext = { category: 'msgbased', media: 'TMediaEMail' };

export const ALL = {
  voice: VOICE,
  'SIP chat': SIP_CHAT,
  'multimedia chat': MM_CHAT,
  'e-mail': EMAIL,
} as const;
export const MULTIMEDIA = { 'multimedia chat': MM_CHAT, 'e-mail': EMAIL } as const;
export const TELEPHONY = { voice: VOICE, 'SIP chat': SIP_CHAT } as const;

export function accept(input: ResourceInput, ctx: MediaContext): Resource {
  const r = parseResource(input, ctx);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(input)} to be accepted, got: ${r.error.reason}`);
  expect(r.resource.address.length).toBeGreaterThan(0);
  return r.resource;
}

export function refuse(input: unknown, ctx: MediaContext): ResourceError {
  const r = parseResource(input as ResourceInput, ctx);
  if (r.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused, got ${r.resource.address}`);
  expect(r.error.reason.length).toBeGreaterThan(0);
  expect(r.error.media).toBe(ctx.media);
  return r.error;
}

/** R2: the reason must name the kind (in words), the form and the media. */
export function expectR2(e: ResourceError, kindWords: string, form: ResourceForm, ctx: MediaContext): void {
  expect(e.rule).toBe('R2');
  expect(e.form).toBe(form);
  expect(e.reason).toContain(kindWords);
  expect(e.reason).toContain(form === 'string' ? 'given as a string' : 'given as an object');
  expect(e.reason).toContain(ctx.media);
  expect(e.reason).toContain('not supported');
}

/** R3: the rule, the field, and the field's name in the reason when it is an object property. */
export function expectR3(e: ResourceError, field: string, form: ResourceForm): void {
  expect(e.rule).toBe('R3');
  expect(e.field).toBe(field);
  expect(e.form).toBe(form);
  if (field !== 'address') expect(e.reason).toContain(field);
}
