import * as assert from 'node:assert/strict';
import type { ListEntity } from '../../../src/core/screening/entity';
import { alignName, scoreUpperBound, type QueryToken } from '../../../src/core/screening/matcher';
import { NameIndex } from '../../../src/core/screening/nameIndex';
import { nameTokens } from '../../../src/core/screening/normalize';

// The search skips a candidate whose bound is below its minimum score, so the bound must never be lower
// than the score alignName gives (a skipped candidate could be the sanctioned party).
describe('scoreUpperBound (what lets a search skip candidates)', () => {
  const names = ['VAN DER BILT TRADING CORP', 'SILVER STAR NETWORK', 'SEK STUDIO', 'MANSUDAE ART STUDIO', 'KIM TONG CHOL', 'AL RAHMAN ABD TRADING', 'CLASS ACTION HOLDINGS', 'NINGS CARTOON STUDIO'];
  const entities: ListEntity[] = names.map((n, i) => ({ id: `t:${i}`, list: 't', primaryName: n, aliases: [], type: 'organization', programs: [], addresses: [], countries: [], identifiers: [] }));
  const index = new NameIndex(entities);
  const queries = ['Vanderbilt Trading', 'Vanderbilts Trading Corp', 'Silverstar Network', 'Silver Starnetwork', 'Sek Studios', 'S Studio', 'Mansudae Arts Studio', 'Kim Tongchol', 'Abdal Rahman Trading', 'Classes Action Holding', 'Ningscartoon Studio', 'Totally Different Words'];

  it('is never below the score of the alignment, for joined, split, plural and typo variants', () => {
    let compared = 0;
    for (const q of queries) {
      const qt: QueryToken[] = nameTokens(q).core.map((word, pos) => ({ word, weight: index.queryWeight(word), pos }));
      for (let k = 0; k < index.nameCount; k++) {
        const name = index.name(k);
        const score = alignName(index, qt, name).score;
        assert.ok(scoreUpperBound(index, qt, name) >= score - 1e-9, `${q} / ${name.name}: bound below score ${score}`);
        if (score > 0) compared++;
      }
    }
    assert.ok(compared > 10, `${compared} scored pairs compared`);
  });
});
