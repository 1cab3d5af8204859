/** Where in a document something is: one-based line and column, and which file when it was included. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
  /** The href of an included file (`xi:include`); absent for the document itself. */
  readonly document?: string;
}

const where = (position: SourcePosition) =>
  `${position.document ? `${position.document}, ` : ''}line ${position.line}, column ${position.column}`;

/** A document that is not well-formed XML or not a valid SCXML document; nothing of it is run. */
export class ScxmlDocumentError extends Error {
  constructor(
    readonly position: SourcePosition,
    readonly reason: string,
  ) {
    super(`${where(position)}: ${reason}`);
    this.name = 'ScxmlDocumentError';
  }
}

/** Why an `xi:include` was refused. */
export type IncludeFailure = 'missing' | 'xpointer' | 'cycle' | 'attribute' | 'limit';

/** A bad `xi:include` (ORS dialect): the position is the include element's, the href the one it names. */
export class ScxmlIncludeError extends ScxmlDocumentError {
  constructor(
    position: SourcePosition,
    readonly failure: IncludeFailure,
    readonly href: string,
    reason: string,
  ) {
    super(position, reason);
    this.name = 'ScxmlIncludeError';
  }
}
