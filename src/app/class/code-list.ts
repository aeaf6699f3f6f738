// Reading a class's batch of replay codes: a pasted list or a text/CSV file with a student-name
// column, as entries of name, code and line (RFC 4180 CSV, header detection, one code per line).
// Browser-safe: no node: imports. Nothing here throws on bad input.

export interface CodeEntry {
  /** The student's name ('' when the input has none). */
  name: string;
  code: string;
  /** 1-based line of the input it came from. */
  line: number;
}

const CODE_HEADERS = [
  'code',
  'replay code',
  'replaycode',
  'replay_code',
  'replay',
  '代码',
  '回放代码',
  '回放码',
];
const NAME_HEADERS = [
  'name',
  'student',
  'student name',
  'student_name',
  'studentname',
  '姓名',
  '名字',
  '学生',
  '学生姓名',
];
const ID_HEADERS = ['id', 'student id', 'student_id', '学号'];
const CODE_IN_TEXT = /(?:https?:\/\/\S*?[?#&]replay=)?ST\d+\.[A-Za-z0-9_-]+/;

/** RFC 4180 rows: quoted fields may hold the delimiter, doubled quotes and line breaks. */
export function parseCsv(text: string, delimiter = ','): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ cells, line: rowLine });
  }
  return rows;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** How a code list is laid out: a table with a code column, or one code per line. */
export interface CodeListLayout {
  delimiter: string;
  /** The header's cells (normalised) when the list is a table with a code column; null for one code per line. */
  header: string[] | null;
  codeCol: number;
  nameCol: number;
  idCol: number;
}

/** The line that decides a list's layout is its first one that is neither blank nor a # comment. */
export const isLayoutLine = (line: string): boolean => line.trim() !== '' && !line.trim().startsWith('#');

/** The layout of a code list, read from its first layout line ('' when it has none). */
export function codeListLayout(firstLine: string): CodeListLayout {
  const delimiter = firstLine.includes('\t')
    ? '\t'
    : !firstLine.includes(',') && firstLine.includes(';')
      ? ';'
      : ',';
  const head = parseCsv(firstLine, delimiter)[0]?.cells.map(norm) ?? [];
  const codeCol = head.findIndex((h) => CODE_HEADERS.includes(h));
  return {
    delimiter,
    header: codeCol >= 0 ? head : null,
    codeCol,
    nameCol: head.findIndex((h) => NAME_HEADERS.includes(h)),
    idCol: head.findIndex((h) => ID_HEADERS.includes(h)),
  };
}

/** Whether a table row is the header itself. */
export const isHeaderRow = (layout: CodeListLayout, cells: readonly string[]): boolean =>
  layout.header !== null && cells.map(norm).join('\u0000') === layout.header.join('\u0000');

/** The entry of a table row below the header, or null for an empty or # comment row. */
export function entryOfRow(layout: CodeListLayout, cells: readonly string[], line: number): CodeEntry | null {
  const code = (cells[layout.codeCol] ?? '').trim();
  const name = (cells[layout.nameCol] || cells[layout.idCol] || '').trim();
  if (code === '' && name === '') return null;
  if (cells.length === 1 && cells[0]!.trim().startsWith('#')) return null;
  return { name, code, line };
}

/**
 * Text that was probably meant as a code even though it is not one (cut short, its prefix lost):
 * 16 or more characters in a row of the kind a code or a link to one is made of. No name is.
 */
const CODE_LIKE = /[A-Za-z0-9._~:/?#&=%+-]{16,}/;
/** A short word of a code's characters alone on its line: a code cut short, or a name; taken as a code. */
const ONE_WORD = /^[A-Za-z0-9._~:/?#&=%+-]+$/;
/** A name without the separators around it (ASCII and full-width). */
const trimName = (s: string) => s.replace(/^[\s,;:|"'\-，；：、]+|[\s,;:|"'\-，；：、]+$/g, '').trim();

/**
 * The entry of one line of a plain list (a code, maybe with a name), or null for a blank or # comment
 * line. A line with no code in it keeps its text as the name ("Li Wei," or "王小明：" is a student
 * who handed in nothing), unless it is one short word, which may be a code cut short.
 */
export function entryOfLine(raw: string, line: number): CodeEntry | null {
  const l = raw.trim();
  if (l === '' || l.startsWith('#')) return null;
  const m = CODE_IN_TEXT.exec(l) ?? CODE_LIKE.exec(l);
  if (m) return { name: trimName(l.slice(0, m.index) + l.slice(m.index + m[0].length)), code: m[0], line };
  const name = trimName(l);
  if (ONE_WORD.test(l) || name === '') return { name: '', code: l, line };
  return { name, code: '', line };
}

/**
 * The codes in a pasted text or an uploaded file: a CSV (or tab-separated) table whose header
 * has a `code` column (and maybe a name column), or else one code per line, optionally with a
 * name before or after it. Blank lines and lines starting with # are skipped. (src/app/code-stream.ts
 * reads the same from a stream, in bounded memory.)
 */
export function parseCodeList(text: string): CodeEntry[] {
  const src = text.replace(/^\uFEFF/, '');
  const layout = codeListLayout(src.split(/\r?\n/).find(isLayoutLine) ?? '');
  const out: CodeEntry[] = [];
  if (layout.header) {
    const rows = parseCsv(src, layout.delimiter);
    const headerAt = rows.findIndex((r) => isHeaderRow(layout, r.cells));
    for (const r of rows.slice(headerAt + 1)) {
      const e = entryOfRow(layout, r.cells, r.line);
      if (e) out.push(e);
    }
    return out;
  }
  src.split(/\r?\n/).forEach((raw, i) => {
    const e = entryOfLine(raw, i + 1);
    if (e) out.push(e);
  });
  return out;
}
