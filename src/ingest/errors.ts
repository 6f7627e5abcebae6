// The one error an input file can raise: the file and a reason a person can
// act on (`x.pdf: encrypted PDF (password required)`). Every reader throws it;
// the CLI prints it as `zhengbao: FILE: REASON`, the API answers 422 with it.

export class InputError extends Error {
  readonly file: string;
  readonly reason: string;
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'InputError';
    this.file = file;
    this.reason = reason;
  }
}

const MB = 1024 * 1024;

/** 64 -> "64", 1.5 MB -> "1.5", 0.25 MB -> "0.25". */
export function formatMB(bytes: number): string {
  const mb = bytes / MB;
  if (Number.isInteger(mb)) return String(mb);
  return mb >= 1 ? mb.toFixed(1) : String(Number(mb.toPrecision(2)));
}
