import { describe, expect, it } from 'vitest';
import { BenchdataError, detectFormat, parseBpplib, parseVector2d } from './benchdata';

describe('benchdata readers', () => {
  it('parse a BPPLIB file with CRLF line ends', () => {
    const inst = parseBpplib('3\r\n10\r\n5\r\n4\r\n3\r\n', 'x.txt');
    expect(inst).toEqual({ kind: 'bpplib', name: 'x.txt', n: 3, capacity: 10, sizes: [5, 4, 3] });
  });

  it('parse a 2-D vector file', () => {
    const inst = parseVector2d('2\n10 20\n1 3 4\n2 5 6\n', 'v');
    expect(inst.capacity).toEqual([10, 20]);
    expect(inst.items).toEqual([{ size: [3, 4] }, { size: [5, 6] }]);
  });

  it('detect the format from the third line', () => {
    expect(detectFormat('2\n10 20\n1 3 4\n2 5 6\n')).toBe('vector2d');
    expect(detectFormat('2\n10\n3\n4\n')).toBe('bpplib');
  });

  it('reject truncated files and oversized items with the file and line', () => {
    expect(() => parseBpplib('3\n10\n5\n', 'short.txt')).toThrow(BenchdataError);
    expect(() => parseBpplib('1\n10\n11\n', 'big.txt')).toThrow(/big\.txt:3/);
    expect(() => parseBpplib('abc\n10\n', 'bad.txt')).toThrow(/bad\.txt:1/);
  });
});
