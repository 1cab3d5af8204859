/** Where in a document something is: one-based line and column. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** A document that is not well-formed XML or not a valid SCXML document; nothing of it is run. */
export class ScxmlDocumentError extends Error {
  constructor(
    readonly position: SourcePosition,
    readonly reason: string,
  ) {
    super(`line ${position.line}, column ${position.column}: ${reason}`);
    this.name = 'ScxmlDocumentError';
  }
}
