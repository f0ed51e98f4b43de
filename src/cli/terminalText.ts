/**
 * Contract text and file names come from other people. Before they reach a terminal, characters that
 * a terminal acts on are shown as escapes: control characters (ESC sequences could clear the screen or
 * rewrite earlier lines; a newline in a file name could print a fake summary line), DEL, the C1
 * controls, and the bidirectional overrides that make text display in another order than it reads.
 */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_KEEP_NEWLINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** One line of output: every unsafe character, newlines included, escaped. Tabs stay. */
export function escapeLine(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** Many lines of output: line breaks kept, everything else unsafe escaped (for a terminal). */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE_KEEP_NEWLINES, escape);
}
