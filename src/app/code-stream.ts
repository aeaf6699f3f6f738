// Reading a list of replay codes as it arrives, in bounded memory: the entries parseCodeList
// (./verify) finds in the whole text, for a file of any size or a pipe that delivers it in pieces.
// Only one record (a line, or a table row whose quoted cells hold line breaks) is held at a time,
// and a record longer than MAX_RECORD_CHARS is cut and flagged instead of held whole: no replay
// code is anywhere near that long. Browser-safe: no node: imports.

import type { CodeEntry, CodeListLayout } from './verify';
import { codeListLayout, entryOfLine, entryOfRow, isLayoutLine } from './verify';

/** Longest record kept whole; a replay code is a few hundred characters (at most 100,000). */
export const MAX_RECORD_CHARS = 1_000_000;

export interface StreamEntry extends CodeEntry {
  /** Set when the record was longer than MAX_RECORD_CHARS and so was cut: its full length. */
  overlong?: number;
}

export interface CsvRecord {
  cells: string[];
  /** 1-based line where the row starts (as parseCsv counts: a lone CR ends a line too). */
  line: number;
  /** Set when the row was longer than the limit: its full length (its cells hold only its start). */
  overlong?: number;
}

/**
 * parseCsv (./verify) fed in pieces: the same rows for any split of the same text. The one-
 * character look-aheads of parseCsv (a doubled quote, CR LF) are kept as state across pieces.
 */
export class CsvRowReader {
  private cells: string[] = [];
  private cell = '';
  private quoted = false;
  /** A quote inside a quoted cell was the last character seen: it closes the cell unless doubled. */
  private quoteEnds = false;
  /** A CR ended the last row: an LF right after it belongs to the same line end. */
  private afterCr = false;
  private line: number;
  private rowLine: number;
  /** Characters in the row so far (kept or not), and where the current cell started. */
  private size = 0;
  private cellStart = 0;

  constructor(
    private readonly delimiter: string,
    firstLine = 1,
    private readonly limit = MAX_RECORD_CHARS,
  ) {
    this.line = firstLine;
    this.rowLine = firstLine;
  }

  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    this.found = {};
    let i = 0;
    while (i < text.length) {
      const ch = text[i]!;
      if (this.afterCr) {
        this.afterCr = false;
        if (ch === '\n') {
          i++;
          continue;
        }
      }
      if (this.quoteEnds) {
        this.quoteEnds = false;
        if (ch === '"') {
          this.add('"');
          i++;
          continue;
        }
        this.quoted = false;
      }
      // Plain characters are taken as one run up to the next one that matters.
      const next = this.nextSpecial(text, i);
      if (next > i) {
        this.add(text.slice(i, next));
        i = next;
        continue;
      }
      i++;
      if (this.quoted) {
        if (ch === '"') this.quoteEnds = true;
        else {
          this.line++; // a line break inside quotes
          this.add(ch);
        }
      } else if (ch === '"' && this.cell.trim() === '') {
        this.cell = '';
        this.quoted = true;
      } else if (ch === '"') {
        this.add(ch);
      } else if (ch === this.delimiter) {
        this.endCell();
      } else {
        this.afterCr = ch === '\r';
        this.endCell();
        out.push(this.endRow());
        this.line++;
        this.rowLine = this.line;
      }
    }
    return out;
  }

  /** Where each character that matters next occurs in the piece being read (recomputed once passed). */
  private found: Record<string, number> = {};

  /** Where the next character that matters is, from `i` on: a quote or LF inside quotes; else a quote, the delimiter, CR or LF. */
  private nextSpecial(text: string, i: number): number {
    const at = (c: string) => {
      let k = this.found[c];
      if (k === undefined || k < i) {
        k = text.indexOf(c, i);
        if (k === -1) k = text.length;
        this.found[c] = k;
      }
      return k;
    };
    const inQuotes = Math.min(at('"'), at('\n'));
    return this.quoted ? inQuotes : Math.min(inQuotes, at(this.delimiter), at('\r'));
  }

  end(): CsvRecord[] {
    this.quoteEnds = false;
    if (this.cell === '' && this.cells.length === 0 && this.size <= this.limit) return [];
    this.endCell();
    return [this.endRow()];
  }

  private add(chars: string): void {
    const room = this.limit - this.size;
    if (room > 0) this.cell += room >= chars.length ? chars : chars.slice(0, room);
    this.size += chars.length;
  }

  private endCell(): void {
    // A cell begun within the limit is kept (cut if need be); later ones are dropped.
    if (this.cellStart <= this.limit) this.cells.push(this.cell);
    this.size++;
    this.cellStart = this.size;
    this.cell = '';
  }

  private endRow(): CsvRecord {
    const row: CsvRecord = { cells: this.cells, line: this.rowLine };
    if (this.size > this.limit) row.overlong = this.size - 1;
    this.cells = [];
    this.cell = '';
    this.size = 0;
    this.cellStart = 0;
    return row;
  }
}

