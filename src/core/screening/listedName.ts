import type { ListEntity } from './entity';

/** One screenable name: an entity's primary name or one of its aliases, folded into vocabulary ids. */
export interface IndexedName {
  entity: number;
  /** The name as the list writes it. */
  name: string;
  primary: boolean;
  weak: boolean;
  kind?: string;
  tokens: number[];
  /** The tokens' words and weights (kept: a name is aligned again and again). */
  words: string[];
  tokenWeights: number[];
  legal: string[];
  /** Σ of the tokens' weights. */
  weight: number;
  /** Tokens that post this name (rare enough to generate candidates). */
  anchors: number[];
}

const NO_LEGAL: string[] = [];

/**
 * A listed name as the matcher sees it. Its text, kind and legal forms come from the entity, which a
 * snapshot decodes on first use: a text scan reaches thousands of candidate names and keeps a few.
 */
export class ListedName implements IndexedName {
  private legalForms: string[] | undefined;

  constructor(
    private readonly listed: ListEntity,
    readonly entity: number,
    private readonly which: number,
    readonly weak: boolean,
    readonly tokens: number[],
    readonly words: string[],
    readonly tokenWeights: number[],
    readonly weight: number,
    readonly anchors: number[],
    legal: string[] | undefined,
  ) {
    this.legalForms = legal;
  }

  get primary(): boolean {
    return this.which === 0;
  }
  get name(): string {
    return this.which > 0 ? this.listed.aliases[this.which - 1].name : this.listed.primaryName;
  }
  get kind(): string | undefined {
    return this.which > 0 ? this.listed.aliases[this.which - 1].kind : undefined;
  }
  /** Names folded now record their legal forms; a snapshot's come from the entity's row when first asked for. */
  get legal(): string[] {
    return (this.legalForms ??= this.listed.foldedNames ? this.listed.foldedNames.legalForms(this.which) : NO_LEGAL);
  }
}
