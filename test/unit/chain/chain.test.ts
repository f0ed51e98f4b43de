import * as assert from 'node:assert/strict';
import { chainJson, chainText } from '../../../src/core/chain';
import type { ChainExampleContract } from '../../../src/core/chain/types';
import { exampleContract, LISTED_STUDIO, PRODUCER } from '../../../src/core/rules/chain/examples';
import { findingsOf, review } from './helpers';

// One company per tier, written differently in the contract above (as performer) and below (as customer).
const TIERS: { asPerformer: [string, string]; asCustomer: [string, string] }[] = [
  { asPerformer: ['Golden Lantern Animation Co., Ltd.', 'Studio'], asCustomer: ['Golden Lantern Animation Company Limited', 'Contractor'] },
  { asPerformer: ['Harbour Crane Animation Studio Ltd.', 'Subcontractor'], asCustomer: ['HARBOUR CRANE ANIMATION STUDIO LIMITED', 'Client'] },
  { asPerformer: ['Bluefin Inbetween Works L.L.C.', 'Vendor'], asCustomer: ['BLUEFIN INBETWEEN WORKS LLC', 'Customer'] },
  { asPerformer: ['Kestrel Colour Studio GmbH', 'Supplier'], asCustomer: ['Kestrel Colour Studio Gesellschaft mit beschränkter Haftung', 'Buyer'] },
];

/** Producer → tier 1 → … → tier n, every contract restricting subcontracting; the last performer given. */
function chainOf(tiers: number, last?: [string, string], options: Partial<Parameters<typeof exampleContract>[0]> = {}): ChainExampleContract[] {
  const out: ChainExampleContract[] = [];
  let customer = PRODUCER;
  for (let i = 0; i < tiers; i++) {
    const performer = i === tiers - 1 && last ? last : TIERS[i].asPerformer;
    out.push(exampleContract({ path: `tier-${i + 1}.md`, customer, performer, ...options }));
    if (i < TIERS.length) customer = TIERS[i].asCustomer;
  }
  return out;
}