/**
 * parseCodeList fed in pieces. One difference, on purpose: the blank and # comment lines before
 * a table's header are skipped line by line, so a quote in them never opens a cell that runs on
 * into the header (parseCodeList would parse them as table rows first).
 */
export class CodeListReader {
  private started = false;
  /** Known once the first layout line is complete; null before. */
  private layout: CodeListLayout | null = null;
  private csv: CsvRowReader | null = null;
  private headerSkipped = false;
  /** The line being read (seeking the layout, or one code per line), cut at the limit. */
  private partial = '';
  private partialChars = 0;
  /** 1-based number of the line being read, counting LFs; and counting as parseCsv does. */
  private lineNo = 1;
  private csvLineNo = 1;

  constructor(private readonly limit = MAX_RECORD_CHARS) {}

  push(text: string): StreamEntry[] {
    if (!this.started && text !== '') {
      this.started = true;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    const out: StreamEntry[] = [];
    if (this.csv) {
      this.rows(this.csv.push(text), out);
      return out;
    }
    let at = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', at)) {
      this.append(text.slice(at, nl));
      at = nl + 1;
      const rest = this.completeLine(out);
      if (rest !== null) {
        this.rows(this.csv!.push(`${rest}\n${text.slice(at)}`), out);
        return out;
      }
    }
    this.append(text.slice(at));
    return out;
  }

  end(): StreamEntry[] {
    const out: StreamEntry[] = [];
    if (!this.csv && this.partialChars > 0) {
      const rest = this.completeLine(out);
      if (rest !== null) this.rows(this.csv!.push(rest), out);
    }
    if (this.csv) this.rows(this.csv.end(), out);
    return out;
  }

  private append(piece: string): void {
    if (this.partial.length < this.limit) this.partial += piece.slice(0, this.limit - this.partial.length);
    this.partialChars += piece.length;
  }

  /**
   * Ends the line read so far. Returns its text when it was the header of a table (which from
   * then on is read as CSV, starting with that line), else null.
   */
  private completeLine(out: StreamEntry[]): string | null {
    const raw = this.partial;
    const chars = this.partialChars;
    this.partial = '';
    this.partialChars = 0;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!this.layout) {
      if (!isLayoutLine(line)) {
        this.lineNo++;
        this.csvLineNo += 1 + (line.match(/\r/g)?.length ?? 0);
        return null;
      }
      this.layout = codeListLayout(line);
      if (this.layout.header) {
        this.csv = new CsvRowReader(this.layout.delimiter, this.csvLineNo, this.limit);
        return raw;
      }
    }
    const e: StreamEntry | null = entryOfLine(line, this.lineNo);
    if (e) {
      if (chars > this.limit) e.overlong = chars;
      out.push(e);
    }
    this.lineNo++;
    return null;
  }

  /** Appends the entries of table rows to `out` (no spread: a piece may hold many rows). */
  private rows(records: readonly CsvRecord[], out: StreamEntry[]): void {
    for (const r of records) {
      // The first row is the header line itself.
      if (!this.headerSkipped) {
        this.headerSkipped = true;
        continue;
      }
      if (r.overlong !== undefined) {
        // Reported even when its cells were cut before the code column: it is no code.
        const e = entryOfRow(this.layout!, r.cells, r.line);
        out.push({ name: e?.name ?? '', code: e?.code ?? '', line: r.line, overlong: r.overlong });
        continue;
      }
      const e = entryOfRow(this.layout!, r.cells, r.line);
      if (e) out.push(e);
    }
  }
}
