// Proves the typo suggestions behave as a learner expects: swaps and small slips are caught, prefixes
// complete, and unrelated words suggest nothing rather than something silly.
import { describe, expect, it } from 'vitest';
import { closestMatch, closestMatches, editDistance } from '../../../src/sim/cli/suggest.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('put-item', 'put-item')).toBe(0);
    expect(editDistance('put-itme', 'put-item')).toBe(1);
    expect(editDistance('put-iem', 'put-item')).toBe(1);
    expect(editDistance('pat-item', 'put-item')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('closestMatches', () => {
  const commands = ['put-item', 'get-item', 'update-item', 'delete-item', 'query', 'scan'];

  it('puts the nearest first', () => {
    expect(closestMatches('put-itme', commands)).toEqual(['put-item', 'get-item']);
    expect(closestMatches('scna', commands)).toEqual(['scan']);
    expect(closestMatches('gut-item', commands)).toEqual(['put-item', 'get-item']);
  });

  it('completes a prefix', () => {
    expect(closestMatch('upd', commands)).toBe('update-item');
  });

  it('suggests nothing for an unrelated word or an empty one', () => {
    expect(closestMatch('frobnicate', commands)).toBeUndefined();
    expect(closestMatch('', commands)).toBeUndefined();
  });

  it('ignores case', () => {
    expect(closestMatch('QUERY', commands)).toBe('query');
  });
});
