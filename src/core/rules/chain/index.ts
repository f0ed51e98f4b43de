import type { ChainRule } from '../../chain/types';
import { chainConsentNotRecorded } from './consentNotRecorded';
import { chainFlowDownMissing } from './flowDownMissing';
import { chainSanctionedParty } from './sanctionedParty';
import { chainSanctionedPlace } from './sanctionedPlace';

/** Every chain rule (rules over the whole workspace), in the order their findings are documented. */
export const chainRules: readonly ChainRule[] = [chainConsentNotRecorded, chainFlowDownMissing, chainSanctionedParty, chainSanctionedPlace];
