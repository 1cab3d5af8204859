/**
 * A query that does not parse: where (offset and length in the query's text, in UTF-16 units as
 * a string indexes them) and what was expected there. Length is at least 1, so a box can mark it.
 */
export class QuerySyntaxError extends Error {
  override readonly name = 'QuerySyntaxError';

  constructor(
    message: string,
    readonly offset: number,
    readonly length: number,
  ) {
    super(message);
  }
}
