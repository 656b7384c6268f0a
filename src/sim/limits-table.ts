// One flat table of the simulator's own numbers, for text that quotes them (quiz questions interpolate
// `{{dynamodb.maxItemSizeKb}}`). Every entry is computed from a service's limits constant, never
// retyped, so a question can never disagree with the simulator. Unit conversions happen here, named
// in the key (Kb, Mb, Minutes, Hours); each constant cites its fact in its own limits file.
import { CLOUDFRONT_LIMITS } from './cloudfront/limits.js';
import * as ddb from './dynamodb/limits.js';
import { MAX_NESTING_LEVELS } from './dynamodb/attribute-values.js';
import { MRSC_REGION_COUNT } from './dynamodb/global-tables-replicas.js';
import { DAX_DEFAULT_ITEM_TTL_MS, DAX_DEFAULT_QUERY_TTL_MS, DAX_MAX_REPLICATION_FACTOR, STREAM_RETENTION_MS } from './dynamodb/features.js';
import * as iam from './iam/limits.js';
import * as lam from './lambda/limits.js';
import { APIGATEWAY_LIMITS, COGNITO_LIMITS } from './limits-table-apis.js';
import { STEPFUNCTIONS_LIMITS } from './stepfunctions/limits.js';

const KB = 1_024;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

const DYNAMODB_LIMITS = {
  'dynamodb.readUnitKb': ddb.READ_UNIT_BYTES / KB,
  'dynamodb.writeUnitKb': ddb.WRITE_UNIT_BYTES / KB,
  'dynamodb.maxItemSizeKb': ddb.MAX_ITEM_SIZE_BYTES / KB,
  'dynamodb.maxItemSizeBytes': ddb.MAX_ITEM_SIZE_BYTES,
  'dynamodb.maxPartitionKeyBytes': ddb.MAX_PARTITION_KEY_BYTES,
  'dynamodb.maxSortKeyBytes': ddb.MAX_SORT_KEY_BYTES,
  'dynamodb.maxPageMb': ddb.MAX_PAGE_BYTES / (KB * KB),
  'dynamodb.maxNestingLevels': MAX_NESTING_LEVELS,
  'dynamodb.maxBatchWriteItems': ddb.MAX_BATCH_WRITE_ITEMS,
  'dynamodb.maxBatchGetKeys': ddb.MAX_BATCH_GET_KEYS,
  'dynamodb.maxSwitchesToOnDemandPerDay': ddb.MAX_SWITCHES_TO_ON_DEMAND_PER_DAY,
  'dynamodb.onDemandInitialWritesPerSecond': ddb.ON_DEMAND_INITIAL_WRITE_PEAK * ddb.ON_DEMAND_PEAK_MULTIPLIER,
  'dynamodb.onDemandInitialReadsPerSecond': ddb.ON_DEMAND_INITIAL_READ_PEAK * ddb.ON_DEMAND_PEAK_MULTIPLIER,
  'dynamodb.onDemandPeakMultiplier': ddb.ON_DEMAND_PEAK_MULTIPLIER,
  'dynamodb.onDemandPeakWindowMinutes': ddb.ON_DEMAND_PEAK_WINDOW_MS / MINUTE_MS,
  'dynamodb.maxTableCapacityUnits': ddb.MAX_TABLE_CAPACITY_UNITS,
  'dynamodb.maxAccountCapacityUnits': ddb.MAX_ACCOUNT_CAPACITY_UNITS,
  'dynamodb.minCapacityUnits': ddb.MIN_CAPACITY_UNITS,
  'dynamodb.burstWindowSeconds': ddb.BURST_WINDOW_SECONDS,
  'dynamodb.burstWindowMinutes': ddb.BURST_WINDOW_SECONDS / 60,
  'dynamodb.partitionMaxRcu': ddb.PARTITION_MAX_RCU,
  'dynamodb.partitionMaxWcu': ddb.PARTITION_MAX_WCU,
  'dynamodb.autoscalingMinTargetPercent': ddb.AUTOSCALING_MIN_TARGET_PERCENT,
  'dynamodb.autoscalingMaxTargetPercent': ddb.AUTOSCALING_MAX_TARGET_PERCENT,
  'dynamodb.autoscalingScaleOutMinutes': ddb.AUTOSCALING_SCALE_OUT_MINUTES,
  'dynamodb.autoscalingScaleInMinutes': ddb.AUTOSCALING_SCALE_IN_MINUTES,
  'dynamodb.maxTableClassChanges': ddb.MAX_TABLE_CLASS_CHANGES,
  'dynamodb.maxLsiPerTable': ddb.MAX_LSI_PER_TABLE,
  'dynamodb.maxItemCollectionGb': ddb.MAX_ITEM_COLLECTION_BYTES / (KB * KB * KB),
  'dynamodb.maxGsiPerTable': ddb.MAX_GSI_PER_TABLE,
  'dynamodb.maxTransactionActions': ddb.MAX_TRANSACTION_ACTIONS,
  'dynamodb.transactionCostMultiplier': ddb.TRANSACTION_COST_MULTIPLIER,
  'dynamodb.idempotencyWindowMinutes': ddb.IDEMPOTENCY_WINDOW_MS / MINUTE_MS,
  'dynamodb.streamRetentionHours': STREAM_RETENTION_MS / HOUR_MS,
  'dynamodb.daxItemTtlMinutes': DAX_DEFAULT_ITEM_TTL_MS / MINUTE_MS,
  'dynamodb.daxQueryTtlMinutes': DAX_DEFAULT_QUERY_TTL_MS / MINUTE_MS,
  'dynamodb.daxMaxReplicationFactor': DAX_MAX_REPLICATION_FACTOR,
  'dynamodb.mrscRegionCount': MRSC_REGION_COUNT,
} as const;

