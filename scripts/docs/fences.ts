/**
 * Fenced code blocks of a markdown text, as CommonMark reads them: a fence of
 * three or more backticks or tildes, indented by up to three spaces (more inside
 * a list item), closed by a fence of the same character at least as long, or by
 * the end of the text.
 */

/** One fenced code block. */
export interface Fence {
  /** The info string's first word, lowercased (`ts`, `typescript`, `sh`), or `''`. */
  readonly lang: string;
  /** The whole info string after the fence (`ts nocheck`). */
  readonly info: string;
  /** The code, with the fence's indentation removed from each line. */
  readonly code: string;
  /** The fence's indentation, in spaces: a column in `code` is this much further right in the text. */
  readonly indent: number;
  /** 1-based line of the opening fence; the code's first line is `line + 1`. */
  readonly line: number;
  /** Offset of the opening fence's first character. */
  readonly start: number;
  /** Offset just after the closing fence's line (or the end of the text). */
  readonly end: number;
}

const OPEN = /^( *)(`{3,}|~{3,})(.*)$/;

/** Every fenced code block of a markdown text, in order. */
export function findFences(text: string): Fence[] {
  const lines = text.split('\n');
  const fences: Fence[] = [];
  let offset = 0;
  const offsets = lines.map((line) => {
    const at = offset;
    offset += line.length + 1;
    return at;
  });
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i] ?? '');
    if (open === null) continue;
    const [, indent = '', fence = '', rest = ''] = open;
    // A backtick fence's info string may not contain a backtick (that is inline code).
    if (fence.startsWith('`') && rest.includes('`')) continue;
    const info = rest.trim();
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      const close = /^( *)(`{3,}|~{3,})\s*$/.exec(line);
      if (close !== null && (close[2] ?? '').startsWith(fence[0] ?? '') && (close[2] ?? '').length >= fence.length) break;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
    }
    fences.push({
      lang: (info.split(/\s+/)[0] ?? '').toLowerCase(),
      info,
      code: body.length === 0 ? '' : `${body.join('\n')}\n`,
      indent: indent.length,
      line: i + 1,
      start: offsets[i] ?? 0,
      end: j < lines.length ? (offsets[j] ?? text.length) + (lines[j] ?? '').length + 1 : text.length,
    });
    i = j;
  }
  return fences;
}
