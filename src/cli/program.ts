// The zhengbao command line: one program, one file per command.
import { Command } from 'commander';
import { docsCommand, evalCommand, extractCommand, factsCommand, ingestCommand, serveCommand, showCommand } from './commands/index.js';
import { processIo, type Io } from './io.js';
import { packageVersion } from './paths.js';

export function createProgram(io: Io = processIo): Command {
  const program = new Command('zhengbao')
    .description('政报 — turns Chinese government reports into grounded, queryable facts')
    .version(packageVersion())
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ zhengbao extract corpus/dev/yueyanglou-2021.txt --format table
  $ zhengbao ingest corpus/dev
  $ zhengbao facts --region 岳阳楼区 --indicator gdp
  $ zhengbao facts --format csv > panel.csv
  $ zhengbao docs
  $ zhengbao show 3 --original > report.pdf
  $ zhengbao eval
  $ zhengbao serve --port 8787

The database is ./zhengbao.db unless --db or ZHENGBAO_DB names another.`,
    );
  for (const command of [extractCommand(io), ingestCommand(io), factsCommand(io), docsCommand(io), showCommand(io), evalCommand(io), serveCommand(io)]) {
    program.addCommand(command);
  }
  return program;
}
