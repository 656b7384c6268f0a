// The baseline the DynamoDB bench compares with: a plain JavaScript loop doing the same capacity
// arithmetic as one virtual hour of PutItem at 1,000/s on an 800-WCU table: a token bucket refilled at
// 800 units per second, capped at 300 seconds of unused capacity (burst credit, DDB-07), starting
// empty, each 1-KB write taking 1 unit (DDB-02). No validation, no storage, no trace: the floor.
// Tokens are counted in thousandths of a unit so the arithmetic is exact (units/s × ms = milli-units).
export function tokenBucketLoop(requests = 3_600_000, unitsPerSecond = 800) {
  const capMilliUnits = unitsPerSecond * 300 * 1000;
  let milliUnits = 0;
  let lastMs = 0;
  let throttled = 0;
  let consumedUnits = 0;
  const started = performance.now();
  for (let n = 0; n < requests; n++) {
    const nowMs = n; // one request per virtual ms
    milliUnits = Math.min(capMilliUnits, milliUnits + (nowMs - lastMs) * unitsPerSecond);
    lastMs = nowMs;
    if (milliUnits >= 1000) {
      milliUnits -= 1000;
      consumedUnits += 1;
    } else throttled++;
  }
  return { wallMs: performance.now() - started, requests, throttled, consumedUnits };
}
