// The chrome data (data/html-chrome.json): its shape, and the compiled form
// (sets, regexps, bit masks) the rest of the HTML reader uses, built once.
import { loadData } from '../../data.js';

interface NameGroup {
  comment?: string;
  when?: 'always' | 'mostlyLinks';
  words: string[];
  prefixes: string[];
  contains: string[];
}
export interface ContainerSpec {
  comment?: string;
  id?: string;
  class?: string;
  tag?: string;
  classContains?: string;
  idContains?: string;
  strong: boolean;
}
interface TextPatternSpec {
  comment: string;
  kind: 'line' | 'segment' | 'trailing';
  pattern: string;
  maxLength: number;
}
interface ChromeData {
  dropTags: string[];
  formKeepChars: number;
  chromeTags: { always: string[]; mostlyLinks: string[] };
  linkDensity: number;
  chromeNames: NameGroup[];
  titleNames: NameGroup;
  containers: ContainerSpec[];
  containerMinChars: number;
  containerMinShare: number;
  containerNarrowShare: number;
  disclosure: { labels: string[]; strong: string[]; minLabels: number; maxChars: number };
  infoLine: { pattern: string; datePattern: string; spaceBefore: string; maxLength: number };
  relatedHeading: { pattern: string; startPattern: string; maxLength: number };
  textChrome: TextPatternSpec[];
  proseMaxLength: number;
  siteTitle: { separators: string; siteName: string; channelName: string };
}

interface CompiledPattern {
  re: RegExp;
  maxLength: number;
}
export interface Compiled {
  data: ChromeData;
  dropTags: Set<string>;
  chromeAlways: Set<string>;
  chromeMostlyLinks: Set<string>;
  names: Array<{ mostlyLinks: boolean; words: Set<string>; prefixes: string[]; contains: string[] }>;
  title: { words: Set<string>; prefixes: string[]; contains: string[] };
  containers: Array<ContainerSpec & { lid?: string; lclass?: string; lclassContains?: string; lidContains?: string }>;
  labels: string[];
  labelRe: RegExp;
  labelBit: Map<string, number>;
  strongMask: number;
  /** Bits of c.containers that are strong / that match by tag name. */
  strongContainers: number;
  tagContainers: Map<string, number>;
  info: RegExp;
  infoDate: RegExp;
  spaceBefore: RegExp;
  related: RegExp;
  relatedStart: RegExp;
  lines: CompiledPattern[];
  segments: CompiledPattern[];
  trailing: CompiledPattern[];
  separators: RegExp;
  siteName: RegExp;
  channelName: RegExp;
}

let compiled: Compiled | undefined;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function chrome(): Compiled {
  if (compiled) return compiled;
  const data = loadData<ChromeData>('html-chrome.json');
  const group = (g: NameGroup) => ({
    words: new Set(g.words.map((w) => w.toLowerCase())),
    prefixes: g.prefixes.map((w) => w.toLowerCase()),
    contains: g.contains.map((w) => w.toLowerCase()),
  });
  const labels = data.disclosure.labels.slice(0, 31);
  let strongMask = 0;
  labels.forEach((l, i) => {
    if (data.disclosure.strong.includes(l)) strongMask |= 1 << i;
  });
  const pats = (kind: TextPatternSpec['kind'], flags: string): CompiledPattern[] =>
    data.textChrome.filter((p) => p.kind === kind).map((p) => ({ re: new RegExp(p.pattern, flags), maxLength: p.maxLength }));
  const containers = data.containers.slice(0, 31);
  let strongContainers = 0;
  const tagContainers = new Map<string, number>();
  containers.forEach((spec, k) => {
    if (spec.strong) strongContainers |= 1 << k;
    if (spec.tag !== undefined) tagContainers.set(spec.tag, (tagContainers.get(spec.tag) ?? 0) | (1 << k));
  });
  const labelBit = new Map<string, number>();
  labels.forEach((l, i) => labelBit.set(l, 1 << i));
  // Longest first, so 发布日期 is not read as 日期.
  const labelRe = new RegExp([...labels].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
  compiled = {
    data,
    labelRe,
    labelBit,
    strongContainers,
    tagContainers,
    dropTags: new Set(data.dropTags),
    chromeAlways: new Set(data.chromeTags.always),
    chromeMostlyLinks: new Set(data.chromeTags.mostlyLinks),
    names: data.chromeNames.map((g) => ({ mostlyLinks: g.when === 'mostlyLinks', ...group(g) })),
    title: group(data.titleNames),
    containers: containers.map((c) => ({
      ...c,
      lid: c.id?.toLowerCase(),
      lclass: c.class?.toLowerCase(),
      lclassContains: c.classContains?.toLowerCase(),
      lidContains: c.idContains?.toLowerCase(),
    })),
    labels,
    strongMask,
    info: new RegExp(data.infoLine.pattern),
    infoDate: new RegExp(data.infoLine.datePattern),
    spaceBefore: new RegExp(`(?<=\\d)(?=${data.infoLine.spaceBefore})`, 'g'),
    related: new RegExp(data.relatedHeading.pattern),
    relatedStart: new RegExp(data.relatedHeading.startPattern),
    lines: pats('line', ''),
    segments: pats('segment', 'g'),
    trailing: pats('trailing', ''),
    separators: new RegExp(data.siteTitle.separators),
    siteName: new RegExp(data.siteTitle.siteName),
    channelName: new RegExp(data.siteTitle.channelName),
  };
  return compiled;
}
