// The DOM side of the HTML reader: parsing a page into domhandler nodes
// (parse5 with the htmlparser2 tree adapter) and the node-type guards.
import type { AnyNode, Document, Element, Text } from 'domhandler';
import { ElementType } from 'htmlparser2';
import { parse as parse5 } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';

export function isTag(n: AnyNode): n is Element {
  return n.type === ElementType.Tag || n.type === ElementType.Script || n.type === ElementType.Style;
}
export function isText(n: AnyNode): n is Text {
  return n.type === ElementType.Text;
}

/**
 * The page as a DOM: parse5 (the WHATWG tree construction browsers use, so
 * unclosed <p> and <td> nest as a browser shows them) building domhandler
 * nodes. Its open-element stack is an array: 200,000 nested <div>s parse in
 * linear time.
 */
export function parse(html: string): Document {
  return parse5(html, { treeAdapter: adapter }) as unknown as Document;
}
