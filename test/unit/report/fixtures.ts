import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUNDLED_CLAUSE_FILES } from '../../../src/core/fixes/bundled';
import { loadClauseLibrary } from '../../../src/core/fixes/library';
import { DEFAULT_CONFIG, type CheckConfig } from '../../../src/core/config/checkConfig';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { checkDocument, createDecision, type Decision, type DocumentReview } from '../../../src/core/index';
import type { ReportFileInput, ReportInput, ReviewerDecision } from '../../../src/core/report/types';
import type { ListInfo } from '../../../src/core/screening/types';
import type { Finding, FindingMatch } from '../../../src/core/types';

// Report fixtures built from real files: the repo's sample contracts, the real OFAC SDN and UN list files
// in ../shared/data (hashes and entry counts computed here), and the real SDN entry for SEK STUDIO.

export const REPO = resolve(__dirname, '../../../..');
export const SHARED = resolve(REPO, '../shared/data');
export const FIXTURES = resolve(REPO, 'test/unit/report/fixtures');
export const GENERATED_AT = '2026-11-28T09:30:00.000Z';
export const REVIEWER = 'Dana Whitfield <dana@example.com>';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** ListInfo for the real SDN (2024-05-03) and UN (2026-02-27) files, as a list loader would report them. */
export function realLists(): ListInfo[] {
  const sdn = readFileSync(resolve(SHARED, 'sanctions/ofac/sdn_2024-05-03/sdn.csv'));
  const un = readFileSync(resolve(SHARED, 'sanctions/un/UN_consolidated.xml'));
  const unText = un.toString('utf8');
  return [
    {
      id: 'ofac-sdn',
      name: 'OFAC Specially Designated Nationals (SDN) list',
      date: '2024-05-03',
      entries: sdn.toString('utf8').split('\n').filter((l) => /^\d+,/.test(l)).length,
      sha256: sha256(sdn),
      source: 'U.S. Treasury OFAC sdn.csv',
    },
    {
      id: 'un',
      name: 'UN Security Council Consolidated List',
      date: '2026-02-27',
      entries: (unText.match(/<INDIVIDUAL>/g) ?? []).length + (unText.match(/<ENTITY>/g) ?? []).length,
      sha256: sha256(un),
    },
  ];
}

