import { describe, expect, it } from 'vitest';
import { decisionErrorText } from './decision-error';

const row = { sku: 'PAP-0004', locationCode: 'PAP-03-06-1' };

describe('decisionErrorText', () => {
  it('names the typed bin of a refused override and drops the field name the server puts first', () => {
    const text = decisionErrorText({ kind: 'override', id: 'r1', locationCode: 'PLT-01-01-4', reasonCode: 'OTHER' }, row, 'locationCode: PLT-01-01-4 is hand-picked shelving above the floor (level 4).');
    expect(text).toBe('PAP-0004 → PLT-01-01-4 (override): PLT-01-01-4 is hand-picked shelving above the floor (level 4).');
  });

  it('names the recommended bin of a refused accept and keeps a message that names no field', () => {
    expect(decisionErrorText({ kind: 'accept', id: 'r1' }, row, 'Bin PAP-03-06-1 no longer has room: 2 ft³ free.')).toBe('PAP-0004 → PAP-03-06-1: Bin PAP-03-06-1 no longer has room: 2 ft³ free.');
  });

  it('shows the reason alone when the line is no longer on screen', () => {
    expect(decisionErrorText({ kind: 'reject', id: 'r1', reasonCode: 'OTHER' }, undefined, 'note: required for OTHER')).toBe('required for OTHER');
  });
});
