/**
 * Abbreviations seen in the headers of real sheets, on folded tokens (see
 * text/fold). Offices shorten long labels to fit narrow printed columns
 * ("TĐCM", "SL ĐV", "Vắng KLD"), so detection compares a header both as written
 * and with these expanded. Data, like the fields' synonyms: a new short form
 * is a new entry here, not a code path.
 */
export const HEADER_ABBREVIATIONS: Readonly<Record<string, string>> = {
  tdcm: "trinh do chuyen mon",
  tdllct: "trinh do ly luan chinh tri",
  td: "trinh do",
  cm: "chuyen mon",
  cmnv: "chuyen mon nghiep vu",
  llct: "ly luan chinh tri",
  dv: "dang vien",
  cb: "chi bo",
  sh: "sinh hoat",
  shcb: "sinh hoat chi bo",
  ld: "ly do",
  cld: "co ly do",
  kld: "khong ly do",
  ns: "nam sinh",
  gt: "gioi tinh",
  cv: "chuc vu",
  nk: "nhiem ky",
  tdp: "to dan pho",
  btv: "ban thuong vu",
  bd: "boi duong",
  nv: "nghiep vu",
  hd: "huong dan",
  dt: "dan toc",
  tg: "ton giao",
  sl: "so",
  stdt: "so tay dien tu",
  xl: "xep loai",
  xlcl: "xep loai chat luong",
  bdnv: "boi duong nghiep vu",
  nvd: "ngay vao dang",
  tl: "thoi luong",
};

/**
 * Phrases dropped or shortened after expansion, so that "Số lượng đảng viên",
 * "SL ĐV" and "Số ĐV" all read "so dang vien".
 */
export const HEADER_PHRASE_REWRITES: ReadonlyArray<[RegExp, string]> = [
  [/\bso luong\b/g, "so"],
  [/\bho va ten\b/g, "ho ten"],
  // "T.gian (phút)", "T/gian": the first word shortened to its initial.
  [/\bt gian\b/g, "thoi gian"],
  [/\bt luong\b/g, "thoi luong"],
];
