import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.__usefirstTestStack;
  if (!stack) return;
  await stack.stop();
  rmSync(stack.dataDir, { recursive: true, force: true });
}
