import { describe, expect, it } from 'vitest';
import { crossDockNeeds, fifoLots, plannedPicksByAisle } from './demand';
import { parseScenario } from './scenario';
import { WarehouseState, materialMap } from './state';
import { tinyScenario } from './test-fixtures';
import type { OrderEvent } from './scenario';

/** The tiny two-bin warehouse: B-02 (index 0) holds an old lot, B-01 (index 1) a newer one. */
function stocked(): WarehouseState {
  const scenario = parseScenario(tinyScenario());
  const state = new WarehouseState(scenario.locations, materialMap(scenario), scenario.dock);
  state.add(0, 'INK-1', 2, -1);
  state.add(1, 'INK-1', 3, 0);
  return state;
}

const order = (id: string, quantity: number, due: number): OrderEvent => ({ day: 0, kind: 'order', id, due, lines: [{ sku: 'INK-1', quantity }] });

describe('demand against the stock', () => {
  it('draws the lots staged for the order first, then the free lots oldest first', () => {
    const state = stocked();
    state.add(1, 'INK-1', 1, 1, 'SO-9');
    expect([...fifoLots(state, 'INK-1', 'SO-9')].map((lot) => [lot.bin, lot.quantity, lot.reservedFor])).toEqual([
      [1, 1, 'SO-9'],
      [0, 2, undefined],
      [1, 3, undefined],
    ]);
    expect([...fifoLots(state, 'INK-1', 'SO-1')].map((lot) => lot.quantity)).toEqual([2, 3]);
  });

  it('plans one pick line per lot drawn, per aisle, without counting a unit twice across orders', () => {
    const state = stocked();
    // SO-1 takes the old lot and one unit of the new; SO-2 takes two more of the new one.
    expect(plannedPicksByAisle(state, [order('SO-1', 3, 0), order('SO-2', 2, 0)])).toEqual(new Map([['1', 3]]));
  });

  it('asks to stage only what orders due within the horizon are short of after the free stock', () => {
    const state = stocked();
    const needs = crossDockNeeds(state, [order('SO-1', 4, 0), order('SO-2', 3, 1), order('SO-3', 9, 2)], 0, new Set(['INK-1']));
    // 5 free units: SO-1 takes 4, SO-2 is 2 short; SO-3 is due beyond the 2-day horizon.
    expect(needs).toEqual([{ sku: 'INK-1', quantity: 2, dueDay: 1, orderRef: 'SO-2' }]);
  });
});
