#!/usr/bin/env node
// The zhengbao executable.
import { reasonOf } from './io.js';
import { createProgram } from './program.js';

// `zhengbao facts | head` closes stdout early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`zhengbao: ${reasonOf(error)}\n`);
  process.exitCode = 1;
}
