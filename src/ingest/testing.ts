// Assertions the readers' tests share.
import { expect } from 'vitest';
import { InputError } from './errors.js';

/** `p` rejects with an InputError naming `file`, with this reason, in the `FILE: reason` form. */
export async function expectInputError(p: Promise<unknown>, file: string, reason: string | RegExp): Promise<InputError> {
  const err = await p.then(
    () => {
      throw new Error('expected an InputError, got a result');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  const ie = err as InputError;
  expect(ie.file).toBe(file);
  if (typeof reason === 'string') expect(ie.reason).toBe(reason);
  else expect(ie.reason).toMatch(reason);
  expect(ie.message).toBe(`${file}: ${ie.reason}`);
  return ie;
}
