import type { z } from 'zod';
import { type Command, commandSchema, VERBS } from './commands';
import type { CommandError } from './errors';

export type Validation = { ok: true; command: Command } | { ok: false; error: CommandError };

/**
 * E1 at the boundary: turns any input into a typed command, or into one `badcommand` error that
 * names the field and the reason. Never throws, whatever the input.
 */
export function validateCommand(input: unknown): Validation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return bad('command', `must be a JSON object, got ${typeName(input)}`);
  }
  const verb = (input as { verb?: unknown }).verb;
  if (typeof verb !== 'string') return bad('verb', `is required and must be a string, got ${typeName(verb)}`);
  if (!(VERBS as readonly string[]).includes(verb)) {
    return bad('verb', `unknown verb '${clip(verb)}'; expected one of ${VERBS.join(', ')}`, verb);
  }
  const parsed = commandSchema.safeParse(input);
  if (parsed.success) return { ok: true, command: parsed.data };
  return { ok: false, error: fromIssue(parsed.error.issues[0], verb) };
}

function fromIssue(issue: z.core.$ZodIssue | undefined, verb: string): CommandError {
  if (issue === undefined) return { code: 'badcommand', field: 'command', reason: 'is not valid', verb };
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const field = path === '' ? key : `${path}.${key}`;
    return { code: 'badcommand', field: clip(field), reason: `is not a field of ${verb}`, verb };
  }
  return { code: 'badcommand', field: path === '' ? 'command' : clip(path), reason: issue.message, verb };
}

function bad(field: string, reason: string, verb?: string): Validation {
  return {
    ok: false,
    error:
      verb === undefined
        ? { code: 'badcommand', field, reason }
        : { code: 'badcommand', field, reason, verb },
  };
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** Echoing input back is useful, echoing a megabyte of it is not. */
function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
