import { Places } from "../facts/places";

/**
 * Comparison keys for names, cached per check run: names repeat thousands of
 * times (every meeting row names its cell), and normalising runs Unicode and
 * regex work. Pass the same NameKeys to every rule. Place identity (cells,
 * communes, a row's commune, unmarked spellings) is facts/places, shared with the summary.
 */
export class NameKeys extends Places {
  private readonly persons = new Map<string, string>();

  /**
   * A person's name with diacritics folded, for `cadre/duplicate`: the same
   * folding as text/fold for letters, but a plain loop instead of Unicode
   * property regexes, as it runs once per cadre row.
   */
  person(text: string): string {
    let k = this.persons.get(text);
    if (k === undefined) {
      const d = text.normalize("NFD");
      let out = "";
      let space = false;
      for (let i = 0; i < d.length; i++) {
        const c = d.charCodeAt(i);
        if (c >= 0x300 && c <= 0x36f) continue;
        if (c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x0a || c === 0x0d) {
          space = true;
          continue;
        }
        if (space && out.length > 0) out += " ";
        space = false;
        out += c === 0x110 || c === 0x111 ? "d" : d[i];
      }
      k = out.toLowerCase();
      this.persons.set(text, k);
    }
    return k;
  }
}
