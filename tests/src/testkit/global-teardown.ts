import type { TestRun } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const run = (globalThis as { __NTM_TEST_RUN__?: TestRun }).__NTM_TEST_RUN__;
  if (!run) return;
  run.control.close();
  await run.stack.stop();
  await run.db?.stop();
}
