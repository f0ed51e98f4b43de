import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createSourceDocument, type SourceDocument } from '../../../src/core/document/sourceDocument';
import { SHARED_DATA } from '../helpers/sharedData';

export const CONTRACTS = join(SHARED_DATA, 'contracts');

/** Every contract in the shared corpus (CUAD .txt and Markdown), as relative paths. */
export function corpusFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(txt|md)$/.test(name) && !/^(?:CUAD_v1_README\.txt|SOURCES\.md)$/.test(name)) out.push(relative(CONTRACTS, p));
    }
  };
  walk(CONTRACTS);
  return out;
}

export function loadContract(rel: string): SourceDocument {
  return createSourceDocument(rel, readFileSync(join(CONTRACTS, rel), 'utf8'));
}
