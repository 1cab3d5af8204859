/**
 * The fixed vocabularies of spec R, in one place so reasons can list them and tests can walk them.
 */

/** `type` codes an object may carry (table column "object form"). Case-sensitive, as in ORS. */
export const OBJECT_TYPES = ['A', 'AP', 'GA', 'GP', 'Q', 'RP', 'DN', 'IQ', 'WB'] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

/** The DN row's optional `type` values. */
export const DN_TYPES = ['Q', 'RP', 'DN'] as const;

/** Whose workbin: agent, place, agent group, place group. */
export const WB_TYPES = ['A', 'AP', 'GA', 'GP'] as const;

/**
 * TYPE codes of a target format address `target@switch.TYPE` ([choice]: the object codes; a code
 * routing may return that is not listed here is refused with the list, and is added here).
 */
export const TARGET_TYPES = OBJECT_TYPES;

/** R4: values that only mean something for an e-mail (they point at the e-mail's own addresses). */
export const EMAIL_SPECIALS = ['_origin', '_origin.all', '_udata', '_customerview'] as const;

export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

export function listCodes(list: readonly string[]): string {
  return list.join(', ');
}
