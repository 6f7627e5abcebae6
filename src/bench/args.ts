// The command line of a benchmark script: node's parseArgs, with a bad
// option or --help answered by the script's usage line.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Values<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>['values'];

export function benchArgs<T extends ParseArgsConfig>(config: T, usage: () => never): Values<T> {
  let values: Values<T>;
  try {
    ({ values } = parseArgs(config));
  } catch (err) {
    console.error((err as Error).message);
    usage();
  }
  if ((values as { help?: boolean }).help) usage();
  return values;
}