const LAMBDA_LIMITS = {
  'lambda.memoryMinMb': lam.MEMORY_MIN_MB,
  'lambda.memoryMaxMb': lam.MEMORY_MAX_MB,
  'lambda.memoryDefaultMb': lam.MEMORY_DEFAULT_MB,
  'lambda.oneVcpuMemoryMb': lam.ONE_VCPU_MEMORY_MB,
  'lambda.timeoutMaxSeconds': lam.TIMEOUT_MAX_SECONDS,
  'lambda.timeoutMaxMinutes': lam.TIMEOUT_MAX_SECONDS / 60,
  'lambda.ephemeralStorageMinMb': lam.EPHEMERAL_STORAGE_MIN_MB,
  'lambda.ephemeralStorageMaxMb': lam.EPHEMERAL_STORAGE_MAX_MB,
  'lambda.ephemeralStorageDefaultMb': lam.EPHEMERAL_STORAGE_DEFAULT_MB,
  'lambda.environmentMaxKb': lam.ENVIRONMENT_MAX_BYTES / KB,
  'lambda.zipDirectUploadMaxMb': lam.ZIP_DIRECT_UPLOAD_MAX_MB,
  'lambda.zipUnzippedMaxMb': lam.ZIP_UNZIPPED_MAX_MB,
  'lambda.layersMax': lam.LAYERS_PER_FUNCTION_MAX,
  'lambda.imageMaxSizeGb': lam.IMAGE_MAX_SIZE_MB / KB,
  'lambda.syncPayloadMaxMb': lam.SYNC_PAYLOAD_MAX_BYTES / (KB * KB),
  'lambda.asyncPayloadMaxMb': lam.ASYNC_PAYLOAD_MAX_BYTES / (KB * KB),
  'lambda.accountConcurrencyDefault': lam.ACCOUNT_CONCURRENCY_DEFAULT,
  'lambda.unreservedConcurrencyMin': lam.UNRESERVED_CONCURRENCY_MIN,
  'lambda.scalingEnvironmentsPerWindow': lam.SCALING_ENVIRONMENTS_PER_WINDOW,
  'lambda.scalingWindowSeconds': lam.SCALING_WINDOW_MS / 1_000,
  'lambda.asyncMaxRetryAttemptsDefault': lam.ASYNC_MAX_RETRY_ATTEMPTS_DEFAULT,
  'lambda.asyncEventAgeMaxHours': lam.ASYNC_EVENT_AGE_MAX_SECONDS / 3_600,
  'lambda.pricePerMillionRequestsUsd': Math.round(lam.PRICE_PER_REQUEST_USD * 1_000_000 * 100) / 100,
  'lambda.pricePerGbSecondUsd': lam.PRICE_PER_GB_SECOND_USD,
  'lambda.whitepaperPricePerGbSecondUsd': lam.WHITEPAPER_PRICE_PER_GB_SECOND_USD,
  'lambda.freeTierRequests': lam.FREE_TIER_REQUESTS,
  'lambda.freeTierGbSeconds': lam.FREE_TIER_GB_SECONDS,
  'lambda.esmBatchSizeDefault': lam.ESM_BATCH_SIZE_DEFAULT,
  'lambda.esmBatchSizeMax': lam.ESM_BATCH_SIZE_MAX,
} as const;

const IAM_LIMITS = {
  'iam.maxRoleNameLength': iam.MAX_ROLE_NAME_LENGTH,
  'iam.maxManagedPoliciesPerRole': iam.MAX_MANAGED_POLICIES_PER_ROLE,
  'iam.defaultMaxSessionDurationHours': iam.DEFAULT_MAX_SESSION_DURATION_SECONDS / 3_600,
  'iam.maxMaxSessionDurationHours': iam.MAX_MAX_SESSION_DURATION_SECONDS / 3_600,
} as const;

/** Every number text may quote, keyed `service.nameWithUnit`. */
export const SIMULATOR_LIMITS: Readonly<Record<string, number>> = {
  ...DYNAMODB_LIMITS,
  ...LAMBDA_LIMITS,
  ...IAM_LIMITS,
  ...APIGATEWAY_LIMITS,
  ...COGNITO_LIMITS,
  ...CLOUDFRONT_LIMITS,
  ...STEPFUNCTIONS_LIMITS,
};
