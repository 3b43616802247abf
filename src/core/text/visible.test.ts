import { clipText, displayText, hasInvisible, revealInvisible } from "./visible";

describe("revealInvisible", () => {
  it("writes out bidirectional marks, so a right-to-left mark cannot turn 1966 into 6691", () => {
    expect(revealInvisible("\u200F1966")).toBe("⟨RLM⟩1966");
    expect(revealInvisible("Nguyễn\u202EnăV")).toBe("Nguyễn⟨RLO⟩năV");
    expect(revealInvisible("a\u2066b\u2069")).toBe("a⟨LRI⟩b⟨PDI⟩");
  });

  it("writes out zero-width characters, the BOM and soft hyphens", () => {
    expect(revealInvisible("Thôn\u200B1")).toBe("Thôn⟨ZWSP⟩1");
    expect(revealInvisible("\uFEFFXã An")).toBe("⟨BOM⟩Xã An");
    expect(revealInvisible("Chi\u00ADbộ")).toBe("Chi⟨SHY⟩bộ");
    expect(revealInvisible("a\u200Db\u200Cc\u2060")).toBe("a⟨ZWJ⟩b⟨ZWNJ⟩c⟨WJ⟩");
  });

  it("writes out terminal controls and names any other hidden character by its code point", () => {
    expect(revealInvisible("x\u001B[2Ky\rz")).toBe("x⟨ESC⟩[2Ky⟨CR⟩z");
    expect(revealInvisible("tag\u{E0041}")).toBe("tag⟨U+E0041⟩");
    expect(revealInvisible("\u0007")).toBe("⟨U+0007⟩");
    expect(revealInvisible("lone \uD800 half")).toBe("lone ⟨U+D800⟩ half");
  });

  it("keeps tabs, shows line feeds as ↵ unless asked to keep them", () => {
    expect(revealInvisible("Thôn 1\nThôn 2\tx")).toBe("Thôn 1↵Thôn 2\tx");
    expect(revealInvisible("Thôn 1\nThôn 2", { keepLineBreaks: true })).toBe("Thôn 1\nThôn 2");
  });

  it("leaves ordinary Vietnamese text, composed or not, as it is", () => {
    for (const s of ["Nguyễn Thị Hòa", "Xã Đông Sơn", "Hoa\u0300", "Phường Số 10", "100%", "“Tốt”"]) {
      expect(revealInvisible(s)).toBe(s);
      expect(hasInvisible(s)).toBe(false);
    }
    expect(hasInvisible("\u200F")).toBe(true);
  });
});

describe("clipText", () => {
  it("returns short text unchanged", () => {
    expect(clipText("Nguyễn Văn An", 20)).toBe("Nguyễn Văn An");
  });

  it("cuts a long value in the middle and says how much was left out, in each language", () => {
    const long = "A".repeat(30_000);
    const vi = clipText(long, 100, "vi");
    expect(vi.length).toBeLessThan(140);
    expect(vi.startsWith("A".repeat(70))).toBe(true);
    expect(vi).toContain("… (bớt 29.900 ký tự) …");
    expect(clipText(long, 100, "en")).toContain("… (29,900 characters left out) …");
  });

  it("never splits a surrogate pair or a letter from its combining mark", () => {
    const emoji = "😀".repeat(100); // 200 UTF-16 units
    const cut = clipText(emoji, 51);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    const nfd = "a\u0300".repeat(100);
    const c2 = clipText(nfd, 51);
    expect(c2.startsWith("\u0300")).toBe(false);
    expect(/\) …\u0300/.test(c2)).toBe(false);
  });

  it("keeps a revealed name whole", () => {
    const s = revealInvisible("\u200F".repeat(100));
    const cut = clipText(s, 33);
    expect(cut).toMatch(/^(⟨RLM⟩)+… \(bớt [\d.]+ ký tự\) …(⟨RLM⟩)+$/);
  });
});

describe("displayText", () => {
  it("reveals then cuts: 30,000 characters with a mark become one short visible line", () => {
    const hostile = "\u200F1966" + "x".repeat(30_000);
    const shown = displayText(hostile, 120, "vi");
    expect(shown.startsWith("⟨RLM⟩1966")).toBe(true);
    expect(shown.length).toBeLessThan(160);
  });

  it("is the identity on ordinary short text (no copy)", () => {
    const s = "Chi bộ Thôn 3";
    expect(displayText(s, 120)).toBe(s);
  });
});
