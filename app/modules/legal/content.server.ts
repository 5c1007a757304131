import type { Locale } from '~/lib/i18n';
import { env, type EnvSource } from '~/lib/env.server';

// The privacy notice and the operating rules, as Markdown in both languages. They
// are long texts read on one page each, so they live here, rendered on the server,
// and never enter the message catalogue every page downloads. What they promise
// must be what Sen does: change the text in the same commit as the behaviour.

/** Raised whenever the meaning of either text changes; consents record it. */
export const legalVersion = '2026-12-05';

type LegalText = Record<Locale, string>;

export const privacyNotice: LegalText = {
  vi: `Sen giữ thông tin của chị để chị bán hàng, mua hàng, học và được bảo vệ an toàn. Trang này nói rõ Sen giữ gì, vì sao, trong bao lâu và ai được xem — theo Luật Bảo vệ dữ liệu cá nhân (có hiệu lực từ 1/1/2026).

## Sen giữ những gì
- **Tài khoản**: email, tên hiển thị, mật khẩu (chỉ lưu dạng băm, không ai đọc được), ngôn ngữ và múi giờ.
- **Cửa hàng và hồ sơ**: tên cửa hàng, tỉnh, câu chuyện kinh doanh, ảnh; với người hướng dẫn: giới thiệu và lịch.
- **Giấy tờ xác minh** (dữ liệu nhạy cảm): ảnh căn cước công dân và giấy tờ kinh doanh chị tải lên để Hội LHPN xác minh.
- **Đơn hàng**: người nhận, số điện thoại và địa chỉ giao hàng, sản phẩm, số tiền, trạng thái.
- **Tin nhắn** giữa chị và người bán, người mua hoặc người hướng dẫn; **báo cáo** chị gửi hoặc về chị.
- **Học tập**: bài đã học, điểm bài kiểm tra, chứng nhận.
- **Nhật ký an toàn**: các lần đăng nhập sai (để chặn kẻ dò mật khẩu) và nhật ký kỹ thuật của máy chủ.

## Vì sao
Để chạy dịch vụ chị dùng (tài khoản, cửa hàng, đơn hàng, tin nhắn, khoá học), để Hội LHPN xác minh người bán là thật, và để cảnh báo lừa đảo và xử lý báo cáo. Sen **không bán** dữ liệu của chị và không dùng nó để quảng cáo.

## Ai được xem
- **Người mua** thấy cửa hàng, sản phẩm và tên hiển thị của chị. Số điện thoại, email và số tài khoản trong tin nhắn bị che với người lạ cho đến khi hai bên có đơn hàng hoặc buổi hẹn.
- **Người bán** thấy tên, số điện thoại và địa chỉ giao hàng của đơn chị đặt với họ.
- **Cán bộ Hội LHPN** trên Sen xem giấy tờ xác minh (qua đường dẫn riêng, hết hạn sau vài phút) và nội dung bị báo cáo. Không ai khác xem được giấy tờ của chị.
- **Nhà cung cấp kỹ thuật** của Sen (máy chủ, lưu trữ tệp, gửi email, thanh toán thẻ) chỉ xử lý dữ liệu theo yêu cầu của Sen.

## Giữ trong bao lâu
| Dữ liệu | Thời gian |
|---|---|
| Giấy tờ xác minh | xoá 30 ngày sau khi có quyết định xác minh |
| Lần đăng nhập sai | 1 ngày |
| Phiên đăng nhập, mã đặt lại mật khẩu | đến khi hết hạn hoặc đã dùng |
| Đơn hàng | theo thời hạn lưu chứng từ kế toán |
| Tài khoản, cửa hàng, tin nhắn, học tập | khi tài khoản còn hoạt động |

## Quyền của chị
Chị có quyền được biết, xem, nhận bản sao, sửa và xoá dữ liệu của mình, và rút lại sự đồng ý. Chị sửa được hồ sơ, cửa hàng và sản phẩm ngay trên Sen. Để nhận bản sao, xoá tài khoản hoặc khiếu nại, chị liên hệ đơn vị vận hành ở trang [Giới thiệu](/about); Sen trả lời trong 72 giờ.

## Khi có sự cố
Nếu dữ liệu bị lộ, Sen báo cho cơ quan có thẩm quyền trong 72 giờ và báo cho những người bị ảnh hưởng.`,
  en: `Sen keeps your information so you can sell, buy, learn and stay safe. This page says what Sen keeps, why, for how long and who sees it, under Vietnam's Personal Data Protection Law (in force since 1 January 2026).

## What Sen keeps
- **Account**: email, display name, password (stored only as a hash nobody can read), language and time zone.
- **Shop and profile**: shop name, province, business story, photos; for mentors: biography and availability.
- **Verification documents** (sensitive data): the citizen-ID and business papers you upload for the Women's Union to verify.
- **Orders**: recipient, phone number and delivery address, items, amounts, status.
- **Messages** between you and sellers, buyers or mentors; **reports** you file or that name you.
- **Learning**: lessons done, quiz scores, certificates.
- **Safety logs**: failed log-ins (to stop password guessing) and the server's technical logs.

## Why
To run the service you use (account, shop, orders, messages, courses), for the Women's Union to verify that sellers are real, and to warn about scams and handle reports. Sen **does not sell** your data and does not use it for advertising.

## Who sees it
- **Buyers** see your shop, products and display name. Phone numbers, emails and account numbers in messages are hidden from strangers until the two of you have an order or a booking.
- **Sellers** see the name, phone number and delivery address of the orders you place with them.
- **Women's Union staff** on Sen see verification documents (through private links that expire within minutes) and reported content. Nobody else can see your documents.
- Sen's **technical providers** (hosting, file storage, email, card payments) process data only on Sen's instructions.

## How long
| Data | Kept |
|---|---|
| Verification documents | deleted 30 days after the verification decision |
| Failed log-ins | 1 day |
| Sessions, password-reset codes | until they expire or are used |
| Orders | for the accounting retention period |
| Account, shop, messages, learning | while the account is active |

## Your rights
You may know, see, get a copy of, correct and delete your data, and withdraw consent. You can edit your profile, shop and products on Sen at any time. For a copy, to delete your account or to complain, contact the operator shown on the [About](/about) page; Sen answers within 72 hours.

## If something goes wrong
If data leaks, Sen reports it to the authority within 72 hours and tells the people affected.`,
};

