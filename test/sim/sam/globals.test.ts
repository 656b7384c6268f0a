// Proves SAM-03's Globals merge rules: the resource's own scalar wins, maps are merged key by key (the
// resource wins a clash), lists are joined with the global entries first, and an intrinsic function is
// never merged; the implicit API gets Globals.Api too.
import { describe, expect, it } from 'vitest';
import { mergeGlobal } from '../../../src/sim/sam/globals.js';
import { must, samSandbox, template } from '../../helpers/sam.js';

describe('mergeGlobal (SAM-03)', () => {
  it('keeps the resource scalar and takes the global when the resource has none', () => {
    expect(mergeGlobal({ MemorySize: 256, Timeout: 3 }, { MemorySize: 1024 })).toEqual({ MemorySize: 1024, Timeout: 3 });
  });

  it('merges maps key by key with the resource winning', () => {
    const global = { Environment: { Variables: { TABLE: 'orders', STAGE: 'dev' } } };
    expect(mergeGlobal(global, { Environment: { Variables: { STAGE: 'prod', MODE: 'read' } } })).toEqual({ Environment: { Variables: { TABLE: 'orders', STAGE: 'prod', MODE: 'read' } } });
  });

  it('joins lists, global entries first, and never merges into an intrinsic function', () => {
    expect(mergeGlobal({ Layers: ['a'] }, { Layers: ['b'] })).toEqual({ Layers: ['a', 'b'] });
    expect(mergeGlobal({ Environment: { Variables: { A: '1' } } }, { Environment: { Ref: 'Env' } })).toEqual({ Environment: { Ref: 'Env' } });
  });
});

describe('Globals in a deploy', () => {
  it('applies Globals.Api to the implicit ServerlessRestApi (its stage caches)', () => {
    const head = 'Globals:\n  Api:\n    CacheClusterEnabled: true\n    MethodSettings: [{ResourcePath: /*, HttpMethod: "*", CachingEnabled: true, CacheTtlInSeconds: 120}]\n';
    const session = samSandbox({ 'g.yaml': template('  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: catalog.http-ok\n      Runtime: nodejs22.x\n      Events:\n        Get:\n          Type: Api\n          Properties: {Path: /x, Method: get}\n', head) });
    const out = must(session, 'sim sam deploy g.yaml');
    const apiId = out['events'].find((e: Record<string, string>) => e['logicalId'] === 'ServerlessRestApi').physicalId;
    const stage = must(session, `sim show api ${apiId}`)['stages'][0];
    expect([stage['stage'], stage['cache']['enabled'], stage['cache']['ttlSeconds'], stage['cache']['methods']]).toEqual(['Prod', true, 120, ['GET']]);
  });
});
