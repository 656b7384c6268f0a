// Proves CloudFront's numbers: EDGE-05's per-trigger limits in the classic era (the default) and under
// the late-2025 flag, EDGE-07's CloudFront Function limits, and the rows CloudFront adds to
// SIMULATOR_LIMITS, which leave out the viewer timeout and package size EDGE-05 calls unsettled.
import { describe, expect, it } from 'vitest';
import { CF_FUNCTION_CODE_MAX_BYTES, CF_FUNCTION_MEMORY_MAX_BYTES, triggerLimits } from '../../../src/sim/cloudfront/limits.js';
import { SIMULATOR_LIMITS } from '../../../src/sim/index.js';

describe('Lambda@Edge limits per trigger type (EDGE-05)', () => {
  it('are 128 MB / 5 s / 1 MB at viewer triggers and 10,240 MB / 30 s / 50 MB at origin triggers in the classic era', () => {
    expect(triggerLimits('classic', 'viewer-request')).toEqual({ memoryMaxMb: 128, timeoutMaxSeconds: 5, packageMaxBytes: 1_048_576, generatedResponseMaxBytes: 40_960 });
    expect(triggerLimits('classic', 'origin-response')).toEqual({ memoryMaxMb: 10_240, timeoutMaxSeconds: 30, packageMaxBytes: 52_428_800, generatedResponseMaxBytes: 1_048_576 });
  });

  it('become 30 s / 50 MB / Lambda memory at viewer triggers under late-2025, generated responses unchanged', () => {
    expect(triggerLimits('late-2025', 'viewer-response')).toEqual({ memoryMaxMb: 10_240, timeoutMaxSeconds: 30, packageMaxBytes: 52_428_800, generatedResponseMaxBytes: 40_960 });
  });
});

describe('CloudFront Functions (EDGE-07) and SIMULATOR_LIMITS', () => {
  it('allow 10 KB of code and 2 MB of memory', () => {
    expect([CF_FUNCTION_CODE_MAX_BYTES, CF_FUNCTION_MEMORY_MAX_BYTES]).toEqual([10_240, 2_097_152]);
  });

  it('quote only the settled numbers', () => {
    expect(SIMULATOR_LIMITS['cloudfront.edgeViewerMemoryMaxMb']).toBe(128); // EDGE-05
    expect(SIMULATOR_LIMITS['cloudfront.edgeOriginTimeoutMaxSeconds']).toBe(30); // EDGE-05
    expect(SIMULATOR_LIMITS['cloudfront.edgeViewerGeneratedResponseMaxKb']).toBe(40); // EDGE-05
    expect(SIMULATOR_LIMITS['cloudfront.edgeOriginGeneratedResponseMaxMb']).toBe(1); // EDGE-05
    expect(SIMULATOR_LIMITS['cloudfront.functionCodeMaxKb']).toBe(10); // EDGE-07
    expect(SIMULATOR_LIMITS['cloudfront.functionMemoryMaxMb']).toBe(2); // EDGE-07
    expect(Object.keys(SIMULATOR_LIMITS).filter((key) => /edgeViewer(Timeout|Package)/.test(key))).toEqual([]);
  });
});
