/**
 * A list file that cannot be read: malformed or truncated. Names the file and the line so the user
 * can find the problem; the caller keeps the lists it had loaded before.
 */
export class ListParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}, line ${line}: ${detail}`);
    this.name = 'ListParseError';
  }
}
