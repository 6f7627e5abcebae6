// Where commands write. Commands take an Io instead of using process.stdout
// directly, so tests can run them in-process and read what they printed.
import { InputError } from '../ingest/read.js';

export interface Io {
  stdout(text: string): void;
  /** Bytes as they are (an original PDF). */
  stdoutBytes(bytes: Uint8Array): void;
  stderr(text: string): void;
  /** Binary output is not written to a terminal. */
  stdoutIsTTY: boolean;
  /** A progress bar is drawn only on a terminal: redirected stderr stays clean. */
  stderrIsTTY: boolean;
}

export const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stdoutBytes: (bytes) => void process.stdout.write(bytes),
  stderr: (text) => void process.stderr.write(text),
  get stdoutIsTTY() {
    return process.stdout.isTTY === true;
  },
  get stderrIsTTY() {
    return process.stderr.isTTY === true;
  },
};

/** An Io that keeps everything, for tests. */
export function memoryIo(): Io & { out: string; err: string; bytes: Buffer } {
  const io = {
    out: '',
    err: '',
    bytes: Buffer.alloc(0),
    stderrIsTTY: false,
    stdoutIsTTY: false,
    stdout(text: string) {
      io.out += text;
    },
    stdoutBytes(bytes: Uint8Array) {
      io.bytes = Buffer.concat([io.bytes, bytes]);
    },
    stderr(text: string) {
      io.err += text;
    },
  };
  return io;
}

/** The first line of an error's message: every failure is reported on one line. */
export function reasonOf(error: unknown): string {
  if (error instanceof InputError) return error.reason;
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() || 'unknown error';
}

/** `zhengbao: FILE: reason`, the one-line form of every per-file failure. */
export function failureLine(file: string, error: unknown): string {
  const name = error instanceof InputError ? error.file : file;
  return `zhengbao: ${name}: ${reasonOf(error)}\n`;
}
