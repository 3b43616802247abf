import { formatPct, pctHundredths, formatNumberVi, formatPctVi, pctPointDiff } from "./pct";

describe("formatPct", () => {
  it("rounds half up and truncates in integer arithmetic", () => {
    expect(formatPct(9, 42, "round")).toBe(21.43);
    expect(formatPct(1, 8, "round")).toBe(12.5);
    // 1/3 = 33.333…; 2/3 = 66.666…
    expect(formatPct(2, 3, "round")).toBe(66.67);
    expect(formatPct(2, 3, "truncate")).toBe(66.66);
    // Exactly half a hundredth: 1/800 = 0.125% -> 0.13 (round half up), 0.12 (truncate)
    expect(pctHundredths(1, 800, "round")).toBe(13);
    expect(pctHundredths(1, 800, "truncate")).toBe(12);
  });

  it("gives null when there is nothing to divide by", () => {
    expect(formatPct(0, 0, "round")).toBeNull();
  });

  it("rejects counts that are not non-negative integers", () => {
    expect(() => formatPct(1.5, 3, "round")).toThrow(RangeError);
    expect(() => formatPct(-1, 3, "round")).toThrow(RangeError);
  });

  it("agrees with exact rational arithmetic on many pairs", () => {
    for (let den = 1; den <= 400; den += 7) {
      for (let n = 0; n <= den; n += 3) {
        // BigInt reference: hundredths = n*10000/den, round half up = floor((2n*10000 + den) / 2den)
        const t = (BigInt(n) * 10000n) / BigInt(den);
        const r = (2n * BigInt(n) * 10000n + BigInt(den)) / (2n * BigInt(den));
        expect(pctHundredths(n, den, "truncate")).toBe(Number(t));
        expect(pctHundredths(n, den, "round")).toBe(Number(r));
      }
    }
  });
});

describe("Vietnamese number text", () => {
  it("groups thousands with dots and uses a decimal comma", () => {
    expect(formatNumberVi(3471)).toBe("3.471");
    expect(formatNumberVi(1234567)).toBe("1.234.567");
    expect(formatPctVi(27.68)).toBe("27,68%");
    expect(formatPctVi(5)).toBe("5,00%");
    expect(formatPctVi(null)).toBe("—");
  });

  it("subtracts percentages exactly", () => {
    expect(pctPointDiff(27.68, 27.66)).toBe(0.02);
    expect(pctPointDiff(null, 1)).toBeNull();
  });
});
