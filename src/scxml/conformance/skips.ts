/** Why a W3C test of the package is not run. One table, so the runner and the docs give the same reasons. */
export type SkipReason =
  | 'needs the Basic HTTP Event I/O Processor (optional)'
  | 'manual test: the outcome is read by a person, not from the configuration'
  | 'no event script in the package (the test is manual or needs HTTP)'
  | 'optional: XML content parsed into a DOM in the ECMAScript datamodel (there is no DOM in a worker realm)';

export const SKIPPED: Readonly<Record<string, SkipReason>> = {
  '201': 'needs the Basic HTTP Event I/O Processor (optional)',
  '509': 'needs the Basic HTTP Event I/O Processor (optional)',
  '510': 'needs the Basic HTTP Event I/O Processor (optional)',
  '518': 'needs the Basic HTTP Event I/O Processor (optional)',
  '519': 'needs the Basic HTTP Event I/O Processor (optional)',
  '520': 'needs the Basic HTTP Event I/O Processor (optional)',
  '522': 'needs the Basic HTTP Event I/O Processor (optional)',
  '531': 'needs the Basic HTTP Event I/O Processor (optional)',
  '532': 'needs the Basic HTTP Event I/O Processor (optional)',
  '534': 'needs the Basic HTTP Event I/O Processor (optional)',
  '567': 'needs the Basic HTTP Event I/O Processor (optional)',
  '577': 'needs the Basic HTTP Event I/O Processor (optional)',
  '557':
    'optional: XML content parsed into a DOM in the ECMAScript datamodel (there is no DOM in a worker realm)',
  '561':
    'optional: XML content parsed into a DOM in the ECMAScript datamodel (there is no DOM in a worker realm)',
  '178': 'manual test: the outcome is read by a person, not from the configuration',
  '230': 'manual test: the outcome is read by a person, not from the configuration',
  '250': 'manual test: the outcome is read by a person, not from the configuration',
  '301': 'manual test: the outcome is read by a person, not from the configuration',
  '307': 'manual test: the outcome is read by a person, not from the configuration',
  '313': 'manual test: the outcome is read by a person, not from the configuration',
  '314': 'manual test: the outcome is read by a person, not from the configuration',
  '415': 'manual test: the outcome is read by a person, not from the configuration',
};
