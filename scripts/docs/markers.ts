/**
 * The one reader and writer of generated blocks in markdown:
 * `<!-- generated:NAME -->` on its own line, the generated text, then
 * `<!-- /generated:NAME -->`. Everything outside the markers is hand-written;
 * a marker shown inside a fenced code block is text, not a marker.
 */
import { findFences } from './fences.js';

/** One generated block found in a markdown text. */
export interface Block {
  readonly name: string;
  /** The text between the opening marker's line and the closing marker. */
  readonly content: string;
  /** Offset of the first character after the opening marker's line. */
  readonly start: number;
  /** Offset of the closing marker. */
  readonly end: number;
  /** 1-based line of the opening marker. */
  readonly line: number;
}

/** What `findBlocks` answers: the blocks, and the markers that do not pair up. */
export interface BlockScan {
  readonly blocks: readonly Block[];
  /** One line per malformed marker: unclosed, closed without opening, nested, or repeated. */
  readonly problems: readonly string[];
}

const MARKER = /^[ \t]*<!--[ \t]*(\/?)generated:([A-Za-z0-9._-]+)[ \t]*-->[ \t]*$/gm;

/** The opening marker of a block, as written. */
export function openMarker(name: string): string {
  return `<!-- generated:${name} -->`;
}

/** The closing marker of a block, as written. */
export function closeMarker(name: string): string {
  return `<!-- /generated:${name} -->`;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Every generated block of a markdown text, in order, and every marker that does not pair up. */
export function findBlocks(text: string): BlockScan {
  const blocks: Block[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  let open: { name: string; start: number; line: number } | undefined;
  const fences = findFences(text);
  for (const match of text.matchAll(MARKER)) {
    const [whole, slash = '', name = ''] = match;
    const at = match.index;
    // A fence opened inside a block is part of its content; only a marker inside a fence is skipped.
    if (fences.some((fence) => fence.start <= at && at < fence.end)) continue;
    const line = lineAt(text, at);
    if (slash === '') {
      if (open !== undefined) {
        problems.push(`line ${line}: block "${name}" opens inside block "${open.name}" (opened on line ${open.line})`);
        continue;
      }
      const next = at + whole.length;
      open = { name, start: text[next] === '\n' ? next + 1 : next, line };
      continue;
    }
    if (open === undefined || open.name !== name) {
      problems.push(`line ${line}: block "${name}" closes but was not opened${open === undefined ? '' : ` (block "${open.name}" is open)`}`);
      continue;
    }
    if (seen.has(name)) problems.push(`line ${open.line}: block "${name}" appears twice`);
    else blocks.push({ name, content: text.slice(open.start, at), start: open.start, end: at, line: open.line });
    seen.add(name);
    open = undefined;
  }
  if (open !== undefined) problems.push(`line ${open.line}: block "${open.name}" is never closed (${closeMarker(open.name)})`);
  return { blocks, problems };
}

/** The content of one block, or undefined when the text has no such block. */
export function readBlock(text: string, name: string): string | undefined {
  return findBlocks(text).blocks.find((block) => block.name === name)?.content;
}

/** The text with one block's content replaced; undefined when the text has no such block. */
export function replaceBlock(text: string, name: string, content: string): string | undefined {
  const block = findBlocks(text).blocks.find((b) => b.name === name);
  if (block === undefined) return undefined;
  return text.slice(0, block.start) + content + text.slice(block.end);
}

/** A block with its markers, ready to place in a new file. */
export function wrapBlock(name: string, content: string): string {
  return `${openMarker(name)}\n${content}${closeMarker(name)}\n`;
}
