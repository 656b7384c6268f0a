// DynamoDB's numbers, each with the fact it comes from (shared/aws-facts.md). Nothing else in the
// DynamoDB folder writes an AWS number inline.

/** DDB-01: one read unit covers up to 4 KB. */
export const READ_UNIT_BYTES = 4_096;
/** DDB-02: one write unit covers up to 1 KB. */
export const WRITE_UNIT_BYTES = 1_024;
/** DDB-03: an item is at most 400 KB, attribute names included. */
export const MAX_ITEM_SIZE_BYTES = 409_600;
/** DDB-03: partition key values are 1–2,048 bytes, sort key values 1–1,024 bytes. */
export const MAX_PARTITION_KEY_BYTES = 2_048;
export const MAX_SORT_KEY_BYTES = 1_024;
/** DDB-03: Query and Scan stop a page once 1 MB has been read. */
export const MAX_PAGE_BYTES = 1_048_576;
/** DDB-03: BatchWriteItem takes at most 25 puts/deletes, BatchGetItem at most 100 keys. */
export const MAX_BATCH_WRITE_ITEMS = 25;
export const MAX_BATCH_GET_KEYS = 100;

/** DDB-04: provisioned → on-demand at most 4 times in any rolling 24 h (the other way: any time). */
export const MAX_SWITCHES_TO_ON_DEMAND_PER_DAY = 4;
export const DAY_MS = 86_400_000;

/** DDB-05: a new on-demand table serves 4,000 writes/s and 12,000 reads/s at once (2× a notional peak). */
export const ON_DEMAND_INITIAL_WRITE_PEAK = 2_000;
export const ON_DEMAND_INITIAL_READ_PEAK = 6_000;
/** DDB-05: traffic above 2× the previous peak within 30 minutes may throttle. */
export const ON_DEMAND_PEAK_MULTIPLIER = 2;
export const ON_DEMAND_PEAK_WINDOW_MS = 30 * 60_000;

/** DDB-06: per-table and per-account-per-Region provisioned quotas, and the minimum of 1. */
export const MAX_TABLE_CAPACITY_UNITS = 40_000;
export const MAX_ACCOUNT_CAPACITY_UNITS = 80_000;
export const MIN_CAPACITY_UNITS = 1;

/** DDB-07: up to 300 s of unused provisioned capacity is kept as burst credit. */
export const BURST_WINDOW_SECONDS = 300;

/** DDB-08: one partition serves at most 3,000 RCU and 1,000 WCU per second, in either mode. */
export const PARTITION_MAX_RCU = 3_000;
export const PARTITION_MAX_WCU = 1_000;
/**
 * DDB-08 (assumption): a partition holds about 10 GB. AWS no longer documents a number; the classic
 * figure is used for the partition-count formula (docs/dynamodb.md).
 */
export const PARTITION_MAX_BYTES = 10 * 1_073_741_824;

/** DDB-09: target tracking accepts 20–90 %; out after 2 minutes above, in after 15 minutes ≥ 20 points below. */
export const AUTOSCALING_MIN_TARGET_PERCENT = 20;
export const AUTOSCALING_MAX_TARGET_PERCENT = 90;
export const AUTOSCALING_SCALE_OUT_MINUTES = 2;
export const AUTOSCALING_SCALE_IN_MINUTES = 15;
export const AUTOSCALING_SCALE_IN_MARGIN_PERCENT = 20;

/** DDB-11: at most 2 table-class changes in any trailing 30 days. */
export const MAX_TABLE_CLASS_CHANGES = 2;
export const TABLE_CLASS_WINDOW_MS = 30 * DAY_MS;

/** DDB-12: at most 5 LSIs, created with the table; an item collection is at most 10 GB. */
export const MAX_LSI_PER_TABLE = 5;
export const MAX_ITEM_COLLECTION_BYTES = 10 * 1_073_741_824;
/** DDB-13: 20 GSIs per table (default quota). */
export const MAX_GSI_PER_TABLE = 20;

/** DDB-14: at most 100 actions per transaction. */
export const MAX_TRANSACTION_ACTIONS = 100;
/** DDB-15: each transactional read or write costs two units (prepare + commit). */
export const TRANSACTION_COST_MULTIPLIER = 2;
/** DDB-16: a ClientRequestToken is remembered for 10 minutes. */
export const IDEMPOTENCY_WINDOW_MS = 10 * 60_000;
