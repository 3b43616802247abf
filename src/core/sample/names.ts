import { Gender } from "../model";
import { Rng } from "./prng";

/**
 * Vietnamese names, roughly in their real proportions: Nguyễn alone is close
 * to four in ten; "Văn" and "Thị" are the commonest middle names for men and
 * women.
 */
const SURNAMES = [
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
  "Dương", "Lý", "Đinh", "Lương", "Mai", "Trịnh", "Cao", "Hà", "Lò", "Tạ", "Chu", "Lại", "Đoàn", "Văn", "Kiều", "Quách",
] as const;
const SURNAME_WEIGHTS = [38, 11, 9.5, 7, 5, 2, 4.5, 3.9, 2, 2.1, 2, 1.4, 1.3, 1.3, 1, 0.5, 1, 0.7, 0.6, 0.6, 0.6, 0.8, 0.4, 0.3, 0.3, 0.3, 0.4, 0.3, 0.2, 0.2];

const MIDDLE_MALE = ["Văn", "Văn", "Văn", "Đình", "Hữu", "Đức", "Minh", "Quang", "Xuân", "Công", "Thanh", "Ngọc", "Trọng", "Mạnh", "Bá", "Duy", "Hồng", "Tiến", "Viết", "Anh"] as const;
const MIDDLE_FEMALE = ["Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Hồng", "Minh", "Kim", "Phương", "Thùy", "Mai", "Bích", "Thúy"] as const;

const GIVEN_MALE = [
  "Hùng", "Dũng", "Tuấn", "Nam", "Minh", "Hải", "Sơn", "Thắng", "Long", "Quân", "Cường", "Hoàng", "Trung", "Bình",
  "Tùng", "Khánh", "Phong", "Tiến", "Hưng", "Đạt", "Lâm", "Vinh", "Thành", "Hiếu", "Lợi", "Tài", "Hòa", "Toàn",
  "Thịnh", "Quý", "Nghĩa", "Kiên", "Chiến", "Hậu", "Tâm", "Đông", "Hiệp", "Lực", "Phúc", "Thọ", "Trường", "Việt",
  "Quyết", "Thái", "Công", "Bảo", "An", "Đức", "Huy", "Sáng",
] as const;
const GIVEN_FEMALE = [
  "Lan", "Hoa", "Hương", "Hà", "Mai", "Nga", "Thảo", "Linh", "Huyền", "Trang", "Hằng", "Yến", "Nhung", "Ngọc",
  "Dung", "Hạnh", "Liên", "Thủy", "Phương", "Oanh", "Loan", "Vân", "Thúy", "Hiền", "Tuyết", "Hồng", "Ánh",
  "Nhàn", "Xuân", "Quyên", "Lý", "Chi", "Giang", "Thu", "Hoài", "Dịu",
] as const;

export function personName(rng: Rng, gender: Gender): string {
  const surname = rng.weighted(SURNAMES, SURNAME_WEIGHTS);
  const middle = rng.pick(gender === "Nam" ? MIDDLE_MALE : MIDDLE_FEMALE);
  const given = rng.pick(gender === "Nam" ? GIVEN_MALE : GIVEN_FEMALE);
  return `${surname} ${middle} ${given}`;
}

/** Two-syllable place names ("Yên Lạc", "Đông Sơn"), as most communes and villages have. */
const PLACE_FIRST = [
  "Yên", "Đông", "Tây", "Nam", "Bắc", "Tân", "Hòa", "Phú", "Thanh", "Quảng", "Hoằng", "Thiệu", "Vĩnh", "Minh",
  "Hợp", "Xuân", "Thọ", "Triệu", "Định", "Cẩm", "Ngọc", "Kim", "Hà", "Nga", "Hải", "Trung", "Thạch", "Lương",
  "Bình", "An", "Phúc", "Mỹ", "Thái", "Hưng", "Long", "Văn", "Đại", "Cao", "Tiên", "Lộc",
] as const;
const PLACE_SECOND = [
  "Lạc", "Sơn", "Thành", "Phong", "Hòa", "Lộc", "Hưng", "Thịnh", "Xuân", "Tiến", "Khê", "Lâm", "Trung", "Định",
  "Quang", "Phú", "Bình", "Yên", "An", "Thuận", "Long", "Vân", "Hải", "Đông", "Tân", "Mỹ", "Thái", "Liên",
  "Phúc", "Giang",
] as const;

export function placeName(rng: Rng): string {
  const first = rng.pick(PLACE_FIRST);
  let second = rng.pick(PLACE_SECOND);
  while (second === first) second = rng.pick(PLACE_SECOND);
  return `${first} ${second}`;
}

/** Village-level place names ("Thôn Đông", "Bản Na Hin"), short and repeating, as in real communes. */
export const HAMLET_WORDS = [
  "Đông", "Tây", "Nam", "Bắc", "Thượng", "Hạ", "Trung", "Đoài", "Chùa", "Đình", "Cầu", "Giếng", "Bến",
  "Đồng", "Gò", "Mới", "Cũ", "Làng", "Sơn", "Thủy",
] as const;

export const ETHNIC_MINORITY_GROUPS = ["Thái", "Mường", "H'Mông", "Dao", "Tày", "Nùng", "Khơ mú"] as const;

export const TOPICS = [
  "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
  "Xây dựng nông thôn mới nâng cao, khu dân cư kiểu mẫu",
  "Chuyển đổi số trong hoạt động của chi bộ",
  "Phòng, chống tham nhũng, lãng phí, tiêu cực",
  "Bảo vệ nền tảng tư tưởng của Đảng",
  "Giữ gìn an ninh, trật tự ở khu dân cư",
  "Phát triển kinh tế hộ gia đình, giảm nghèo bền vững",
  "Bảo vệ môi trường, phân loại rác thải tại nguồn",
  "Công tác phát triển đảng viên mới",
  "Nâng cao chất lượng sinh hoạt chi bộ",
  "Phòng, chống thiên tai, tìm kiếm cứu nạn",
  "Triển khai Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2025-2030",
  "Xây dựng gia đình văn hóa, dòng họ văn hóa",
  "Phòng, chống ma túy trong thanh thiếu niên",
  "Chăm sóc sức khỏe người cao tuổi, đền ơn đáp nghĩa",
  "Vận hành chính quyền địa phương hai cấp",
] as const;
