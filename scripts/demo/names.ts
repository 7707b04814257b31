import type { Rng } from './random.ts';

/** Made-up but plausible Vietnamese names, positions and issue texts. */

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng', 'Đỗ', 'Ngô', 'Hồ', 'Dương', 'Lý'];
// Roughly the national frequencies, Nguyễn far ahead.
const FAMILY_WEIGHTS = [31, 11, 9, 7, 6, 6, 5, 3, 3, 3, 3, 3, 3, 2, 2];
const MIDDLE_MALE = ['Văn', 'Minh', 'Thanh', 'Hoàng', 'Quốc', 'Hữu', 'Công', 'Đức', 'Ngọc', 'Tấn', 'Trung', 'Văn'];
const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thị', 'Thị', 'Ngọc', 'Thanh', 'Kim', 'Thu', 'Mỹ', 'Bích', 'Hồng'];
const GIVEN_MALE = [
  'Hùng', 'Tuấn', 'Hải', 'Dũng', 'Minh', 'Phong', 'Sơn', 'Long', 'Thắng', 'Tài', 'Phúc', 'Khoa', 'Hiếu', 'Nam',
  'Trí', 'Thành', 'Bình', 'Lợi', 'Hòa', 'Tâm', 'Hậu', 'Toàn', 'Nghĩa', 'Kiệt', 'Quang', 'Vinh', 'Đạt', 'Tùng',
];
const GIVEN_FEMALE = [
  'Lan', 'Hoa', 'Hương', 'Mai', 'Phương', 'Thảo', 'Trang', 'Linh', 'Hạnh', 'Nga', 'Dung', 'Yến', 'Loan', 'Hằng',
  'Thủy', 'Nhung', 'Tuyết', 'Diễm', 'Trinh', 'Vân', 'Hà', 'Oanh', 'Liên', 'Xuân',
];

export type Gender = 'nam' | 'nữ';

export function personName(rng: Rng, gender: Gender): string {
  const family = rng.weighted(FAMILY, FAMILY_WEIGHTS);
  const middle = rng.pick(gender === 'nữ' ? MIDDLE_FEMALE : MIDDLE_MALE);
  const given = rng.pick(gender === 'nữ' ? GIVEN_FEMALE : GIVEN_MALE);
  return `${family} ${middle} ${given}`;
}

const PLACE_FIRST = [
  'An', 'Tân', 'Phước', 'Phú', 'Bình', 'Thạnh', 'Mỹ', 'Long', 'Hưng', 'Hòa', 'Vĩnh', 'Lương', 'Sơn', 'Định',
  'Thới', 'Nhơn', 'Hữu', 'Quới', 'Thành', 'Tiên', 'Giao', 'Lộc', 'Châu', 'Đại', 'Phong', 'Khánh', 'Thuận', 'Hương',
];
const PLACE_SECOND = [
  'Thạnh', 'Hiệp', 'Phú', 'Hòa', 'Lợi', 'Định', 'Hưng', 'Thủy', 'Long', 'Điền', 'Mỹ', 'Thuận', 'Khánh', 'Quới',
  'Sơn', 'Nhuận', 'Thới', 'Xuân', 'Bình', 'Phước', 'Trung', 'Hội', 'Thành', 'Lộc',
];
const PLACE_SUFFIX = ['Đông', 'Tây', 'Nam', 'Bắc', 'Trung'];

/** A two- or three-syllable place name ("Phước Hiệp", "Tân Phú Tây") not in `taken`. */
export function placeName(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const first = rng.pick(PLACE_FIRST);
    const second = rng.pick(PLACE_SECOND);
    if (first === second) continue;
    const name = rng.chance(0.15) ? `${first} ${second} ${rng.pick(PLACE_SUFFIX)}` : `${first} ${second}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

export const FIELDS = ['nội chính', 'kinh tế', 'văn hóa - xã hội', 'xây dựng Đảng'];

interface Topic {
  name: string;
  departments: string[];
  summaries: string[];
}

/** Issue topics with the departments they usually go to and short summaries. */
export const TOPICS: Topic[] = [
  {
    name: 'nông thôn mới',
    departments: ['Sở Nông nghiệp và Phát triển nông thôn', 'Sở Giao thông vận tải'],
    summaries: ['Đề nghị hỗ trợ xi măng làm đường giao thông nông thôn', 'Tiêu chí thu nhập chưa đạt, cần hỗ trợ mô hình sản xuất', 'Đề nghị nâng cấp cầu dân sinh'],
  },
  {
    name: 'giải phóng mặt bằng',
    departments: ['Sở Tài nguyên và Môi trường', 'Sở Xây dựng'],
    summaries: ['Hộ dân chưa đồng ý mức bồi thường, đề nghị xem xét lại', 'Chậm chi trả tiền bồi thường dự án đường tỉnh', 'Đề nghị bố trí tái định cư cho các hộ bị giải tỏa'],
  },
  {
    name: 'an ninh trật tự',
    departments: ['Công an tỉnh'],
    summaries: ['Tụ tập thanh thiếu niên gây mất trật tự ban đêm', 'Phản ánh tình trạng cho vay nặng lãi', 'Trộm cắp vặt tăng, đề nghị tăng cường tuần tra'],
  },
  {
    name: 'xây dựng Đảng',
    departments: ['Ban Tổ chức Tỉnh ủy'],
    summaries: ['Chất lượng sinh hoạt chi bộ chưa cao', 'Đề nghị bồi dưỡng nghiệp vụ cho cấp ủy chi bộ mới', 'Khó phát triển đảng viên trong thanh niên'],
  },
  {
    name: 'môi trường',
    departments: ['Sở Tài nguyên và Môi trường'],
    summaries: ['Cơ sở chăn nuôi gây ô nhiễm, người dân bức xúc', 'Rác thải sinh hoạt chưa được thu gom', 'Nước mặn xâm nhập, thiếu nước sinh hoạt'],
  },
  {
    name: 'y tế',
    departments: ['Sở Y tế'],
    summaries: ['Trạm y tế thiếu thuốc, thiếu bác sĩ', 'Đề nghị phun thuốc phòng dịch sốt xuất huyết', 'Người dân chưa có thẻ bảo hiểm y tế'],
  },
  {
    name: 'giáo dục',
    departments: ['Sở Giáo dục và Đào tạo'],
    summaries: ['Điểm trường xuống cấp, đề nghị sửa chữa', 'Học sinh bỏ học để đi làm ăn xa'],
  },
  {
    name: 'chính sách xã hội',
    departments: ['Sở Lao động - Thương binh và Xã hội', 'Ban Dân vận Tỉnh ủy'],
    summaries: ['Hộ nghèo chưa được hỗ trợ nhà ở', 'Đề nghị xem xét chế độ cho người có công', 'Thiếu việc làm cho lao động nông thôn'],
  },
];

export const VISIT_SUMMARIES = [
  'Đi cơ sở nắm tình hình sản xuất', 'Thăm hộ nghèo, gia đình chính sách', 'Nắm tình hình dư luận nhân dân',
  'Kiểm tra tiến độ xây dựng nông thôn mới', 'Dự họp dân bàn việc làm đường, bê tông hóa',
];
export const OTHER_SUMMARIES = [
  'Dự lễ ra mắt mô hình dân vận khéo', 'Tham gia ngày hội đại đoàn kết', 'Dự đối thoại với nông dân',
  'Báo cáo chuyên đề cho cấp ủy',
];
