import { fillInOrder } from './fill-in-order';
import type { Policy } from './types';

/**
 * Odoo's default putaway: locations in location-name order, those already holding the product
 * first, the first one that passes the capacity checks wins (overflow goes to the next one).
 * Location codes need not follow distance from the dock — that is the point of the baseline.
 */
export const firstFitByCode: Policy = {
  name: 'first-fit-by-code',
  putaway(input) {
    for (const request of input.requests) fillInOrder(input, request.sku, request.quantity, input.binsByCode, true);
  },
};
