import { SingleBar, Presets } from 'cli-progress';
import type { SeedProgress } from './seed-demo';

/** A progress bar on a terminal; one JSON line per step elsewhere (CI logs, pipes). */
export function terminalProgress(): SeedProgress {
  let bar: SingleBar | null = null;
  let label = '';
  let done = 0;
  let total = 0;
  return {
    start(next, count) {
      label = next;
      done = 0;
      total = count;
      if (process.stdout.isTTY) {
        bar = new SingleBar(
          { format: `${next.padEnd(16)} [{bar}] {value}/{total} ({percentage}%) {eta_formatted} left` },
          Presets.shades_classic,
        );
        bar.start(count, 0);
      }
    },
    tick(n = 1) {
      done += n;
      if (bar) bar.update(done);
      else if (
        total >= 10 &&
        (done === total || Math.floor(((done - n) * 10) / total) !== Math.floor((done * 10) / total))
      ) {
        console.log(JSON.stringify({ step: label, done, total }));
      }
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
