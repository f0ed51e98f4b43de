import { LineIndex } from './positions';

export type ContractFormat = 'markdown' | 'plaintext';

/** The core's own view of a document: what the VS Code adapter and the CLI both hand in. */
export interface SourceDocument {
  /** A URI or path, only used in messages and reports. */
  readonly uri: string;
  readonly text: string;
  readonly format: ContractFormat;
  /** Editor version, so results for an outdated version can be dropped; 0 outside an editor. */
  readonly version: number;
  readonly lines: LineIndex;
}

export function createSourceDocument(
  uri: string,
  text: string,
  format: ContractFormat = formatFromPath(uri),
  version = 0,
): SourceDocument {
  return { uri, text, format, version, lines: new LineIndex(text) };
}

export function formatFromPath(path: string): ContractFormat {
  return /\.(md|markdown|mdown|mkd)$/i.test(path) ? 'markdown' : 'plaintext';
}
