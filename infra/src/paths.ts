import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root: the folder holding turbo.json, found from this file upward. */
export function repoRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'turbo.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no turbo.json above ${from}`);
    dir = parent;
  }
  return dir;
}
