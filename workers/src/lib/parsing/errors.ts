/** The file cannot be read as the kind it claims to be: damaged, encrypted, or refused by a safety check. */
export class CorruptFileError extends Error {
  override name = 'CorruptFileError';
  readonly code = 'FILE_CORRUPT' as const;
  /** A more specific cause when one is known, e.g. 'PDF_ENCRYPTED', 'DOCX_ZIP_BOMB', 'PDF_INVALID'. */
  readonly reason: string | undefined;
  constructor(message: string, reason?: string) {
    super(message);
    this.reason = reason;
  }
}

export type ParseLimitCode = 'PARSE_TIMEOUT' | 'PARSE_MEMORY';

/** Parsing a file overran its time or memory allowance; the thread that ran it was replaced. */
export class ParseLimitError extends Error {
  override name = 'ParseLimitError';
  constructor(
    readonly code: ParseLimitCode,
    message: string,
  ) {
    super(message);
  }
}
