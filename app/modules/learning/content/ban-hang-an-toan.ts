import { type CourseContent, trueFalse } from './types';

// The core course: completing it earns the Safe Seller badge.
export const banHangAnToan: CourseContent = {
  slug: 'ban-hang-an-toan',
  isCore: true,
  position: 1,
  title: { vi: 'Bán hàng an toàn trên mạng', en: 'Selling safely online' },
  summary: {
    vi: 'Giữ tiền và đơn hàng của chị an toàn: thanh toán, tiền cọc, ảnh chuyển khoản giả, shipper giả, "chuyển nhầm tiền" và lưu bằng chứng. Hoàn thành khoá này để nhận huy hiệu Người bán an toàn.',
    en: 'Keep your money and orders safe: payments, deposits, fake transfer screenshots, fake shippers, "money sent by mistake" and keeping proof. Complete this course to earn the Safe Seller badge.',
  },
  modules: [
    {
      title: { vi: 'Nhận tiền an toàn', en: 'Getting paid safely' },
      lessons: [
        {
          slug: 'pay-on-platform',
          minutes: 3,
          title: { vi: 'Thanh toán qua Sen hoặc nhận tiền khi giao hàng', en: 'Pay through Sen or cash on delivery' },
          body: {
            vi: `Cách an toàn nhất để nhận tiền là **qua trang thanh toán của Sen** hoặc **thu tiền khi giao hàng (COD)**.

## Vì sao?
- Khi khách trả qua Sen, đơn hàng, số tiền và thời gian đều được ghi lại. Nếu có tranh chấp, nhân viên Sen xem được.
- Với COD, chị chỉ giao hàng khi shipper đã thu tiền; chị không phải tin vào một tấm ảnh chụp màn hình.

## Những lời đề nghị cần cảnh giác
- "Chị cho em số tài khoản, em ck luôn cho nhanh" rồi gửi ảnh chuyển khoản thay vì tiền thật.
- "Mình giao dịch ngoài app cho đỡ phí nhé."
- Khách lạ muốn trả bằng thẻ cào, ví lạ hoặc tiền điện tử.

## Việc cần làm
1. Để khách đặt hàng trên trang cửa hàng của chị.
2. Nếu nhận chuyển khoản, **chỉ giao hàng khi tiền đã vào tài khoản** — kiểm tra trong ứng dụng ngân hàng của chị, không phải trên ảnh khách gửi.
3. Ghi lại mọi đơn trên Sen, kể cả khi khách hỏi qua điện thoại.

## Mã QR giả và tên tài khoản không khớp
- Chỉ chuyển khoản bằng **mã QR trên trang đơn hàng ở Sen**: Sen vẽ mã này cho đúng số tiền, vào tài khoản mà cán bộ Hội đã đối chiếu với tên thật của người bán ("Tài khoản đã được Hội LHPN xác minh: …").
- Mã QR gửi qua Zalo, Messenger hay dán trong tin nhắn có thể dẫn tới tài khoản của người khác. Trước khi bấm xác nhận, xem **tên chủ tài khoản** trong ứng dụng ngân hàng: nếu khác tên trên trang đơn hàng, dừng lại.
- Người bán đổi tài khoản nhận tiền thì Sen tạm dừng thanh toán QR cho tới khi cán bộ duyệt lại: ai nhắn "chị chuyển sang tài khoản mới của em" là dấu hiệu tài khoản bị chiếm.`,
            en: `The safest way to get paid is **through Sen's checkout** or **cash on delivery (COD)**.

## Why?
- When a buyer pays through Sen, the order, amount and time are recorded. If there is a dispute, Sen's staff can see it.
- With COD you hand over the goods only when the shipper has collected the money; you never have to trust a screenshot.

## Offers to be careful with
- "Send me your account number, I'll ck (transfer) right away" — followed by a picture of a transfer instead of real money.
- "Let's deal outside the app to save the fee."
- A stranger who wants to pay with phone cards, an unknown wallet or crypto.

## What to do
1. Let buyers order on your storefront.
2. If you accept a bank transfer, **ship only when the money is in your account** — check in your own banking app, not on the buyer's picture.
3. Record every order on Sen, even when the buyer asked by phone.

## Fake QR codes and mismatched account names
- Transfer only with **the QR on the Sen order page**: Sen draws it for the exact amount, into the account that Union staff matched to the seller's real name ("Account verified by the Women's Union: …").
- A QR sent on Zalo or Messenger, or pasted in a chat, can lead to someone else's account. Before you confirm, read **the account holder's name** in your banking app: if it differs from the name on the order page, stop.
- When a seller changes her payout account, Sen pauses QR payment until staff check it again: a message saying "please pay my new account" is a sign her account was taken over.`,
          },
        },
        {
          slug: 'deposits-and-transfers',
          minutes: 3,
          title: { vi: 'Tiền cọc và yêu cầu chuyển khoản', en: 'Deposits and transfer requests' },
          body: {
            vi: `Đặt cọc là chuyện bình thường khi làm hàng theo yêu cầu. Nhưng kẻ gian cũng dùng "cọc" để lừa **cả người bán**.

## Kiểu lừa thường gặp
- **"Chị cọc trước cho bên vận chuyển"**: người "mua" nói đã thuê xe, cần chị chuyển trước phí ship hoặc phí "đảm bảo đơn". Người bán không bao giờ phải trả tiền để được bán hàng.
- **"Đối tác" đòi cọc nhập hàng**: một "nhà cung cấp" lạ hạ giá rất rẻ nhưng bắt cọc 50–100% vào tài khoản cá nhân, rồi biến mất.
- **Khách đòi hoàn cọc gấp** sau khi chị đã mua nguyên liệu.

## Quy tắc của chị
- Cọc là **khách trả cho chị**, qua Sen hoặc vào tài khoản của chính chị, và chị **ghi rõ trong đơn**: số tiền, hàng gì, khi nào giao, điều kiện hoàn cọc.
- Không bao giờ chuyển tiền cho ai để "mở khoá đơn", "xác minh tài khoản" hay "đảm bảo giao dịch".
- Nhà cung cấp mới: bắt đầu bằng đơn nhỏ, kiểm tra tên chủ tài khoản trùng tên doanh nghiệp.`,
            en: `Deposits ("cọc") are normal for made-to-order goods. But scammers also use "deposits" to cheat **sellers**.

## Common tricks
- **"Please pay the deposit to the courier first"**: the "buyer" says a truck is booked and you must transfer the shipping fee or an "order guarantee" first. A seller never has to pay money to make a sale.
- **A "supplier" asks for a deposit**: an unknown supplier offers very low prices but wants 50–100% paid in advance into a personal account, then vanishes.
- **A buyer demands the deposit back urgently** after you have bought the materials.

## Your rules
- A deposit is **paid by the buyer to you**, through Sen or into your own account, and you **write it in the order**: amount, goods, delivery date, when it is refunded.
- Never transfer money to anyone to "unlock an order", "verify your account" or "guarantee the deal".
- New supplier: start with a small order, and check that the account holder's name matches the business.`,
          },
        },
        {
          slug: 'fake-transfer-screenshots',
          minutes: 3,
          title: { vi: 'Ảnh chụp chuyển khoản giả', en: 'Fake transfer screenshots' },
          body: {
            vi: `Ảnh "chuyển khoản thành công" rất dễ làm giả bằng ứng dụng chỉnh ảnh hoặc trang web tạo bill giả. **Ảnh không phải là tiền.**

## Dấu hiệu ảnh giả
- Giờ trên ảnh khác giờ khách gửi, hoặc là giờ ngân hàng đang bảo trì.
- Phông chữ, khoảng cách, logo hơi lệch so với ứng dụng thật.
- Nội dung chuyển khoản lạ, hoặc tên người nhận đúng nhưng **số tài khoản sai một chữ số**.
- Khách giục: "Chị giao luôn đi, ngân hàng báo chậm thôi."

## Cách kiểm tra đúng
1. Mở **ứng dụng ngân hàng của chị** (hoặc tin báo biến động số dư từ ngân hàng) và xem số dư đã tăng chưa.
2. Chưa thấy tiền thì **chưa giao hàng**. "Lỗi liên ngân hàng" có thật nhưng hiếm; người mua thật sẽ chờ.
3. Không bấm link "xem biên lai" khách gửi — có thể là trang lừa đảo.

> Mẹo: nhắn lại lịch sự "Em cảm ơn, tiền về tài khoản là em gửi hàng ngay ạ." Kẻ gian thường bỏ đi.`,
            en: `A "transfer successful" picture is easy to fake with a photo editor or a fake-receipt website. **A screenshot is not money.**

## Signs of a fake
- The time on the picture doesn't match when it was sent, or falls in a bank's maintenance window.
- Fonts, spacing or the logo look slightly off compared with the real app.
- A strange transfer note, or the right name but **an account number one digit wrong**.
- The buyer rushes you: "Just ship it, the bank is slow to show it."

## How to check properly
1. Open **your own banking app** (or your bank's balance alert) and see whether your balance went up.
2. No money, **no shipping**. "Interbank delays" exist but are rare; a real buyer will wait.
3. Don't tap a "view receipt" link the buyer sends — it may be a scam page.

> Tip: reply politely, "Thank you, I'll ship as soon as the money arrives." Scammers usually give up.`,
          },
        },
      ],
      quiz: [
        {
          kind: 'single',
          prompt: {
            vi: 'Khách gửi ảnh "chuyển khoản thành công" 850.000 ₫ và giục chị giao ngay. Chị làm gì?',
            en: 'A buyer sends a "transfer successful" picture for 850,000 ₫ and asks you to ship now. What do you do?',
          },
          choices: [
            {
              text: {
                vi: 'Giao luôn vì ảnh có đủ tên và số tiền',
                en: 'Ship, because the picture shows the name and amount',
              },
              why: {
                vi: 'Ảnh rất dễ làm giả; tên và số tiền trên ảnh không chứng minh tiền đã về.',
                en: 'Pictures are easy to fake; a name and an amount on a picture prove nothing.',
              },
            },
            {
              text: {
                vi: 'Mở ứng dụng ngân hàng của mình, chỉ giao khi tiền đã vào',
                en: 'Open my own banking app and ship only when the money is there',
              },
              correct: true,
              why: {
                vi: 'Đúng: chỉ số dư trong tài khoản của chị mới là bằng chứng.',
                en: 'Right: only the balance in your own account is proof.',
              },
            },
            {
              text: {
                vi: 'Bấm link "xem biên lai" khách gửi để kiểm tra',
                en: 'Tap the "view receipt" link the buyer sent',
              },
              why: {
                vi: 'Link lạ có thể là trang giả để lấy mật khẩu ngân hàng của chị.',
                en: 'An unknown link may be a fake page that steals your banking password.',
              },
            },
          ],
        },
        trueFalse(
          {
            vi: 'Người "mua" yêu cầu chị chuyển trước phí vận chuyển để "mở khoá đơn" — đây là dấu hiệu lừa đảo.',
            en: 'A "buyer" asks you to pay the shipping fee first to "unlock the order" — this is a scam sign.',
          },
          true,
          {
            vi: 'Đúng. Người bán không bao giờ phải trả tiền để nhận được tiền bán hàng.',
            en: 'Correct. A seller never pays money in order to receive a sale.',
          },
          {
            vi: 'Thực ra đây là lừa đảo: người bán không bao giờ phải trả tiền để được bán hàng.',
            en: 'It is a scam: a seller never has to pay money to make a sale.',
          },
        ),
        {
          kind: 'multiple',
          prompt: {
            vi: 'Những cách nhận tiền nào an toàn? (chọn tất cả đáp án đúng)',
            en: 'Which ways of getting paid are safe? (choose all that apply)',
          },
          choices: [
            {
              text: { vi: 'Thanh toán qua Sen', en: 'Paying through Sen' },
              correct: true,
              why: {
                vi: 'Đơn và tiền được ghi lại, có người hỗ trợ khi tranh chấp.',
                en: 'The order and payment are recorded, and staff can help in a dispute.',
              },
            },
            {
              text: { vi: 'Thu tiền khi giao hàng (COD)', en: 'Cash on delivery (COD)' },
              correct: true,
              why: {
                vi: 'Chị chỉ giao hàng khi tiền đã được thu.',
                en: 'You hand over goods only when the money is collected.',
              },
            },
            {
              text: { vi: 'Nhận thẻ cào điện thoại từ khách lạ', en: 'Accepting phone top-up cards from a stranger' },
              why: {
                vi: 'Thẻ cào khó kiểm tra và hay bị dùng trong lừa đảo.',
                en: 'Top-up cards are hard to check and common in scams.',
              },
            },
            {
              text: { vi: 'Giao hàng khi thấy ảnh chuyển khoản', en: 'Shipping when you see a transfer screenshot' },
              why: { vi: 'Ảnh chụp không phải tiền.', en: 'A screenshot is not money.' },
            },
          ],
        },
      ],
    },
    {
      title: { vi: 'Mánh khoé khi giao hàng và nhận tiền', en: 'Delivery and money tricks' },
      lessons: [
        {
          slug: 'fake-shippers-and-fees',
          minutes: 3,
          title: { vi: 'Shipper giả và các loại "phí"', en: 'Fake shippers and fees' },
          body: {
            vi: `Kẻ gian hay giả làm shipper hoặc nhân viên hãng vận chuyển, vì ai bán hàng cũng đang chờ shipper.

## Kịch bản hay gặp
- Cuộc gọi: "Em là shipper, đơn của chị bị giữ ở kho, chị chuyển 30.000 ₫ phí lưu kho để em giao."
- Tin nhắn có link: "Đơn hàng giao thất bại, cập nhật địa chỉ tại ghn-giaohang.vip" — **tên miền giả**.
- Shipper "thu hộ" đòi chị chuyển trước tiền COD rồi "sẽ hoàn sau".

## Cách kiểm tra
- Tra đơn bằng **mã vận đơn trên ứng dụng hoặc trang chính thức** của hãng mà chị tự mở, không qua link trong tin nhắn.
- Hãng vận chuyển không bắt người bán chuyển khoản cá nhân cho shipper để "mở kho".
- Đọc kỹ tên miền: phần ngay trước ".vn" hay ".com" mới là chủ trang. \`giaohangnhanh.vn.xyz-track.com\` là của \`xyz-track.com\`.

## Nếu lỡ chuyển tiền
Gọi ngay cho ngân hàng theo số in trên thẻ hoặc trong ứng dụng chính thức, báo cáo trên Sen và giữ lại tin nhắn.`,
            en: `Scammers like to pose as shippers or courier staff, because every seller is waiting for one.

## Common scripts
- A call: "I'm the shipper, your parcel is held at the depot, transfer 30,000 ₫ storage fee and I'll deliver."
- A text with a link: "Delivery failed, update your address at ghn-giaohang.vip" — **a fake domain**.
- A "collecting" shipper asks you to transfer the COD money first and says it "will be refunded later".

## How to check
- Track the parcel with **the tracking number in the courier's official app or website**, opened by you, not through a link in a message.
- Couriers don't ask sellers to transfer money to a shipper's personal account to "release" a parcel.
- Read the domain carefully: the part right before ".vn" or ".com" is the owner. \`giaohangnhanh.vn.xyz-track.com\` belongs to \`xyz-track.com\`.

## If you already paid
Call your bank at once on the number printed on your card or in its official app, report it on Sen and keep the messages.`,
          },
        },
        {
          slug: 'overpayment-and-mistaken-transfers',
          minutes: 3,
          title: { vi: 'Trả thừa tiền và "chuyển nhầm"', en: 'Overpayment and "money sent by mistake"' },
          body: {
            vi: `## "Em chuyển nhầm, chị chuyển lại giúp em"
Chị nhận được một khoản tiền lạ, rồi có người gọi nhận là chuyển nhầm, nhờ chuyển lại — thường vào **một tài khoản khác**. Có khi tiền đó là tiền bị lừa từ người khác, hoặc là khoản vay đứng tên chị; chuyển đi là chị gặp rắc rối.

**Cách làm đúng:** không tự chuyển cho ai. Báo ngân hàng của chị (theo số trên thẻ hoặc ứng dụng chính thức) để ngân hàng **hoàn trả theo đúng thủ tục**. Nếu người kia đe doạ, giữ tin nhắn và báo công an.

## Trả thừa tiền
Khách "lỡ" chuyển 5 triệu cho đơn 500.000 ₫ và xin chị trả lại phần thừa. Khoản 5 triệu có thể là ảnh giả, hoặc sẽ bị đòi lại sau khi chị đã chuyển đi.

**Cách làm đúng:** kiểm tra số dư thật. Chỉ hoàn **về đúng tài khoản đã chuyển đến**, sau khi tiền đã thật sự vào, và tốt nhất qua nhân viên Sen hoặc ngân hàng.`,
            en: `## "I sent it by mistake, please send it back"
Money you didn't expect arrives, then someone calls saying it was a mistake and asks you to send it back — often to **a different account**. The money may be stolen from someone else, or a loan taken out in your name; sending it on gets you into trouble.

**What to do:** don't transfer it yourself. Tell your bank (on the number on your card or in the official app) so the bank **returns it through its own procedure**. If the person threatens you, keep the messages and tell the police.

## Overpayment
A buyer "accidentally" transfers 5 million for a 500,000 ₫ order and asks you to return the difference. The 5 million may be a fake screenshot, or may be clawed back after you have sent money out.

**What to do:** check your real balance. Refund only **to the same account it came from**, only after the money has truly arrived, and preferably through Sen's staff or your bank.`,
          },
        },
        {
          slug: 'job-and-prize-scams',
          minutes: 3,
          title: { vi: 'Lừa "việc nhẹ lương cao" và trúng thưởng', en: 'Job and prize scams' },
          body: {
            vi: `## Việc online "nhẹ lương cao"
"Chỉ cần thả tim sản phẩm, làm nhiệm vụ, nhận hoa hồng 10–30%." Lúc đầu chị được trả vài chục nghìn thật. Sau đó "nhiệm vụ" lớn hơn đòi chị **nạp tiền trước**, rồi báo "sai thao tác", phải nạp thêm mới rút được. Tiền không bao giờ về.

## Trúng thưởng, quà tri ân
"Chúc mừng shop trúng iPhone / voucher 10 triệu, đóng phí vận chuyển 200.000 ₫ để nhận." Giải thưởng thật không bắt chị trả phí qua tài khoản cá nhân.

## Dấu hiệu chung
- Lời hứa quá hời, cần làm **ngay**.
- Chuyển chị sang **Telegram hoặc Zalo** với "trưởng nhóm", "CSKH".
- Bắt nạp tiền để rút tiền.

## Việc cần làm
Không nạp thêm để "gỡ". Dừng lại, chụp màn hình, báo cáo trên Sen và hỏi người chị tin tưởng.`,
            en: `## "Easy online work, high pay"
"Just like products and do tasks, earn 10–30% commission." At first you really are paid a small amount. Then bigger "tasks" ask you to **deposit money first**, then say you "made an error" and must deposit more before you can withdraw. The money never comes back.

## Prizes and "thank-you gifts"
"Congratulations, your shop won an iPhone / a 10 million voucher, pay 200,000 ₫ shipping to receive it." Real prizes don't ask you to pay fees into a personal account.

## Common signs
- A deal that is too good, and must be done **now**.
- You are moved to **Telegram or Zalo** with a "team leader" or "customer care".
- You must pay in to get paid out.

## What to do
Don't pay more to "win it back". Stop, take screenshots, report it on Sen and ask someone you trust.`,
          },
        },
      ],
      quiz: [
        {
          kind: 'single',
          prompt: {
            vi: 'Tin nhắn: "Đơn giao thất bại, cập nhật tại ghn-giaohang.vip". Chị nên làm gì?',
            en: 'A text: "Delivery failed, update at ghn-giaohang.vip". What should you do?',
          },
          choices: [
            {
              text: { vi: 'Bấm link và điền thông tin', en: 'Tap the link and fill in the form' },
              why: {
                vi: 'Tên miền này không phải của hãng vận chuyển; trang có thể lấy thông tin của chị.',
                en: "This domain isn't the courier's; the page may steal your details.",
              },
            },
            {
              text: {
                vi: 'Tự mở ứng dụng chính thức của hãng và tra mã vận đơn',
                en: "Open the courier's official app myself and look up the tracking number",
              },
              correct: true,
              why: {
                vi: 'Đúng: tự mở kênh chính thức, không đi qua link trong tin nhắn.',
                en: 'Right: open the official channel yourself, never through a link in a message.',
              },
            },
            {
              text: { vi: 'Gọi lại số vừa nhắn tin', en: 'Call back the number that texted' },
              why: { vi: 'Số đó có thể là của kẻ gian.', en: 'That number may belong to the scammer.' },
            },
          ],
        },
        {
          kind: 'single',
          prompt: {
            vi: 'Có 3 triệu lạ vào tài khoản, rồi một người gọi xin chị chuyển lại vào tài khoản khác. Cách đúng là:',
            en: '3 million arrives unexpectedly, then a caller asks you to send it to a different account. The right move is:',
          },
          choices: [
            {
              text: { vi: 'Chuyển lại ngay cho họ yên tâm', en: 'Send it straight away to be kind' },
              why: {
                vi: 'Tiền có thể là tiền lừa đảo hoặc khoản vay đứng tên chị.',
                en: 'The money may be stolen or a loan in your name.',
              },
            },
            {
              text: {
                vi: 'Báo ngân hàng để ngân hàng hoàn trả theo thủ tục',
                en: 'Tell my bank so it returns the money through its procedure',
              },
              correct: true,
              why: {
                vi: 'Đúng: ngân hàng sẽ hoàn về đúng nơi, chị không bị liên luỵ.',
                en: 'Right: the bank returns it to the right place and you stay out of trouble.',
              },
            },
            {
              text: { vi: 'Giữ luôn số tiền', en: 'Keep the money' },
              why: {
                vi: 'Giữ tiền không phải của mình là sai và có thể vi phạm pháp luật.',
                en: "Keeping money that isn't yours is wrong and may be against the law.",
              },
            },
          ],
        },
        trueFalse(
          {
            vi: 'Một việc làm online bắt chị nạp tiền trước mới rút được hoa hồng là việc làm đáng tin.',
            en: 'An online job that makes you deposit money before you can withdraw commission is trustworthy.',
          },
          false,
          {
            vi: 'Không: "nạp tiền để rút tiền" là dấu hiệu rõ nhất của lừa đảo việc làm.',
            en: 'No: "pay in to get paid out" is the clearest sign of a job scam.',
          },
          {
            vi: 'Đúng vậy, đó là lừa đảo. Việc làm thật trả lương cho chị, không bắt chị nạp tiền.',
            en: "Right, it's a scam. Real work pays you; it never asks you to pay in.",
          },
        ),
      ],
    },
    {
      title: { vi: 'Bằng chứng và trò chuyện trên Sen', en: 'Proof, and keeping the chat on Sen' },
      lessons: [
        {
          slug: 'keeping-proof',
          minutes: 3,
          title: { vi: 'Lưu bằng chứng đơn hàng', en: 'Keeping proof of orders' },
          body: {
            vi: `Khi có tranh chấp ("chưa nhận được hàng", "hàng lỗi"), ai có bằng chứng thì được bảo vệ.

## Lưu gì cho mỗi đơn
- **Đơn trên Sen**: sản phẩm, giá, địa chỉ, ngày giao.
- **Ảnh hoặc video lúc đóng gói**, thấy rõ món hàng và mã vận đơn.
- **Mã vận đơn** và biên nhận của hãng vận chuyển.
- **Tin nhắn** thoả thuận với khách (cọc, màu, size, ngày giao).
- **Biến động số dư** trong ứng dụng ngân hàng của chị khi nhận tiền.

## Lưu thế nào
- Chụp màn hình thấy cả **ngày giờ** và **tên/tài khoản** người gửi.
- Đặt tên thư mục theo mã đơn. Giữ ít nhất vài tháng sau khi giao.
- Không xoá cuộc trò chuyện, kể cả khi khách khó chịu.

Khi cần, gửi bằng chứng cho nhân viên Sen qua nút báo cáo của đơn hoặc Trung tâm an toàn.`,
            en: `In a dispute ("I never got it", "it's damaged"), whoever has proof is protected.

## What to keep for each order
- **The order on Sen**: product, price, address, delivery date.
- **A photo or video of packing**, showing the item and the tracking number.
- **The tracking number** and the courier's receipt.
- **Messages** agreeing details with the buyer (deposit, colour, size, date).
- **The balance alert** in your banking app when the money arrived.

## How to keep it
- Screenshots that show the **date and time** and the sender's **name/account**.
- One folder per order number. Keep them for at least a few months after delivery.
- Don't delete conversations, even unpleasant ones.

When needed, send the proof to Sen's staff with the order's report button or through the Safety centre.`,
          },
        },
        {
          slug: 'stay-on-platform-chat',
          minutes: 3,
          title: { vi: 'Giữ cuộc trò chuyện trên Sen', en: 'Keep the conversation on Sen' },
          body: {
            vi: `"Chị kết bạn Zalo em gửi ảnh mẫu nhé", "Nhắn Telegram cho tiện". Nhiều khách thật cũng nói vậy — nhưng đây cũng là bước đầu tiên của rất nhiều vụ lừa.

## Vì sao nên ở lại trên Sen
- Tin nhắn trên Sen gắn với đơn hàng và **nhân viên xem được khi chị báo cáo**.
- Sen cảnh báo những tin nhắn có dấu hiệu lừa (link lạ, đòi mã OTP, đòi chuyển tiền ngoài).
- Ra ngoài, kẻ gian có thể xoá tin nhắn, đổi tên, chặn chị và biến mất.

## Khi khách muốn chuyển sang ứng dụng khác
- Trả lời: "Chị nhắn ở đây giúp em để em lưu đơn ạ."
- Nếu vẫn phải dùng Zalo (ví dụ gọi video xem mẫu), **không gửi tiền, OTP, ảnh giấy tờ** ở đó, và ghi lại thoả thuận trên đơn Sen.
- Người tự xưng "CSKH Sen" trên Telegram/Zalo **không phải nhân viên Sen**. Nhân viên chỉ liên hệ chị trong Sen.`,
            en: `"Add me on Zalo and I'll send pictures", "Message me on Telegram, it's easier." Plenty of real buyers say this — but it is also the first step of many scams.

## Why stay on Sen
- Messages on Sen are tied to the order and **staff can see them when you report**.
- Sen warns about messages with scam signs (strange links, OTP requests, payment outside the platform).
- Outside, a scammer can delete messages, change name, block you and disappear.

## When a buyer wants another app
- Reply: "Please message me here so I can keep the order."
- If you still use Zalo (say, a video call to show a sample), **never send money, OTPs or ID photos** there, and write what you agreed on the Sen order.
- Someone calling themselves "Sen customer care" on Telegram/Zalo **is not Sen staff**. Staff only contact you inside Sen.`,
          },
        },
      ],
      quiz: [
        {
          kind: 'multiple',
          prompt: {
            vi: 'Nên lưu những gì cho mỗi đơn hàng? (chọn tất cả)',
            en: 'What should you keep for each order? (choose all)',
          },
          choices: [
            {
              text: {
                vi: 'Ảnh/video lúc đóng gói có mã vận đơn',
                en: 'A packing photo/video showing the tracking number',
              },
              correct: true,
              why: { vi: 'Chứng minh chị đã gửi đúng hàng.', en: 'It proves you sent the right item.' },
            },
            {
              text: { vi: 'Tin nhắn thoả thuận với khách', en: 'Messages agreeing details with the buyer' },
              correct: true,
              why: { vi: 'Chứng minh hai bên đã thống nhất gì.', en: 'It shows what both sides agreed.' },
            },
            {
              text: { vi: 'Biến động số dư khi nhận tiền', en: 'The balance alert when the money arrived' },
              correct: true,
              why: { vi: 'Chứng minh tiền thật đã về.', en: 'It proves real money arrived.' },
            },
            {
              text: { vi: 'Mật khẩu ngân hàng của chị', en: 'Your banking password' },
              why: {
                vi: 'Mật khẩu không bao giờ là bằng chứng và không được lưu cùng giấy tờ đơn.',
                en: 'A password is never proof and must not be stored with order papers.',
              },
            },
          ],
        },
        trueFalse(
          {
            vi: 'Một người nhắn trên Telegram tự xưng "CSKH Sen" là nhân viên của Sen.',
            en: 'Someone on Telegram calling themselves "Sen customer care" is Sen staff.',
          },
          false,
          {
            vi: 'Không đúng: nhân viên Sen chỉ liên hệ chị trong Sen.',
            en: 'Not true: Sen staff only contact you inside Sen.',
          },
          {
            vi: 'Chính xác: nhân viên Sen chỉ liên hệ trong Sen, người trên Telegram là giả mạo.',
            en: 'Exactly: Sen staff only contact you inside Sen; the Telegram account is an impostor.',
          },
        ),
        {
          kind: 'single',
          prompt: {
            vi: 'Khách muốn chuyển sang Zalo để "gửi ảnh mẫu". Câu trả lời tốt nhất là:',
            en: 'A buyer wants to move to Zalo "to send sample pictures". The best reply is:',
          },
          choices: [
            {
              text: {
                vi: '"Chị nhắn ở đây giúp em để em lưu đơn ạ."',
                en: '"Please message me here so I can keep the order."',
              },
              correct: true,
              why: {
                vi: 'Giữ cuộc trò chuyện nơi có bảo vệ và bằng chứng.',
                en: 'It keeps the conversation where there is protection and proof.',
              },
            },
            {
              text: {
                vi: 'Gửi số điện thoại và ảnh CCCD để khách tin',
                en: 'Send your phone number and ID card photo so the buyer trusts you',
              },
              why: {
                vi: 'Ảnh giấy tờ có thể bị dùng để mạo danh chị.',
                en: 'ID photos can be used to impersonate you.',
              },
            },
            {
              text: { vi: 'Chặn khách ngay', en: 'Block the buyer immediately' },
              why: {
                vi: 'Chưa cần: nhiều khách thật cũng hỏi vậy. Chỉ cần giữ giao dịch trên Sen.',
                en: 'Not needed: many real buyers ask this. Just keep the deal on Sen.',
              },
            },
          ],
        },
      ],
    },
  ],
};
