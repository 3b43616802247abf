import { fold } from "../text/fold";

/**
 * Names repeat thousands of times (every meeting row names its cell), and
 * folding runs Unicode normalisation and regexes, so folded names are cached.
 * The cache is per check run: pass the same NameKeys to every rule.
 */
export class NameKeys {
  private readonly cache = new Map<string, string>();

  fold(text: string): string {
    let k = this.cache.get(text);
    if (k === undefined) {
      k = fold(text);
      this.cache.set(text, k);
    }
    return k;
  }

  /** A party cell is identified by its commune and its name, both folded. */
  cellKey(commune: string | null, cell: string): string {
    return (commune === null ? "" : this.fold(commune)) + "\u0001" + this.fold(cell);
  }
}
