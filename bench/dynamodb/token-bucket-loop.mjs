// The baseline the DynamoDB bench compares with: a plain JavaScript loop doing the same capacity
// arithmetic as one virtual hour of PutItem at 1,000/s on an 800-WCU table: each second allows 800
// units, unused units are banked as burst credit up to 300 seconds' worth (DDB-07), and each 1-KB
// write takes 1 unit (DDB-02). No validation, no storage, no trace: the floor.
export function tokenBucketLoop(requests = 3_600_000, unitsPerSecond = 800, requestsPerSecond = 1_000) {
  const burstCapUnits = unitsPerSecond * 300;
  let second = 0;
  let usedUnits = 0;
  let burstUnits = 0;
  let throttled = 0;
  let consumedUnits = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (let n = 0; n < requests; n++) {
    const nowSecond = Math.floor(n / requestsPerSecond);
    if (nowSecond !== second) {
      burstUnits = Math.min(burstCapUnits, burstUnits + (unitsPerSecond - usedUnits) + unitsPerSecond * (nowSecond - second - 1));
      second = nowSecond;
      usedUnits = 0;
    }
    if (usedUnits < unitsPerSecond) usedUnits++;
    else if (burstUnits >= 1) burstUnits--;
    else {
      throttled++;
      continue;
    }
    consumedUnits++;
  }
  const cpu = process.cpuUsage(cpuStarted);
  return { wallMs: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1_000, requests, throttled, consumedUnits };
}
