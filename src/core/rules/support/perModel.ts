import type { ContractModel } from '../../model/types';

/** Memoises an analysis per model object, so several rules (and the quick fixes' data) share one pass. */
export function perModel<T>(compute: (model: ContractModel) => T): (model: ContractModel) => T {
  const cache = new WeakMap<ContractModel, T>();
  return (model) => {
    let v = cache.get(model);
    if (v === undefined) {
      v = compute(model);
      cache.set(model, v);
    }
    return v;
  };
}
