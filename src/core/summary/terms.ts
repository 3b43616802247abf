/*
 * Party terms (nhiệm kỳ) as offices write them: "2020-2025", "2020 - 2025",
 * "2020–2025", "NK 2020-2025", "Nhiệm kỳ 2025-2030", "2025-2027". A term is
 * ordered by its first year. Terms that begin the same year are one term of the
 * summary: the grassroots committees elected for 2025-2030 and the cells
 * (two congresses in five years) for 2025-2027 are the same wave of congresses.
 */

const YEARS = /(\d{4})\s*[-–—/]\s*(\d{4})/;
const ONE_YEAR = /(?:^|\D)(\d{4})(?:\D|$)/;

/** The first year of a term, or null when the text names no year. */
export function termStart(term: string): number | null {
  const m = YEARS.exec(term) ?? ONE_YEAR.exec(term);
  return m ? Number(m[1]) : null;
}

/** Which terms a table's rows hold, by first year, with the spellings seen. */
export class TermLog {
  private readonly starts = new Map<string, number | null>();
  readonly spellings = new Map<number, Set<string>>();

  /** The first year of a row's term (cached per spelling: a province repeats a handful). */
  startOf(term: string | null): number | null {
    if (term === null || term.trim() === "") return null;
    let y = this.starts.get(term);
    if (y === undefined) {
      y = termStart(term);
      this.starts.set(term, y);
    }
    return y;
  }

  note(term: string | null): void {
    const y = this.startOf(term);
    if (y === null || term === null) return;
    let s = this.spellings.get(y);
    if (!s) this.spellings.set(y, (s = new Set()));
    s.add(normalTerm(term));
  }

  /** The first years seen, latest first. */
  years(): number[] {
    return [...this.spellings.keys()].sort((a, b) => b - a);
  }

  /** "2025-2027, 2025-2030": the spellings of one term, in order. */
  label(start: number): string {
    return [...(this.spellings.get(start) ?? [])].sort().join(", ");
  }
}

/** "NK 2020 – 2025" -> "2020-2025"; text with no two years is kept as written. */
export function normalTerm(term: string): string {
  const m = YEARS.exec(term);
  return m ? `${m[1]}-${m[2]}` : term.trim();
}
