// Text from the input (a student's name, the start of a code, a file name) reaches the
// instructor's terminal only with its control characters spelled out: an escape sequence could
// otherwise erase or recolour a line, a carriage return overwrite it, or a bidi override reverse
// it, and make a refused row look valid. Every command-line output that echoes input goes through
// these two functions.

/**
 * Characters a terminal acts on or that change how the text around them shows: C0 and C1
 * controls and DEL, bidi marks, embeddings, overrides and isolates, zero-width characters and
 * joiners, line and paragraph separators, the byte-order mark, interlinear annotation marks, and
 * lone surrogate halves.
 */
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this module's job.
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const hex = (c: string, digits: number) => c.charCodeAt(0).toString(16).padStart(digits, '0');

/** `s` with every unsafe character written out: \n, \r, \t, \xHH up to U+00FF, else \uHHHH. */
export function printable(s: string): string {
  return s.replace(
    UNSAFE,
    (c) => NAMED[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`),
  );
}

/**
 * JSON.stringify's output with every unsafe character inside its strings written as \uHHHH: the
 * same document to a parser, harmless on a terminal. (JSON.stringify escapes C0 controls and lone
 * surrogates itself, but not DEL, C1 controls or bidi overrides; the raw line breaks and tabs it
 * leaves are the layout of a pretty-printed document, between tokens, and stay.)
 */
export function printableJson(json: string): string {
  return json.replace(UNSAFE, (c) => (c === '\n' || c === '\r' || c === '\t' ? c : `\\u${hex(c, 4)}`));
}