export const operatingRules: LegalText = {
  vi: `Quy chế hoạt động của sàn giao dịch thương mại điện tử Sen (theo Nghị định 52/2013/NĐ-CP, sửa đổi bởi Nghị định 85/2021/NĐ-CP).

## Ai được bán
Phụ nữ khởi nghiệp được **Hội LHPN xác minh** mới được mở cửa hàng và đăng sản phẩm. Người bán cung cấp thông tin thật về mình và sản phẩm, và chịu trách nhiệm về hàng mình bán.

## Điều bị cấm
- Hàng giả, hàng cấm, hàng không rõ nguồn gốc; thuốc, vũ khí, động vật hoang dã.
- Lừa đảo: đòi đặt cọc hoặc chuyển khoản ngoài Sen, giả làm cán bộ, ngân hàng hay Sen, đòi mã OTP.
- Quấy rối, xúc phạm, đe doạ; đăng thông tin cá nhân của người khác.

## Đặt hàng, huỷ và đánh giá
- Người mua đặt hàng trên Sen, trả tiền khi nhận hàng hoặc trả bằng thẻ khi có. Người bán xác nhận, đóng gói và giao.
- Người mua huỷ được đơn trước khi người bán xác nhận; người bán huỷ được đơn khi không thể giao, và tiền đã trả được hoàn lại.
- Sau khi nhận hàng, người mua đánh giá được sản phẩm. Đánh giá phải đúng sự thật.

## Khiếu nại và báo cáo
- Mỗi tin nhắn, sản phẩm và hồ sơ đều có nút **Báo cáo**. Cán bộ Hội LHPN xem báo cáo, thường trong 2 ngày làm việc.
- Cán bộ có thể nhắc nhở, ẩn sản phẩm, tạm khoá hoặc khoá hẳn tài khoản, hoặc thu hồi xác minh; người bị xử lý và người báo cáo đều được báo kết quả.
- Khiếu nại khác gửi đơn vị vận hành (trang [Giới thiệu](/about)); Sen trả lời trong 3 ngày làm việc.

## Dữ liệu cá nhân
Xem [Chính sách bảo vệ dữ liệu cá nhân](/privacy).`,
  en: `Operating rules of the Sen e-commerce marketplace (under Decree 52/2013/ND-CP as amended by Decree 85/2021/ND-CP).

## Who may sell
Only women entrepreneurs **verified by the Women's Union** may open a shop and list products. Sellers give true information about themselves and their products, and are responsible for what they sell.

## What is forbidden
- Counterfeit, banned or untraceable goods; medicines, weapons, wildlife.
- Scams: asking for a deposit or a transfer outside Sen, posing as staff, a bank or Sen, asking for OTP codes.
- Harassment, insults, threats; posting other people's personal information.

## Orders, cancellations and reviews
- Buyers order on Sen and pay on delivery, or by card where offered. The seller confirms, packs and ships.
- A buyer may cancel before the seller confirms; a seller may cancel when she cannot deliver, and anything paid is refunded.
- After delivery the buyer may review the product. Reviews must be true.

## Complaints and reports
- Every message, product and profile has a **Report** button. Women's Union staff review reports, usually within 2 working days.
- Staff may warn, hide a product, suspend or close an account, or revoke verification; the person concerned and the reporter are told the outcome.
- Other complaints go to the operator (the [About](/about) page); Sen answers within 3 working days.

## Personal data
See the [Privacy notice](/privacy).`,
};

export type Operator = {
  name: string;
  address: string;
  email: string;
  phone: string | null;
  registration: string | null;
};

/** Who runs this deployment: set by the operator, never compiled in. */
export function operator(source: EnvSource = process.env): Operator {
  const settings = env(source);
  return {
    name: settings.OPERATOR_NAME,
    address: settings.OPERATOR_ADDRESS,
    email: settings.OPERATOR_EMAIL,
    phone: settings.OPERATOR_PHONE ?? null,
    registration: settings.OPERATOR_REGISTRATION ?? null,
  };
}
