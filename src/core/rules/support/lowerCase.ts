import type { ContractModel } from '../../model/types';
import { perModel } from './perModel';

/**
 * The text lower-cased with every offset unchanged, or undefined when lower-casing would move them (only
 * "İ" grows). Lets a case-insensitive search run as a plain one on the copy. Letters lowered to ASCII
 * from elsewhere (the Kelvin sign) only add candidates that the caller's pattern then rejects.
 */
export function sameLengthLowerCase(text: string): string | undefined {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : undefined;
}

/** sameLengthLowerCase of the model's plain text, made once per model. */
export const lowerCasedPlain = perModel((model: ContractModel) => sameLengthLowerCase(model.plain.text));
