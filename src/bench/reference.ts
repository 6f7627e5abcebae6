// The reference the bench compares against: Microsoft Recognizers-Text
// (@microsoft/recognizers-text-number) recognising Chinese numbers and
// percentages, line by line, as a user of that library would.
import Recognizers from '@microsoft/recognizers-text-number';

export interface ReferenceResult {
  /** UTF-8 bytes of the sample (all its lines, blank ones included). */
  bytes: number;
  lines: number;
  seconds: number;
  /** Matches found (numbers + percentages), to show the work was done. */
  matches: number;
}

/** Non-blank lines of a text. */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.trim() !== '');
}

type Recognise = (line: string) => number;

/** `recognizeNumber` + `recognizePercentage` with Culture.Chinese: the documented one-call API (builds a recognizer per call). */
export function convenienceApi(): Recognise {
  const { recognizeNumber, recognizePercentage, Culture } = Recognizers;
  return (line) =>
    recognizeNumber(line, Culture.Chinese).length + recognizePercentage(line, Culture.Chinese).length;
}

/** The same models, built once and reused: the fastest way to use the library. */
export function reusedModels(): Recognise {
  const { NumberRecognizer, NumberOptions, Culture } = Recognizers;
  const recognizer = new NumberRecognizer(Culture.Chinese, NumberOptions.None, true);
  const numberModel = recognizer.getNumberModel(Culture.Chinese);
  const percentModel = recognizer.getPercentageModel(Culture.Chinese);
  return (line) => numberModel.parse(line).length + percentModel.parse(line).length;
}

/** Times `recognise` over the lines of the given texts (number and percentage time summed). */
export function runReference(texts: readonly string[], recognise: Recognise): ReferenceResult {
  let bytes = 0;
  let lines = 0;
  let matches = 0;
  let ms = 0;
  for (const text of texts) {
    bytes += Buffer.byteLength(text, 'utf8');
    const ls = linesOf(text);
    lines += ls.length;
    const t0 = performance.now();
    for (const line of ls) matches += recognise(line);
    ms += performance.now() - t0;
  }
  return { bytes, lines, seconds: ms / 1000, matches };
}