/** The real SDN row for an entity number: primary name and programs, as the screening would report it. */
export function sdnEntity(entNum: string): FindingMatch['entity'] {
  const line = readFileSync(resolve(SHARED, 'sanctions/ofac/sdn_2024-05-03/sdn.csv'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(entNum + ','));
  if (!line) throw new Error(`SDN entity ${entNum} not found`);
  const [, name, type, programs] = /^\d+,"([^"]*)",([^,]*),"([^"]*)"/.exec(line)!;
  return { id: `ofac-sdn:${entNum}`, list: 'ofac-sdn', primaryName: name, type: type.trim() === '-0-' ? 'entity' : type.trim(), programs: programs.split(/\]?\s*\[?\s+/).filter(Boolean) };
}

/** A sanctioned-party finding at the first occurrence of `name` in `text`, shaped as the engine reports it. */
export function screeningFinding(doc: ReturnType<typeof createSourceDocument>, name: string, match: FindingMatch, severity: Finding['severity'] = 'error'): Finding {
  const start = doc.text.indexOf(name);
  if (start < 0) throw new Error(`"${name}" not in ${doc.uri}`);
  const span = { start, end: start + name.length };
  return { rule: 'sanctioned-party', severity, message: `“${name}” matches ${match.entity.primaryName} on ${match.entity.list} (${match.entity.programs.join(', ')}). Check before signing.`, text: name, range: doc.lines.rangeOf(span), span, match };
}

export const CONFIRMED: ReviewerDecision = {
  entityId: 'ofac-sdn:34022',
  verdict: 'confirmed-match',
  reason: 'Same studio as the OFAC entry; escalated to the compliance team.',
  reviewer: REVIEWER,
  date: '2026-11-27T16:05:00Z',
  matchedText: 'Sek Studio',
  listVersion: `ofac-sdn 2024-05-03 (sha256 ${'0'.repeat(12)}…)`,
};

export const NOT_A_MATCH: ReviewerDecision = {
  entityId: 'ofac-sdn:24752',
  verdict: 'not-a-match',
  reason: 'Golden Lantern is a Shenzhen studio; Golden Star Co is a Syrian trading company.',
  reviewer: REVIEWER,
  date: '2026-11-27T16:10:00Z',
  matchedText: 'Golden Lantern Animation Co., Ltd.',
};

/** The full audit record behind a decision view, as the decisions file holds it. */
export function asDecision(view: ReviewerDecision, finding: Finding, text: string): Decision {
  return createDecision({
    file: 'samples/animation-production-agreement.md',
    text,
    finding,
    verdict: view.verdict,
    reason: view.reason,
    reviewer: view.reviewer,
    date: view.date,
    listVersion: { id: 'ofac-sdn', date: '2024-05-03', sha256: '0'.repeat(64) },
  });
}

/** Inline directive appended to the animation sample so the engine suppresses a real finding. */
export const INLINE_DIRECTIVE = '<!-- clauseguard-disable-file sanctions-clause-missing -- sanctions terms are in the master agreement -->';

export function readSample(name: string, extra = '') {
  const text = readFileSync(resolve(REPO, 'samples', name), 'utf8') + extra;
  return { path: `samples/${name}`, text, sha256: sha256(text), doc: createSourceDocument(`samples/${name}`, text) };
}

/**
 * The three sample contracts, checked by the real engine, plus what screening and the reviewer workflow
 * add: a confirmed SDN match (decision recorded), a match a reviewer ruled out (suppressed), an inline
 * disable comment, and a screened name below the reporting threshold.
 */
export function sampleReportInput(config: CheckConfig = DEFAULT_CONFIG): ReportInput {
  const files: ReportFileInput[] = [];
  const animation = readSample('animation-production-agreement.md', `\n${INLINE_DIRECTIVE}\n`);
  const result = checkDocument(animation.doc, { config });
  const sek = screeningFinding(animation.doc, 'Sek Studio', { score: 0.97, name: 'SEK STUDIO', entity: sdnEntity('34022'), explanation: 'Both words match the listed name SEK STUDIO.' });
  const golden = screeningFinding(
    animation.doc,
    'Golden Lantern Animation Co., Ltd.',
    { score: 0.71, name: 'GOLDEN STAR CO', entity: sdnEntity('24752'), explanation: '“Golden” and the legal form match; “Lantern Animation” does not.' },
    'info',
  );
  const confirmed = { ...sek, decision: { state: 'applies' as const, decision: asDecision(CONFIRMED, sek, animation.text) } };
  const review: DocumentReview = {
    ...result,
    findings: [...result.findings, confirmed].sort((a, b) => a.span.start - b.span.start),
    suppressed: [...result.suppressed, { finding: golden, suppression: { kind: 'decision', decision: NOT_A_MATCH } }],
    screening: [{ name: 'Brightwater Pictures LLC', span: { start: animation.text.indexOf('Brightwater'), end: animation.text.indexOf('Brightwater') + 24 } }],
  };
  files.push({ path: animation.path, sha256: animation.sha256, review });
  for (const name of ['it-outsourcing-agreement.txt', 'design-services-agreement.contract.md']) {
    const s = readSample(name);
    files.push({ path: s.path, sha256: s.sha256, review: checkDocument(s.doc, { config }) });
  }
  return {
    tool: { name: 'clauseguard', version: '0.1.0' },
    generatedAt: GENERATED_AT,
    reviewer: REVIEWER,
    lists: realLists(),
    config,
    clauseLibrary: loadClauseLibrary(BUNDLED_CLAUSE_FILES),
    extraSettings: { 'Contract files': '**/*.contract.md, **/*.contract.txt' },
    files,
  };
}

export const PAYLOADS = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">'];

/** The hostile contract: markup in party names, headings, clauses, a decision, a comment and the file name. */
export function hostileReportInput(): ReportInput {
  const text = readFileSync(resolve(FIXTURES, 'hostile-contract.md'), 'utf8');
  const path = 'contracts/<img src=x onerror="window.__pwned=1">.md';
  const doc = createSourceDocument(path, text);
  const result = checkDocument(doc);
  const name = '<img src=x onerror="window.__pwned=1"> Trading Ltd';
  const entity = { ...sdnEntity('34022'), primaryName: 'SEK <script>window.__pwned=1</script> STUDIO' };
  const hostileDecision: ReviewerDecision = { ...CONFIRMED, matchedText: name, reason: 'Reason <script>window.__pwned=1</script>', reviewer: '<img src=x onerror="window.__pwned=1">' };
  const hostile = screeningFinding(doc, name, { score: 0.9, name: '<b>SEK</b> STUDIO', entity, explanation: '<img src=x onerror="window.__pwned=1">' });
  result.findings.push({ ...hostile, decision: { state: 'applies', decision: asDecision(hostileDecision, hostile, text) } });
  result.suppressed.push({
    finding: screeningFinding(doc, 'Acme & Sons "Holdings" Ltd.', { score: 0.75, name: 'ACME', entity: sdnEntity('24752') }, 'info'),
    suppression: { kind: 'inline', comment: '<!-- clauseguard-disable-next-line sanctioned-party -- <script>window.__pwned=1</script> -->', line: 2 },
  });
  return {
    tool: { name: 'clauseguard', version: '0.1.0' },
    generatedAt: GENERATED_AT,
    reviewer: '<script>window.__pwned=1</script>',
    lists: [{ ...realLists()[0], name: 'List <script>window.__pwned=1</script>' }],
    config: DEFAULT_CONFIG,
    extraSettings: { '<b>setting</b>': '<script>window.__pwned=1</script>' },
    files: [{ path, sha256: sha256(text), review: { ...result, screening: [{ name: '<svg onload="window.__pwned=1"></svg>' }] } }],
  };
}
