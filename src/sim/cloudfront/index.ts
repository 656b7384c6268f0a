// CloudFront's public surface: distributions with per-edge-location caches, Lambda@Edge and
// CloudFront Function triggers with their association-time limits, and the sandbox rows.
export { checkAssociations, parseLambdaArn } from './associations.js';
export { ageSeconds, cacheKeyOf, invalidationMatches, isFresh, ttlSecondsFor } from './cache.js';
export { CLOUDFRONT_OPERATIONS } from './commands.js';
export { readDistributionConfig } from './distribution-config.js';
export { createDistribution, createInvalidation, describeDistribution, getDistribution, listDistributions, updateDistribution } from './distributions.js';
export { createFunction, describeFunction, publishFunction, updateFunction } from './functions.js';
export * from './limits.js';
export { CLOUDFRONT_SLOT, cloudFrontState, findDistribution, type CacheEntry, type CloudFrontState, type DistributionSettings, type DistributionState } from './model.js';
export { serveRequest, type CacheResult, type ServeStep, type ServedResponse } from './serve.js';
export { describeDistributionForShow, formatDistributionView, type DistributionView, type LocationView } from './show.js';
export { CLOUDFRONT_SIM_COMMANDS } from './sim-commands.js';
export { locateViewer, sendViewerRequest, type ViewerRequest } from './viewer.js';
