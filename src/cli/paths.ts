// Locations inside the installed package, found from this compiled file so
// they work from any working directory (src/cli and dist/cli sit at the same depth).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const packageRoot: string = fileURLToPath(new URL('../../', import.meta.url));

/** The development set of the sample corpus shipped with the package. */
export const defaultCorpus: string = join(packageRoot, 'corpus', 'dev');

/** The sample corpus: the development set and the scraped (wild) set, each NAME.txt beside its NAME.gold.json. */
export const SAMPLE_SETS: readonly { name: string; dir: string }[] = [
  { name: 'dev', dir: defaultCorpus },
  { name: 'wild', dir: join(packageRoot, 'corpus', 'wild') },
];

/** The database when neither --db nor ZHENGBAO_DB says otherwise. */
export const DEFAULT_DB = 'zhengbao.db';

/** The shared scorer beside a checkout, else the copy vendored into the package. */
export function scorerPath(): string {
  const shared = join(packageRoot, '..', 'shared', 'tools', 'score.mjs');
  return existsSync(shared) ? shared : join(packageRoot, 'tools', 'score.mjs');
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}
