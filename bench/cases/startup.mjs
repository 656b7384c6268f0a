// Start-up: time to print --version against a bare `node -e 0`, and time from process start to the home
// screen's first frame in a pseudo-terminal against a bare ink hello-world (same ink and React, bundled
// with trainer's own esbuild options), all measured in the same loop so they see the same machine load.
// Also the CPU time each had used at its first frame (steadier than wall time on a loaded machine).
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOptions } from '../../scripts/bundle-options.mjs';
import { LAUNCHER, median, timeNode } from '../lib.mjs';
import { cpuMs, peakRssMiB, startPty } from '../pty.mjs';

/** The target: trainer's first frame within 1.3× the hello-world's. */
const TARGET_RATIO = 1.3;

async function bundleHello(dir) {
  const entry = fileURLToPath(new URL('../hello/hello-ink.mjs', import.meta.url));
  await build({ ...bundleOptions, entryPoints: { hello: entry }, outdir: dir });
  return path.join(dir, 'hello.js');
}

/** Starts `node ...args` in a pty; resolves when `marker` is on screen, with wall ms, CPU ms and peak RSS then. */
async function timeFirstFrame(args, marker, env) {
  const run = startPty(args, { env });
  try {
    const shownAt = await run.waitFor((text) => text.includes(marker), 20_000);
    const sample = { wallMs: shownAt - run.started, cpuMs: cpuMs(run.child.pid), rssMiB: peakRssMiB(run.child.pid) };
    run.child.write('q');
    await run.exit;
    return sample;
  } finally {
    await run.stop();
  }
}

const med = (samples, field) => median(samples.map((s) => s[field]));

export default async function startup({ runs }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'trainer-bench-startup-'));
  try {
    const hello = await bundleHello(dir);
    // An empty progress folder, so the learner's own progress is neither read nor changed.
    const env = { TRAINER_HOME: path.join(dir, 'home') };
    const samples = { bare: [], version: [], hello: [], trainer: [] };
    for (let i = 0; i < runs; i++) {
      samples.bare.push(await timeNode(['-e', '0']));
      samples.version.push(await timeNode([LAUNCHER, '--version']));
      samples.hello.push(await timeFirstFrame([hello], '8. Quit', env));
      samples.trainer.push(await timeFirstFrame([LAUNCHER], '8. Quit', env));
    }
    const bareMs = med(samples.bare, 'wallMs');
    const helloMs = med(samples.hello, 'wallMs');
    const helloCpuMs = med(samples.hello, 'cpuMs');
    const row = (name, list, base, baseName) => ({
      case: name,
      'median ms': med(list, 'wallMs').toFixed(0),
      'CPU ms': list[0]?.cpuMs === undefined ? '–' : med(list, 'cpuMs').toFixed(0),
      'vs': baseName,
      'ratio': (med(list, 'wallMs') / base).toFixed(2),
      'CPU ratio': list[0]?.cpuMs === undefined ? '–' : (med(list, 'cpuMs') / helloCpuMs).toFixed(2),
      'peak RSS MiB': med(list, 'rssMiB').toFixed(0),
    });
    const trainerRow = row('first frame: trainer home screen (pty)', samples.trainer, helloMs, 'hello');
    return [
      row('node -e 0', samples.bare, bareMs, 'node -e 0'),
      row('trainer --version', samples.version, bareMs, 'node -e 0'),
      row('first frame: ink hello-world (pty)', samples.hello, bareMs, 'node -e 0'),
      { ...trainerRow, ratio: `${trainerRow.ratio} (target ≤ ${TARGET_RATIO})` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
