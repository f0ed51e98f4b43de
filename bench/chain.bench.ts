import { contractFacts, reviewChain } from '../src/core/chain';
import type { ChainExampleContract, ContractFacts } from '../src/core/chain/types';
import { createSourceDocument } from '../src/core/document/sourceDocument';
import { checkDocument } from '../src/core/index';
import { exampleContract, LISTED_STUDIO } from '../src/core/rules/chain/examples';
import { loadLists } from '../src/node/lists';
import { machineSpeed, machineSpeedLine, measure, type BenchLine } from './harness';

// The contract chain (issue 17) of a generated 1,000-contract workspace: 200 chains of five tiers
// (producer → studio → three more studios), every tenth chain sharing its studio with the one before,
// every twentieth ending at a listed alias of SEK Studio. "Whole" is what a user waits for: every
// contract checked with all rules and the bundled lists, its facts taken, the chain built and its rules
// run. Target: whole < 5 s (issue 17). Baseline, same run: reading the texts and splitting them into words.

export const title = 'Contract chain (issue 17)';

const ADJECTIVES = 'amber azure birch cobalt coral crimson dune ember fern flint frost garnet hazel indigo ivory jade juniper lunar maple onyx'.split(' ');
const NOUNS = 'badger beacon bridge canyon cedar comet falcon harbor heron lantern meadow orchard otter pebble quarry raven river summit thistle willow'.split(' ');
const FORMS = ['Animation Co., Ltd.', 'Pictures LLC', 'Studio Ltd.', 'Frames Inc.', 'Motion GmbH'];

/** A unique company name per index, written as performer and (another legal form) as customer. */
function company(i: number, role: string, asCustomer = false): [string, string] {
  const base = `${cap(ADJECTIVES[i % 20])} ${cap(NOUNS[Math.floor(i / 20) % 20])} ${cap(ADJECTIVES[Math.floor(i / 400) % 20])}`;
  const form = FORMS[i % FORMS.length];
  return [`${base} ${asCustomer ? form.replace('Co., Ltd.', 'Company Limited').replace('Ltd.', 'Limited').replace('LLC', 'L.L.C.') : form}`, role];
}
const cap = (w: string) => w[0].toUpperCase() + w.slice(1);

export function generateWorkspace(chains = 200, tiers = 5): ChainExampleContract[] {
  const out: ChainExampleContract[] = [];
  let n = 0;
  for (let c = 0; c < chains; c++) {
    // Party indexes: the producer and one per tier; a tenth chain reuses the previous chain's studio.
    const ids = [...Array(tiers + 1).keys()].map((t) => c * (tiers + 1) + t);
    if (c % 10 === 9) ids[1] = (c - 1) * (tiers + 1) + 1;
    for (let t = 0; t < tiers; t++) {
      const customer = company(ids[t], t === 0 ? 'Producer' : 'Contractor', t > 0);
      const performer = t === tiers - 1 && c % 20 === 19 ? LISTED_STUDIO : company(ids[t + 1], 'Studio');
      out.push(exampleContract({ path: `chain-${c}/tier-${t + 1}-${n++}.md`, customer, performer, subcontracting: t % 2 ? 'free' : 'restricted', sanctions: t < 3 }));
    }
  }
  return out;
}

export async function run(): Promise<BenchLine[]> {
  const before = machineSpeed();
  const contracts = generateWorkspace();
  const services = { screener: loadLists().screener };
  const baselineMs = measure(() => contracts.reduce((n, c) => n + c.text.split(/\s+/).length, 0), 5, 1);
  let facts: ContractFacts[] = [];
  let review = reviewChain([]);
  const wholeMs = measure(
    () => {
      facts = contracts.map((c) => contractFacts(c.path, checkDocument(createSourceDocument(c.path, c.text, c.format), { services })));
      review = reviewChain(facts);
      return review.findings.length;
    },
    3,
    1,
  );
  const chainMs = measure(() => reviewChain(facts).findings.length, 9, 2);
  const after = machineSpeed();
  const count = (rule: string) => review.findings.filter((f) => f.rule === rule).length;
  const note = `${contracts.length} contracts, ${review.graph.parties.length} parties, ${review.graph.links.length} links; findings: ${count('chain-consent-not-recorded')} consent, ${count('chain-flow-down-missing')} flow-down, ${count('chain-sanctioned-party')} sanctioned party`;
  return [
    { name: 'whole: check 1,000 contracts, take facts, build and review the chain', medianMs: wholeMs, baselineMs, ratio: wholeMs / baselineMs, target: '< 5000 ms', pass: wholeMs < 5000, note },
    { name: 'chain only: link and review 1,000 contracts’ facts', medianMs: chainMs, baselineMs, ratio: chainMs / baselineMs, target: '< 10% of whole', pass: chainMs < wholeMs / 10 },
    machineSpeedLine(before, after),
  ];
}
