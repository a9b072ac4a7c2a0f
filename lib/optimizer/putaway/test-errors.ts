import { OptimizerInputError } from '../errors';

/** For tests: the field an OptimizerInputError names when `f` throws one, or 'no error'; any other error is rethrown. */
export function fieldOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof OptimizerInputError) return e.field;
    throw e;
  }
  return 'no error';
}
