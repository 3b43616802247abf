import { fold } from "../text/fold";
import { communeNameKey, nameKey, unmarkedCellAliases, unmarkedCommuneAliases } from "../text/identity";

/**
 * Comparison keys for names, cached per check run: names repeat thousands of
 * times (every meeting row names its cell), and normalising runs Unicode and
 * regex work. Pass the same NameKeys to every rule.
 */
export class NameKeys {
  private readonly folded = new Map<string, string>();
  private readonly named = new Map<string, string>();
  private readonly persons = new Map<string, string>();
  private readonly communes = new Map<string, string>();

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
   * Identity of a party cell's name: case, spacing and tone-mark placement
   * ignored, diacritics kept, since "Thôn Đồng" and "Thôn Đông" are two hamlets
   * of one commune (text/identity).
   */
  name(text: string): string {
    let k = this.named.get(text);
    if (k === undefined) {
      k = nameKey(text);
      this.named.set(text, k);
    }
    return k;
  }

  /** Unmarked commune key -> the one marked commune key it stands for. */
  private aliases = new Map<string, string>();

  /**
   * Identity of a commune: as `name`, without the unit words ("Đảng bộ xã Yên
   * Lạc" = "Yên Lạc"); a spelling typed with no marks at all is the commune it
   * was aliased to (see aliasUnmarkedCommunes).
   */
  commune(text: string): string {
    let k = this.communes.get(text);
    if (k === undefined) {
      k = communeNameKey(text);
      k = this.aliases.get(k) ?? k;
      this.communes.set(text, k);
    }
    return k;
  }

  /** See text/identity's unmarkedCommuneAliases. Call before any lookup. */
  aliasUnmarkedCommunes(spellings: Iterable<string>): void {
    this.aliases = unmarkedCommuneAliases(spellings);
    this.communes.clear();
  }

  /** Commune key + "\u0000" + unmarked cell name key -> the marked cell it stands for (text/identity). */
  private cellAliases = new Map<string, string>();

  /** A cell name typed without marks is the one marked cell of its commune it matches, as in the summary. After aliasUnmarkedCommunes. */
  aliasUnmarkedCells(pairs: Iterable<readonly [commune: string, cell: string]>): void {
    const scoped: Array<readonly [string, string]> = [];
    for (const [commune, cell] of pairs) scoped.push([this.commune(commune), cell]);
    this.cellAliases = unmarkedCellAliases(scoped);
  }

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

  /** A party cell is identified by its commune and its name. */
  cellKey(commune: string | null, cell: string): string {
    const ck = commune === null ? "" : this.commune(commune);
    const nk = this.name(cell);
    return ck + "\u0001" + (this.cellAliases.get(ck + "\u0000" + nk) ?? nk);
  }
}
