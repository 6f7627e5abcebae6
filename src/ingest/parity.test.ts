// The format-parity bar: every development document, rendered as a portal
// web page, a one- and a two-column PDF, a Word file, GBK text and Big5
// Traditional text, read back and extracted, gives the facts and projects of
// its plain text, judged by the referee (score.mjs), with every quote an
// exact substring of the text read from the file at its span.
import { describe, expect, it } from 'vitest';
import { runParity } from '../bench/parity.js';
import { FIXTURE_KINDS } from './render/index.js';

describe('format parity against the plain-text extraction', () => {
  it.each(FIXTURE_KINDS)('%s: F1 = 1.00, projects F1 = 1.00, quotes grounded 100%', async (kind) => {
    const [result] = await runParity({ kinds: [kind] });
    const s = result!.summary;
    expect(s.docs).toBe(10);
    expect(s.facts.gold).toBeGreaterThan(60);
    expect(s.projects.gold).toBeGreaterThan(10);
    expect({ p: s.facts.p, r: s.facts.r, f: s.facts.f }).toEqual({ p: 1, r: 1, f: 1 });
    expect(s.projects.f).toBe(1);
    expect(s.quotes_grounded).toBe(1);
  }, 120_000);
});
