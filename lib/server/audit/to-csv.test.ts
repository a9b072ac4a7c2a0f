import { describe, expect, it } from 'vitest';
import { auditRowsToCsv, csvField } from './to-csv';

describe('csvField', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-2')).toBe("'-2");
  });
});

describe('auditRowsToCsv', () => {
  const empty = { missingDimensions: [], missingAbc: [], invalidCapacity: [], oversizeMaterials: [], negativeStock: [] };
  it('writes a header and one line per row, in check order, with CRLF endings', () => {
    const csv = auditRowsToCsv({
      ...empty,
      negativeStock: [{ entity: 'lot', id: '2', code: 'L1', description: 'SKU X', detail: 'quantity_on_hand -2 in A' }],
      missingAbc: [{ entity: 'material', id: '1', code: 'SKU-1', description: 'Ink', detail: "ABC unset: defaults to 'C'" }],
    });
    expect(csv.split('\r\n')).toEqual([
      'check,severity,entity,code,description,detail,id',
      "missingAbc,WARNING,material,SKU-1,Ink,ABC unset: defaults to 'C',1",
      'negativeStock,WARNING,lot,L1,SKU X,quantity_on_hand -2 in A,2',
      '',
    ]);
  });

  it('limits the export to one check when asked', () => {
    const csv = auditRowsToCsv({ ...empty, missingAbc: [{ entity: 'material', id: '1', code: 'S', description: 'd', detail: 'x' }] }, 'negativeStock');
    expect(csv.trim().split('\r\n')).toHaveLength(1);
  });
});