describe('contract chain: linking parties across contracts', () => {
  for (const tiers of [1, 2, 3, 4, 5]) {
    it(`links a ${tiers}-tier chain whose party names and roles change from contract to contract`, () => {
      const r = review(chainOf(tiers, tiers === 5 ? LISTED_STUDIO : undefined));
      const g = r.graph;
      assert.equal(g.links.length, tiers, 'one link per contract');
      assert.equal(g.parties.length, tiers + 1, g.parties.map((p) => p.names.join(' / ')).join('\n'));
      assert.deepEqual(
        g.parties.map((p) => p.tier),
        [...Array(tiers + 1).keys()],
        'tiers 0..n in order',
      );
      for (let i = 1; i < tiers; i++) {
        const studio = g.parties[i];
        assert.equal(studio.names.length, 2, `${studio.name} is written two ways`);
        assert.deepEqual(
          studio.roles.map((x) => x.side),
          ['performer', 'customer'],
          `${studio.name}: performer above, customer below`,
        );
        assert.notEqual(studio.roles[0].role, studio.roles[1].role, 'its defined role differs');
        assert.deepEqual(g.links[i].upstream, [`tier-${i}.md`]);
      }
      // Every subcontract below a restricting contract lacks recorded consent.
      assert.equal(findingsOf(r, 'chain-consent-not-recorded').length, tiers - 1);
      assert.equal(findingsOf(r, 'chain-flow-down-missing').length, 0, 'each tier repeats the terms');
      assert.ok(g.links.every((l) => l.flowDown && !l.circular));
    });
  }

  it('names the route from the producer in a sanctioned-party finding five tiers down', () => {
    const r = review(chainOf(5, LISTED_STUDIO));
    const f = findingsOf(r, 'chain-sanctioned-party');
    assert.equal(f.length, 1);
    assert.equal(f[0].contract, 'tier-5.md');
    assert.equal(f[0].severity, 'error');
    assert.match(f[0].message, /Northwind Pictures LLC → Golden Lantern Animation Co\., Ltd\. → Harbour Crane Animation Studio Ltd\. → Bluefin Inbetween Works L\.L\.C\. → Kestrel Colour Studio GmbH → April 26/);
    assert.match(f[0].message, /SEK STUDIO/);
    const listed = r.graph.parties.find((p) => p.screening.severity === 'error');
    assert.equal(listed?.screening.entity?.id, 'ofac-sdn:34022');
  });

  it('does not link different companies that share words', () => {
    const r = review([
      exampleContract({ path: 'a.md', customer: PRODUCER, performer: ['Golden Lantern Animation Co., Ltd.', 'Studio'] }),
      exampleContract({ path: 'b.md', customer: ['Golden Lantern Studios Inc.', 'Contractor'], performer: ['Harbour Crane Animation Studio Ltd.', 'Subcontractor'] }),
    ]);
    assert.equal(r.graph.parties.length, 4);
    assert.deepEqual(r.graph.links.map((l) => l.upstream), [[], []]);
    assert.equal(r.findings.length, 0);
  });

  it('follows a circular reference without looping and does not ask the customer to consent to work handed back to it', () => {
    const a: [string, string] = ['Golden Lantern Animation Co., Ltd.', 'Studio'];
    const b: [string, string] = ['Harbour Crane Animation Studio Ltd.', 'Subcontractor'];
    const r = review([
      exampleContract({ path: 'ab.md', customer: [a[0], 'Contractor'], performer: b }),
      exampleContract({ path: 'ba.md', customer: ['Harbour Crane Animation Studio Limited', 'Client'], performer: a }),
    ]);
    assert.equal(r.graph.links.length, 2);
    assert.ok(r.graph.links.every((l) => l.circular), 'both contracts are in the circle');
    assert.deepEqual(findingsOf(r, 'chain-consent-not-recorded'), []);
    const text = chainText(r);
    assert.match(text, /circular/);
    assert.ok(r.graph.linkPath(r.graph.links[0]).length <= 3, 'the route stops where it comes back');
  });

  it('in a three-party circle still reports each subcontract made without consent', () => {
    const r = review([
      exampleContract({ path: 'ab.md', customer: ['Alder Films Ltd.', 'Producer'], performer: ['Birch Animation Ltd.', 'Studio'] }),
      exampleContract({ path: 'bc.md', customer: ['Birch Animation Limited', 'Contractor'], performer: ['Cedar Frames Ltd.', 'Subcontractor'] }),
      exampleContract({ path: 'ca.md', customer: ['Cedar Frames Limited', 'Client'], performer: ['Alder Films Limited', 'Vendor'] }),
    ]);
    assert.ok(r.graph.links.every((l) => l.circular));
    assert.ok(r.graph.parties.every((p) => p.tier !== undefined), 'a circle with no top still gets tiers');
    // Each contract is upstream of the next one round the circle, so each subcontract needed consent.
    assert.deepEqual(findingsOf(r, 'chain-consent-not-recorded').map((f) => f.contract).sort(), ['ab.md', 'bc.md', 'ca.md']);
  });

  it('keeps two chains that share a studio apart when the subcontract names its upstream customer', () => {
    const studio: [string, string] = ['Golden Lantern Animation Co., Ltd.', 'Studio'];
    const other = exampleContract({ path: 'other-prime.md', customer: ['Brightwater Pictures LLC', 'Producer'], performer: studio, subcontracting: 'free', sanctions: false });
    const prime = exampleContract({ path: 'prime.md', customer: PRODUCER, performer: studio });
    const sub = (extra: string[]) =>
      exampleContract({ path: 'sub.md', customer: ['Golden Lantern Animation Company Limited', 'Contractor'], performer: ['Harbour Crane Animation Studio Ltd.', 'Subcontractor'], subcontracting: 'free', sanctions: false, extra });

    const named = review([other, prime, sub(['The Subcontractor shall produce the in-between drawings for the episodes that Contractor produces for Brightwater Pictures LLC.'])]);
    assert.deepEqual(named.graph.linkByContract.get('sub.md')!.upstream, ['other-prime.md']);
    assert.equal(named.graph.parties.find((p) => p.name.startsWith('Golden'))!.contracts.length, 3, 'one studio node in both chains');
    assert.deepEqual(named.findings, [], 'Brightwater’s contract lets the studio subcontract: nothing to consent to or flow down');

    const unnamed = review([other, prime, sub([])]);
    assert.deepEqual(unnamed.graph.linkByContract.get('sub.md')!.upstream.sort(), ['other-prime.md', 'prime.md'], 'either chain may be the one');
    assert.deepEqual(findingsOf(unnamed, 'chain-consent-not-recorded').map((f) => f.data?.customer), ['Northwind Pictures LLC']);
    const flow = findingsOf(unnamed, 'chain-flow-down-missing');
    assert.equal(flow.length, 1);
    assert.match(flow[0].message, /subcontract freely.*prime\.md/);
    assert.match(flow[0].message, /no sanctions clause/);
  });

  it('reports nothing for a chain whose consent is recorded in a consent letter', () => {
    const contracts = [
      ...chainOf(3),
      {
        path: 'consents.md',
        format: 'markdown' as const,
        text: '# Consents\n\nNorthwind Pictures LLC hereby consents to Golden Lantern Animation Co., Ltd. engaging Harbour Crane Animation Studio Ltd. for the in-between drawings.\n\nGolden Lantern Animation Company Limited has given its prior written consent to Harbour Crane Animation Studio Limited engaging Bluefin Inbetween Works L.L.C.\n',
      },
    ];
    const r = review(contracts);
    assert.deepEqual(r.findings, []);
    // The same workspace without the letter: both subcontracts are reported.
    assert.equal(findingsOf(review(chainOf(3)), 'chain-consent-not-recorded').length, 2);
  });

  it('accepts a reviewer’s “consent given” decision only with a reason, for that subcontract and subcontractor', () => {
    const contracts = chainOf(2);
    const decision = { contract: 'tier-2.md', subcontractor: 'HARBOUR CRANE ANIMATION STUDIO LIMITED', verdict: 'consent-given' as const, reason: 'Producer’s letter of 2 March 2025' };
    assert.deepEqual(review(contracts, [decision]).findings, []);
    assert.equal(review(contracts, [{ ...decision, reason: ' ' }]).findings.length, 1, 'no reason, no record');
    assert.equal(review(contracts, [{ ...decision, subcontractor: 'Bluefin Inbetween Works' }]).findings.length, 1, 'another subcontractor');
    assert.equal(review(contracts, [{ ...decision, contract: 'tier-1.md' }]).findings.length, 1, 'another contract');
  });

  it('does not take a restriction (“without consent”) for a consent', () => {
    const contracts = chainOf(2, undefined, { extra: ['The Studio shall not engage Harbour Crane Animation Studio Ltd. without the Producer’s prior written consent.'] });
    assert.equal(findingsOf(review(contracts), 'chain-consent-not-recorded').length, 1);
  });

  it('writes the JSON shape of issue 17, with party ids used by the links', () => {
    const r = review(chainOf(3, LISTED_STUDIO));
    const json = chainJson(r);
    assert.deepEqual(Object.keys(json), ['parties', 'links', 'findings']);
    for (const p of json.parties) {
      assert.deepEqual(Object.keys(p), ['id', 'name', 'contracts', 'screening']);
      assert.deepEqual(Object.keys(p.screening), ['severity', 'entity']);
      assert.ok(['error', 'warning', 'info', 'none'].includes(p.screening.severity));
    }
    const ids = new Set(json.parties.map((p) => p.id));
    for (const l of json.links) {
      assert.deepEqual(Object.keys(l), ['contract', 'customer', 'performer', 'subcontracting', 'flowDown']);
      assert.ok(ids.has(l.customer) && ids.has(l.performer));
      assert.ok(['consent-required', 'weak', 'missing', 'permitted'].includes(l.subcontracting));
    }
    for (const f of json.findings) assert.deepEqual(Object.keys(f), ['rule', 'severity', 'message', 'contract', 'range']);
    assert.equal(json.parties.at(-1)!.screening.entity?.primaryName, 'SEK STUDIO');
  });
});
