import { fold } from "../text/fold";

/**
 * Comparison keys for names, cached per check run: names repeat thousands of
 * times (every meeting row names its cell), and normalising runs Unicode and
 * regex work. Pass the same NameKeys to every rule.
 */
export class NameKeys {
  private readonly folded = new Map<string, string>();
  private readonly named = new Map<string, string>();

  /** Diacritics folded: for fuzzy matching and for people's names (`cadre/duplicate`). */
  fold(text: string): string {
    let k = this.folded.get(text);
    if (k === undefined) {
      k = fold(text);
      this.folded.set(text, k);
    }
    return k;
  }

  /**
   * Identity of a place name: composed Unicode, case and spacing ignored, but
   * diacritics kept, since "Thôn Đồng" and "Thôn Đông" are two hamlets of one commune.
   */
  name(text: string): string {
    let k = this.named.get(text);
    if (k === undefined) {
      k = text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
      this.named.set(text, k);
    }
    return k;
  }

  /** A party cell is identified by its commune and its name. */
  cellKey(commune: string | null, cell: string): string {
    return (commune === null ? "" : this.name(commune)) + "\u0001" + this.name(cell);
  }
}
