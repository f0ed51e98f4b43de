import type { ChainExampleContract } from '../../chain/types';

/**
 * Small contracts for the chain rules' examples (each example is a workspace of a few of them).
 * Fictional parties; the sanctioned studio's alias is the real OFAC SDN entry on purpose.
 */
const RESTRICTION =
  'The {performer} shall not subcontract, delegate or otherwise have any third party (including any affiliate, staffing agency or individual contractor) perform any part of the work, at any tier, without the {customer}’s prior written consent. Any approved subcontractor shall be bound in writing by obligations no less protective than these, and the {performer} remains fully liable for its subcontractors.';
const SANCTIONS =
  'Each party represents and warrants that neither it, nor any person owning 50% or more of it, nor any of its personnel or subcontractors, is listed on any sanctions list administered by OFAC or the United Nations, or is located in a comprehensively sanctioned country or territory. Each party shall comply with those sanctions throughout this Agreement, shall notify the other party in writing within five (5) business days if this ceases to be true, and the other party may then terminate this Agreement immediately and suspend payment.';

export interface ExampleContractOptions {
  path: string;
  customer: [name: string, role: string];
  performer: [name: string, role: string];
  /** A subcontracting restriction (default), free subcontracting, or nothing. */
  subcontracting?: 'restricted' | 'free' | 'silent';
  sanctions?: boolean;
  /** Extra clauses, each one sentence or more. */
  extra?: string[];
}

export function exampleContract(o: ExampleContractOptions): ChainExampleContract {
  const [cName, cRole] = o.customer;
  const [pName, pRole] = o.performer;
  const fill = (s: string) => s.replace(/\{performer\}/g, pRole).replace(/\{customer\}/g, cRole);
  const clauses = [`The ${pRole} shall produce the animation described in Schedule A for the ${cRole}.`];
  if ((o.subcontracting ?? 'restricted') === 'restricted') clauses.push(fill(RESTRICTION));
  if (o.subcontracting === 'free') clauses.push(`The ${pRole} may subcontract any part of the work at its own discretion.`);
  if (o.sanctions ?? true) clauses.push(SANCTIONS);
  clauses.push(...(o.extra ?? []));
  clauses.push(`The ${cRole} shall pay the fees in Schedule B within thirty (30) days.`);
  const text = [
    '# Animation Services Agreement',
    '',
    `This Animation Services Agreement (the "**Agreement**") is made between **${cName}**, a company organised under the laws of Delaware ("**${cRole}**"), and **${pName}**, a company organised under the laws of Hong Kong ("**${pRole}**").`,
    '',
    ...clauses.flatMap((c, i) => [`## ${i + 1}. ${i === 0 ? 'Services' : 'Terms'}`, '', `${i + 1}.1 ${c}`, '']),
  ].join('\n');
  return { path: o.path, format: 'markdown', text };
}

export const PRODUCER: [string, string] = ['Northwind Pictures LLC', 'Producer'];
export const STUDIO_AS_PERFORMER: [string, string] = ['Golden Lantern Animation Co., Ltd.', 'Studio'];
export const STUDIO_AS_CUSTOMER: [string, string] = ['Golden Lantern Animation Company Limited', 'Contractor'];
export const SECOND_STUDIO: [string, string] = ['Harbour Crane Animation Studio Ltd.', 'Subcontractor'];
export const SECOND_STUDIO_AS_CUSTOMER: [string, string] = ['Harbour Crane Animation Studio Limited', 'Client'];
export const LISTED_STUDIO: [string, string] = ['April 26 Children’s Animation Film Studio', 'Vendor'];

export const PRIME = exampleContract({ path: 'prime.md', customer: PRODUCER, performer: STUDIO_AS_PERFORMER });
