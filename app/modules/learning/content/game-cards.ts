import type { GameCardContent } from './types';

// The spot-the-scam deck. Each card is a chat, listing, payment screen, text
// message or link, described as plain lines ("Speaker: text"), never markup.
// Some are safe, so the answer is not always "scam".
export const gameCards: GameCardContent[] = [
  // Issue 18: fake QR codes and mismatched account names.
  {
    slug: 'qr-in-chat-other-name',
    kind: 'chat',
    verdict: 'scam',
    header: {
      vi: 'Zalo từ "Thổ cẩm Hoa" sau khi chị đặt hàng trên Sen',
      en: 'Zalo from "Hoa Brocade" after you ordered on Sen',
    },
    lines: {
      vi: 'Thổ cẩm Hoa: Chị ơi mã QR trên Sen đang lỗi, chị quét mã này chuyển 280.000 ₫ giúp em nhé [ảnh mã QR]\nỨng dụng ngân hàng khi quét: Người nhận TRAN VAN KHOA · 280.000 ₫',
      en: 'Hoa Brocade: The QR on Sen is broken, please scan this one and send 280,000 ₫ [QR picture]\nBanking app after scanning: Recipient TRAN VAN KHOA · 280,000 ₫',
    },
    tell: {
      vi: 'Mã QR gửi ngoài Sen, và tên người nhận (TRAN VAN KHOA) khác tên tài khoản đã xác minh của người bán.',
      en: "The QR came outside Sen, and the recipient's name (TRAN VAN KHOA) is not the seller's verified account name.",
    },
    explanation: {
      vi: 'Chỉ trả bằng mã QR trên trang đơn hàng ở Sen, nơi tên tài khoản đã được Sen xác minh. Tên trong ứng dụng ngân hàng khác tên đó thì dừng lại.',
      en: 'Pay only with the QR on the Sen order page, whose account name Sen verified. If the name in your banking app differs, stop.',
    },
    lessonId: 'ban-hang-an-toan/pay-on-platform',
  },
  {
    slug: 'order-page-qr-name-matches',
    kind: 'payment',
    verdict: 'safe',
    header: {
      vi: 'Trang đơn hàng trên Sen, rồi ứng dụng ngân hàng của chị',
      en: 'The order page on Sen, then your banking app',
    },
    lines: {
      vi: 'Sen: Tài khoản đã được Hội LHPN xác minh: LO THI HOA · Vietcombank\nSen: Số tiền 280.000 ₫ · Nội dung SEN K7M2Q9XA\nỨng dụng ngân hàng khi quét: Người nhận LO THI HOA · 280.000 ₫ · SEN K7M2Q9XA',
      en: "Sen: Account verified by the Women's Union: LO THI HOA · Vietcombank\nSen: Amount 280,000 ₫ · Note SEN K7M2Q9XA\nBanking app after scanning: Recipient LO THI HOA · 280,000 ₫ · SEN K7M2Q9XA",
    },
    tell: {
      vi: 'Mã QR ở trên trang đơn hàng của Sen; tên, số tiền và nội dung trong ứng dụng ngân hàng khớp với trang đơn hàng.',
      en: 'The QR is on the Sen order page; the name, amount and note in the banking app match the order page.',
    },
    explanation: {
      vi: 'Đây là cách chuyển khoản an toàn trên Sen. Chị có thể xác nhận.',
      en: 'This is the safe way to pay by transfer on Sen. You can confirm.',
    },
    lessonId: 'ban-hang-an-toan/pay-on-platform',
  },
  {
    slug: 'fake-transfer-wrong-time',
    kind: 'payment',
    verdict: 'scam',
    header: { vi: 'Ảnh chuyển khoản khách gửi qua tin nhắn', en: 'A transfer screenshot a buyer sent in chat' },
    lines: {
      vi: 'Ngân hàng: Chuyển tiền thành công\nSố tiền: 1.250.000 ₫\nNgười nhận: LO THI HOA\nThời gian: 02:14 28/11\nNội dung: thanh toan don hang\nKhách (lúc 15:40): Chị ơi em ck rồi đó, chị giao luôn giúp em nha, ngân hàng báo chậm',
      en: 'Bank: Transfer successful\nAmount: 1,250,000 ₫\nRecipient: LO THI HOA\nTime: 02:14 28/11\nNote: thanh toan don hang\nBuyer (at 15:40): I sent it, please ship now, the bank is just slow to show it',
    },
    tell: {
      vi: 'Giờ trên ảnh (02:14) khác xa giờ khách nhắn, và khách giục giao dù tiền chưa về.',
      en: 'The time on the picture (02:14) is far from when it was sent, and the buyer pushes you to ship before the money shows.',
    },
    explanation: {
      vi: 'Ảnh chuyển khoản rất dễ làm giả. Chỉ tin số dư trong ứng dụng ngân hàng của chị.',
      en: 'Transfer pictures are easy to fake. Trust only the balance in your own banking app.',
    },
    lessonId: 'ban-hang-an-toan/fake-transfer-screenshots',
  },
  {
    slug: 'balance-alert-real',
    kind: 'sms',
    verdict: 'safe',
    header: {
      vi: 'Thông báo biến động số dư trong ứng dụng ngân hàng của chị',
      en: 'A balance alert inside your own banking app',
    },
    lines: {
      vi: 'Ứng dụng ngân hàng: TK ...4821 +450.000 VND lúc 10:02. Số dư 3.120.500 VND. ND: MAI DAT KHAN LUA DON 1045',
      en: 'Banking app: Acct ...4821 +450,000 VND at 10:02. Balance 3,120,500 VND. Note: MAI DAT KHAN LUA DON 1045',
    },
    tell: {
      vi: 'Thông báo nằm trong ứng dụng ngân hàng của chính chị, số dư đã tăng, nội dung khớp mã đơn.',
      en: "It's in your own banking app, the balance went up, and the note matches the order number.",
    },
    explanation: {
      vi: 'Đây là cách kiểm tra đúng: tiền đã về tài khoản. Chị có thể giao hàng.',
      en: 'This is the right check: the money is in your account. You can ship.',
    },
    lessonId: 'ban-hang-an-toan/fake-transfer-screenshots',
  },
  {
    slug: 'shipper-storage-fee',
    kind: 'chat',
    verdict: 'scam',
    header: { vi: 'Zalo từ "Shipper GHN Quận 3"', en: 'Zalo from "GHN Shipper District 3"' },
    lines: {
      vi: 'Shipper GHN Quận 3: Chào chị, đơn của chị đang bị giữ ở kho do sai địa chỉ.\nShipper GHN Quận 3: Chị chuyển 35.000 ₫ phí lưu kho vào STK 0987xxxx (NGUYEN VAN T) để em giao trong hôm nay nhé.',
      en: 'GHN Shipper District 3: Hello, your parcel is held at the depot because of a wrong address.\nGHN Shipper District 3: Transfer 35,000 ₫ storage fee to account 0987xxxx (NGUYEN VAN T) and I will deliver today.',
    },
    tell: {
      vi: 'Đòi người bán chuyển "phí lưu kho" vào tài khoản cá nhân của shipper.',
      en: 'Asks the seller to pay a "storage fee" into a shipper\'s personal account.',
    },
    explanation: {
      vi: 'Hãng vận chuyển không thu phí kiểu này. Tra đơn trong ứng dụng chính thức bằng mã vận đơn.',
      en: "Couriers don't collect fees this way. Track the parcel in the official app with the tracking number.",
    },
    lessonId: 'ban-hang-an-toan/fake-shippers-and-fees',
  },
  {
    slug: 'lookalike-courier-link',
    kind: 'sms',
    verdict: 'scam',
    header: { vi: 'Tin nhắn SMS từ số lạ', en: 'A text from an unknown number' },
    lines: {
      vi: 'SMS: [GHN] Don hang SP1045 giao that bai. Cap nhat dia chi tai https://ghn-giaohang.vip/sp1045 trong 2h de tranh hoan hang.',
      en: 'SMS: [GHN] Order SP1045 delivery failed. Update your address at https://ghn-giaohang.vip/sp1045 within 2h to avoid return.',
    },
    tell: {
      vi: 'Tên miền thật của link là "ghn-giaohang.vip", không phải trang của hãng; lại còn giục "trong 2h".',
      en: 'The link\'s real domain is "ghn-giaohang.vip", not the courier\'s site; plus the "within 2h" pressure.',
    },
    explanation: {
      vi: 'Đọc phần ngay trước đuôi tên miền. Tự mở ứng dụng chính thức thay vì bấm link.',
      en: 'Read the part right before the domain ending. Open the official app yourself instead of tapping.',
    },
    lessonId: 'bao-ve-thong-tin/phishing-links',
  },
  {
    slug: 'mistaken-transfer-send-back',
    kind: 'chat',
    verdict: 'scam',
    header: { vi: 'Cuộc gọi rồi tin nhắn từ số lạ', en: 'A call, then a message from an unknown number' },
    lines: {
      vi: 'Người lạ: Chị ơi em chuyển nhầm 3.000.000 ₫ vào tài khoản chị, em đang cần gấp tiền viện phí.\nNgười lạ: Chị chuyển lại giúp em vào tài khoản của mẹ em: 1903xxxx (TRAN THI B) nhé, em cảm ơn chị nhiều.',
      en: "Stranger: I sent 3,000,000 ₫ to your account by mistake, I urgently need it for hospital fees.\nStranger: Please send it back to my mother's account: 1903xxxx (TRAN THI B), thank you so much.",
    },
    tell: {
      vi: 'Xin chuyển lại vào một tài khoản KHÁC với tài khoản đã gửi, kèm câu chuyện gấp gáp.',
      en: 'Asks for the money back to a DIFFERENT account than the one it came from, with an urgent story.',
    },
    explanation: {
      vi: 'Báo ngân hàng để ngân hàng hoàn trả theo thủ tục. Đừng tự chuyển.',
      en: "Tell your bank so it returns the money through its procedure. Don't transfer it yourself.",
    },
    lessonId: 'ban-hang-an-toan/overpayment-and-mistaken-transfers',
  },
  {
    slug: 'overpayment-refund',
    kind: 'chat',
    verdict: 'scam',
    header: { vi: 'Tin nhắn khách trên Zalo', en: 'A buyer on Zalo' },
    lines: {
      vi: 'Khách: Em đặt 2 khăn lụa 640.000 ₫ mà lỡ ck 6.400.000 ₫ rồi chị ơi 😭\nKhách: [ảnh chuyển khoản]\nKhách: Chị trả lại em 5.760.000 ₫ qua số này giúp em nhé: 0356xxxx',
      en: 'Buyer: I ordered 2 silk scarves for 640,000 ₫ but transferred 6,400,000 ₫ by mistake 😭\nBuyer: [transfer picture]\nBuyer: Please return 5,760,000 ₫ to this number: 0356xxxx',
    },
    tell: {
      vi: '"Trả thừa" chỉ có ảnh làm bằng chứng, và xin hoàn về một số khác.',
      en: 'The "overpayment" is shown only as a picture, and the refund goes to a different number.',
    },
    explanation: {
      vi: 'Kiểm tra số dư thật. Chỉ hoàn về đúng tài khoản đã gửi, sau khi tiền đã thật sự vào.',
      en: 'Check your real balance. Refund only to the account it came from, after the money has truly arrived.',
    },
    lessonId: 'ban-hang-an-toan/overpayment-and-mistaken-transfers',
  },
  {
    slug: 'otp-sent-by-mistake',
    kind: 'chat',
    verdict: 'scam',
    header: { vi: 'Zalo từ một "khách quen"', en: 'Zalo from a "regular customer"' },
    lines: {
      vi: 'Khách quen: Chị ơi em lỡ điền số chị khi đăng ký, có mã 6 số vừa gửi về máy chị đó.\nKhách quen: Chị đọc giúp em mã đó với, em cảm ơn 🙏',
      en: 'Regular customer: I typed your number by mistake when signing up, a 6-digit code just went to your phone.\nRegular customer: Could you read me that code? Thanks 🙏',
    },
    tell: { vi: 'Xin mã OTP gửi đến điện thoại của chị.', en: 'Asks for the OTP that arrived on your phone.' },
    explanation: {
      vi: 'Mã OTP là chữ ký của chị; có thể dùng để chiếm Zalo hoặc tài khoản. Không đọc mã cho ai.',
      en: 'An OTP is your signature; it can take over your Zalo or accounts. Never read it to anyone.',
    },
    lessonId: 'bao-ve-thong-tin/never-share-otp',
  },
  {
    slug: 'bank-otp-call',
    kind: 'chat',
    verdict: 'scam',
    header: { vi: 'Cuộc gọi từ "nhân viên ngân hàng"', en: 'A call from "bank staff"' },
    lines: {
      vi: 'Người gọi: Tài khoản của chị có giao dịch bất thường và sẽ bị khoá trong 30 phút.\nNgười gọi: Để giữ tài khoản, chị đọc mã OTP ngân hàng vừa gửi cho em xác minh.',
      en: 'Caller: Your account shows unusual activity and will be locked in 30 minutes.\nCaller: To keep it open, read me the OTP the bank just sent so I can verify.',
    },
    tell: {
      vi: 'Đòi mã OTP và doạ khoá tài khoản trong thời gian ngắn.',
      en: 'Demands your OTP and threatens to lock the account within minutes.',
    },
    explanation: {
      vi: 'Ngân hàng không bao giờ hỏi OTP. Cúp máy và gọi lại số in trên thẻ.',
      en: 'Banks never ask for your OTP. Hang up and call the number printed on your card.',
    },
    lessonId: 'bao-ve-thong-tin/never-share-otp',
  },
  {
    slug: 'own-otp-for-own-transfer',
    kind: 'sms',
    verdict: 'safe',
    header: {
      vi: 'SMS ngay sau khi chị bấm "Chuyển tiền" trong ứng dụng ngân hàng để trả tiền vải cho nhà cung cấp quen',
      en: 'A text right after you tapped "Transfer" in your banking app to pay your usual fabric supplier',
    },
    lines: {
      vi: 'SMS: Ma OTP cua Quy khach la 483920 de xac nhan chuyen 1.800.000 VND den CTY VAI AN PHUOC. KHONG cung cap ma nay cho bat ky ai.',
      en: 'SMS: Your OTP is 483920 to confirm transferring 1,800,000 VND to AN PHUOC FABRIC CO. DO NOT share this code with anyone.',
    },
    tell: {
      vi: 'Chính chị vừa bắt đầu giao dịch, và tin nhắn ghi đúng số tiền và người nhận chị định chuyển.',
      en: 'You started the transaction yourself, and the text names exactly the amount and recipient you intended.',
    },
    explanation: {
      vi: 'Nhập mã này vào ứng dụng ngân hàng của chị là an toàn. Chỉ không đưa mã cho người khác.',
      en: 'Typing this code into your own banking app is safe. Just never give it to another person.',
    },
    lessonId: 'bao-ve-thong-tin/never-share-otp',
  },
  {
    slug: 'lookalike-bank-domain',
    kind: 'link',
    verdict: 'scam',
    header: { vi: 'Link trong tin nhắn "ngân hàng"', en: 'A link in a "bank" message' },
    lines: {
      vi: 'Tin nhắn: Tài khoản của bạn cần cập nhật sinh trắc học trước 30/11.\nLink: https://vietcombank.com.vn.xac-minh.top/cap-nhat',
      en: 'Message: Your account needs a biometric update before 30/11.\nLink: https://vietcombank.com.vn.xac-minh.top/cap-nhat',
    },
    tell: {
      vi: 'Tên miền thật là "xac-minh.top"; "vietcombank.com.vn" chỉ là phần đứng trước để đánh lừa.',
      en: 'The real domain is "xac-minh.top"; "vietcombank.com.vn" is only a prefix to fool you.',
    },
    explanation: {
      vi: 'Chủ trang là phần ngay trước dấu "/" đầu tiên. Cập nhật chỉ trong ứng dụng chính thức.',
      en: 'The owner is the part right before the first "/". Update only inside the official app.',
    },
    lessonId: 'bao-ve-thong-tin/phishing-links',
  },
  {
    slug: 'real-sen-link',
    kind: 'link',
    verdict: 'safe',
    header: { vi: 'Trang chị tự mở từ dấu trang của mình', en: 'A page you opened yourself from your bookmarks' },
    lines: {
      vi: 'Thanh địa chỉ: địa chỉ Sen chị đã lưu dấu trang, đường dẫn /learn/ban-hang-an-toan\nTrang: Bán hàng an toàn trên mạng — Bài 1, không có ô nhập mật khẩu hay OTP',
      en: "Address bar: Sen's address from your own bookmark, path /learn/ban-hang-an-toan\nPage: Selling safely online — Lesson 1, with no password or OTP box",
    },
    tell: {
      vi: 'Chị tự mở từ dấu trang, và trang không đòi mật khẩu hay OTP.',
      en: 'You opened it yourself from a bookmark, and the page asks for no password or OTP.',
    },
    explanation: {
      vi: 'Tự gõ địa chỉ hoặc mở ứng dụng là thói quen an toàn. Một bài học không cần thông tin của chị.',
      en: 'Typing the address or opening the app yourself is a safe habit. A lesson needs none of your details.',
    },
    lessonId: 'bao-ve-thong-tin/phishing-links',
  },
  {
    slug: 'short-link-login',
    kind: 'chat',
    verdict: 'scam',
    header: { vi: 'Tin nhắn từ "CSKH Sen" trên Telegram', en: 'A message from "Sen Customer Care" on Telegram' },
    lines: {
      vi: 'CSKH Sen: Cửa hàng của chị bị báo cáo vi phạm và sẽ bị khoá.\nCSKH Sen: Đăng nhập tại bit.ly/sen-xacminh để kháng nghị trong 24h.',
      en: 'Sen Customer Care: Your shop was reported and will be suspended.\nSen Customer Care: Log in at bit.ly/sen-xacminh to appeal within 24h.',
    },
    tell: {
      vi: '"Nhân viên Sen" liên hệ qua Telegram và đưa link rút gọn để đăng nhập.',
      en: '"Sen staff" contacting you on Telegram with a short link to log in.',
    },
    explanation: {
      vi: 'Nhân viên Sen chỉ liên hệ trong Sen. Link rút gọn che tên miền thật.',
      en: 'Sen staff only contact you inside Sen. Short links hide the real domain.',
    },
    lessonId: 'ban-hang-an-toan/stay-on-platform-chat',
  },
  {
    slug: 'move-to-telegram-pay',
    kind: 'chat',
    verdict: 'scam',
    header: { vi: 'Tin nhắn khách trên Sen', en: 'A buyer message on Sen' },
    lines: {
      vi: 'Khách: Shop ơi em lấy 20 hũ mắm ruốc, mình qua Telegram @thu_mua_si nói chuyện cho tiện nhé.\nKhách: Bên em thanh toán qua ví riêng, chị cài app ví này để nhận tiền: link.apk',
      en: "Buyer: I'll take 20 jars of shrimp paste, let's talk on Telegram @thu_mua_si, easier.\nBuyer: We pay through our own wallet, install this wallet app to receive: link.apk",
    },
    tell: {
      vi: 'Kéo sang Telegram rồi bắt cài file .apk lạ để "nhận tiền".',
      en: 'Moves you to Telegram, then asks you to install a strange .apk to "get paid".',
    },
    explanation: {
      vi: 'Giữ giao dịch trên Sen. File .apk lạ có thể điều khiển điện thoại và đọc OTP.',
      en: 'Keep the deal on Sen. A strange .apk can control your phone and read OTPs.',
    },
    lessonId: 'bao-ve-thong-tin/remote-control-apps',
  },
  {
    slug: 'remote-support-app',
    kind: 'chat',
    verdict: 'scam',
    header: { vi: 'Cuộc gọi từ "cán bộ thuế"', en: 'A call from a "tax officer"' },
    lines: {
      vi: 'Người gọi: Hộ kinh doanh của chị được hoàn thuế 2.300.000 ₫.\nNgười gọi: Chị cài ứng dụng hỗ trợ từ xa em gửi qua Zalo, bật quyền Trợ năng để em làm thủ tục giúp chị.',
      en: 'Caller: Your household business is owed a 2,300,000 ₫ tax refund.\nCaller: Install the remote-support app I sent on Zalo and turn on Accessibility so I can do it for you.',
    },
    tell: {
      vi: 'Yêu cầu cài ứng dụng điều khiển từ xa và bật quyền Trợ năng.',
      en: 'Asks you to install a remote-control app and enable Accessibility.',
    },
    explanation: {
      vi: 'Quyền này cho họ điều khiển máy và mở ứng dụng ngân hàng. Không cài theo lời người gọi.',
      en: "That permission lets them control the phone and open your banking app. Never install on a caller's word.",
    },
    lessonId: 'bao-ve-thong-tin/remote-control-apps',
  },
  {
    slug: 'task-job-commission',
    kind: 'chat',
    verdict: 'scam',
    header: { vi: 'Tin nhắn tuyển dụng trên Zalo', en: 'A recruitment message on Zalo' },
    lines: {
      vi: 'Tuyển dụng: Việc nhẹ tại nhà: thả tim sản phẩm, 15 phút/ngày, nhận 300–500k.\nTuyển dụng: Nhiệm vụ VIP: nạp 2.000.000 ₫ nhận lại 2.600.000 ₫ sau 10 phút. Liên hệ trưởng nhóm trên Telegram.',
      en: 'Recruiter: Easy home job: like products, 15 min a day, earn 300–500k.\nRecruiter: VIP task: deposit 2,000,000 ₫, get 2,600,000 ₫ back in 10 minutes. Contact the team leader on Telegram.',
    },
    tell: {
      vi: '"Nạp tiền để nhận hoa hồng" và chuyển sang Telegram với "trưởng nhóm".',
      en: '"Deposit to earn commission" and a move to Telegram with a "team leader".',
    },
    explanation: {
      vi: 'Việc làm thật trả tiền cho chị, không bắt chị nạp tiền. Lần sau sẽ bị đòi nạp nhiều hơn.',
      en: 'Real jobs pay you; they never make you pay in. Next time they ask for more.',
    },
    lessonId: 'ban-hang-an-toan/job-and-prize-scams',
  },
  {
    slug: 'prize-shipping-fee',
    kind: 'sms',
    verdict: 'scam',
    header: { vi: 'Tin nhắn SMS', en: 'A text message' },
    lines: {
      vi: 'SMS: Chuc mung shop cua ban trung thuong iPhone 16 tri an nguoi ban. Chuyen 250.000d phi van chuyen toi STK 0702xxxx de nhan qua.',
      en: 'SMS: Congratulations, your shop won an iPhone 16 seller thank-you prize. Transfer 250,000d shipping to account 0702xxxx to receive it.',
    },
    tell: {
      vi: 'Phải trả phí vào tài khoản cá nhân để nhận giải thưởng chị không hề tham gia.',
      en: 'You must pay a fee into a personal account for a prize you never entered.',
    },
    explanation: {
      vi: 'Giải thưởng thật không bắt chị trả phí như vậy. Xoá tin và báo cáo.',
      en: "Real prizes don't charge fees like this. Delete and report it.",
    },
    lessonId: 'ban-hang-an-toan/job-and-prize-scams',
  },
  {
    slug: 'supplier-full-deposit',
    kind: 'listing',
    verdict: 'scam',
    header: { vi: 'Bài đăng trong nhóm "Nguồn hàng sỉ"', en: 'A post in a "Wholesale suppliers" group' },
    lines: {
      vi: 'Bài đăng: Xả kho 500 túi cói thủ công, 25.000 ₫/chiếc (giá thị trường 120.000 ₫).\nBài đăng: Cọc 100% trước, chuyển khoản cá nhân. Số lượng có hạn, chốt trong hôm nay!',
      en: 'Post: Clearance, 500 handmade sedge bags at 25,000 ₫ each (market price 120,000 ₫).\nPost: 100% deposit first, personal account transfer. Limited stock, decide today!',
    },
    tell: {
      vi: 'Giá rẻ bất thường, bắt cọc 100% vào tài khoản cá nhân, giục chốt trong ngày.',
      en: 'An unusually low price, 100% deposit into a personal account, and pressure to decide today.',
    },
    explanation: {
      vi: 'Với nhà cung cấp mới, đặt đơn nhỏ trước và kiểm tra tên chủ tài khoản trùng tên doanh nghiệp.',
      en: 'With a new supplier, start small and check the account holder matches the business name.',
    },
    lessonId: 'ban-hang-an-toan/deposits-and-transfers',
  },
  {
    slug: 'buyer-deposit-on-platform',
    kind: 'chat',
    verdict: 'safe',
    header: { vi: 'Tin nhắn khách trên Sen', en: 'A buyer message on Sen' },
    lines: {
      vi: 'Khách: Chị ơi em muốn đặt may 3 áo dài theo số đo, em cọc 30% qua Sen được không ạ?\nKhách: Chị ghi ngày giao và điều kiện hoàn cọc vào đơn giúp em nhé.',
      en: "Buyer: I'd like 3 made-to-measure áo dài, can I pay a 30% deposit through Sen?\nBuyer: Please put the delivery date and refund terms in the order.",
    },
    tell: {
      vi: 'Khách trả cọc cho chị, qua Sen, và muốn ghi rõ điều kiện trong đơn.',
      en: 'The buyer pays you the deposit, through Sen, and wants the terms written in the order.',
    },
    explanation: {
      vi: 'Đây là cách đặt cọc đúng: tiền đi từ khách đến chị, có ghi lại trên đơn.',
      en: 'This is a proper deposit: money goes from buyer to you, recorded on the order.',
    },
    lessonId: 'ban-hang-an-toan/deposits-and-transfers',
  },
  {
    slug: 'seller-pays-to-unlock-order',
    kind: 'chat',
    verdict: 'scam',
    header: { vi: 'Tin nhắn khách trên Zalo', en: 'A buyer on Zalo' },
    lines: {
      vi: 'Khách: Em đặt 50 hộp bánh cho công ty, bên em thanh toán qua sàn "ShopPay Global".\nKhách: Sàn yêu cầu người bán nạp 1.000.000 ₫ ký quỹ để mở khoá đơn, xong sàn hoàn lại cả tiền hàng.',
      en: 'Buyer: I\'m ordering 50 boxes of cakes for my company, we pay through the "ShopPay Global" platform.\nBuyer: The platform needs the seller to deposit 1,000,000 ₫ as a guarantee to unlock the order, then it refunds it with the payment.',
    },
    tell: {
      vi: 'Người bán bị yêu cầu trả tiền "ký quỹ" để "mở khoá đơn".',
      en: 'The seller is asked to pay a "guarantee" to "unlock the order".',
    },
    explanation: {
      vi: 'Người bán không bao giờ phải trả tiền để nhận tiền bán hàng.',
      en: 'A seller never has to pay money in order to receive a sale.',
    },
    lessonId: 'ban-hang-an-toan/deposits-and-transfers',
  },
  {
    slug: 'cod-order-normal',
    kind: 'chat',
    verdict: 'safe',
    header: { vi: 'Tin nhắn khách trên Sen', en: 'A buyer message on Sen' },
    lines: {
      vi: 'Khách: Em đặt 1kg trà shan tuyết qua Sen rồi ạ, em chọn thanh toán khi nhận hàng.\nKhách: Khoảng mấy ngày thì hàng về Đà Nẵng chị?',
      en: 'Buyer: I ordered 1kg of shan tuyet tea on Sen, I chose cash on delivery.\nBuyer: How many days to Da Nang?',
    },
    tell: {
      vi: 'Đặt hàng trên Sen, trả tiền khi nhận, chỉ hỏi thời gian giao.',
      en: 'Ordered on Sen, pays on delivery, only asks about delivery time.',
    },
    explanation: {
      vi: 'Một đơn bình thường: không link lạ, không đòi chuyển tiền, không rời khỏi Sen.',
      en: 'An ordinary order: no strange link, no money requests, no leaving Sen.',
    },
    lessonId: 'ban-hang-an-toan/pay-on-platform',
  },
  {
    slug: 'outside-app-discount',
    kind: 'chat',
    verdict: 'scam',
    header: { vi: 'Tin nhắn khách trên Sen', en: 'A buyer message on Sen' },
    lines: {
      vi: 'Khách: Giao dịch ngoài app cho đỡ phí nha chị, em ck trước 100%.\nKhách: Chị gửi em STK với ảnh CCCD để em chắc là chị thật nhé.',
      en: "Buyer: Let's deal outside the app to save the fee, I'll transfer 100% first.\nBuyer: Send me your account number and an ID card photo so I know you're real.",
    },
    tell: {
      vi: 'Rủ giao dịch ngoài app và xin ảnh CCCD của người bán.',
      en: "Wants to deal outside the app and asks for the seller's ID photo.",
    },
    explanation: {
      vi: 'Ảnh CCCD có thể bị dùng để vay tiền hay mạo danh chị. Huy hiệu xác minh trên Sen thay cho giấy tờ.',
      en: "ID photos can be used for loans or impersonation. Sen's verified badge replaces documents.",
    },
    lessonId: 'bao-ve-thong-tin/id-card-photos',
  },
  {
    slug: 'sister-zalo-urgent',
    kind: 'chat',
    verdict: 'scam',
    header: { vi: 'Zalo từ "Em Lan" (em gái chị)', en: 'Zalo from "Lan" (your younger sister)' },
    lines: {
      vi: 'Em Lan: Chị ơi em đang ở viện, điện thoại hỏng loa không gọi được.\nEm Lan: Chị chuyển gấp giúp em 5 triệu vào STK bạn em 0399xxxx (PHAM VAN K), chiều em trả.',
      en: "Lan: I'm at the hospital, my phone's speaker is broken, I can't call.\nLan: Please urgently send 5 million to my friend's account 0399xxxx (PHAM VAN K), I'll pay you back this afternoon.",
    },
    tell: {
      vi: 'Không gọi được, chuyển vào tài khoản người khác, giục gấp.',
      en: "Can't call, money to someone else's account, and urgency.",
    },
    explanation: {
      vi: 'Tài khoản Zalo có thể đã bị chiếm. Gọi lại số điện thoại em gái chị đã lưu trước khi chuyển.',
      en: "The Zalo account may be hijacked. Call your sister's saved number before sending anything.",
    },
    lessonId: 'bao-ve-thong-tin/impersonation',
  },
  {
    slug: 'police-safekeeping',
    kind: 'chat',
    verdict: 'scam',
    header: { vi: 'Cuộc gọi từ "Công an quận"', en: 'A call from "District police"' },
    lines: {
      vi: 'Người gọi: Số tài khoản của chị liên quan đến một đường dây rửa tiền.\nNgười gọi: Chị chuyển toàn bộ số dư vào "tài khoản tạm giữ" của cơ quan để chứng minh trong sạch, không được nói với ai.',
      en: 'Caller: Your bank account is linked to a money-laundering ring.\nCaller: Transfer your whole balance to the agency\'s "safekeeping account" to prove your innocence, and tell no one.',
    },
    tell: {
      vi: 'Đòi chuyển tiền vào "tài khoản tạm giữ" qua điện thoại và bắt giữ bí mật.',
      en: 'Demands a transfer to a "safekeeping account" by phone and tells you to keep it secret.',
    },
    explanation: {
      vi: 'Công an không làm việc qua điện thoại như vậy. Cúp máy, kể với người thân, đến trực tiếp công an xã/phường nếu lo lắng.',
      en: "Police don't work like that by phone. Hang up, tell family, and visit your ward police in person if worried.",
    },
    lessonId: 'bao-ve-thong-tin/impersonation',
  },
  {
    slug: 'fake-shop-page',
    kind: 'listing',
    verdict: 'scam',
    header: { vi: 'Một trang Facebook khách gửi cho chị', en: 'A Facebook page a buyer sent you' },
    lines: {
      vi: 'Trang: "Gốm Hoa Lò - Chính Hãng" (tạo 5 ngày trước)\nẢnh: ảnh sản phẩm của chính cửa hàng chị\nBài đăng: Giảm 50% hôm nay, cọc trước 200k qua STK 0812xxxx để giữ hàng.',
      en: 'Page: "Hoa Lo Ceramics - Official" (created 5 days ago)\nPhotos: your own shop\'s product photos\nPost: 50% off today, 200k deposit to account 0812xxxx to reserve.',
    },
    tell: {
      vi: 'Trang mới tạo, dùng ảnh của chị, nhận cọc vào tài khoản không phải của chị.',
      en: "A new page, using your photos, taking deposits into an account that isn't yours.",
    },
    explanation: {
      vi: 'Báo cáo trang giả với mạng xã hội, báo khách trên cửa hàng Sen của chị và báo nhân viên Sen.',
      en: 'Report the fake page to the network, warn buyers on your Sen storefront, and tell Sen staff.',
    },
    lessonId: 'bao-ve-thong-tin/impersonation',
  },
  {
    slug: 'verified-storefront',
    kind: 'listing',
    verdict: 'safe',
    header: { vi: 'Một cửa hàng trên Sen', en: 'A storefront on Sen' },
    lines: {
      vi: 'Cửa hàng: Mật ong bạc hà Hà Giang — Đã xác minh · Người bán an toàn\nSản phẩm: Mật ong 500ml, 220.000 ₫\nThanh toán: Qua Sen hoặc khi nhận hàng',
      en: 'Shop: Ha Giang mint honey — Verified · Safe Seller\nProduct: Honey 500ml, 220,000 ₫\nPayment: Through Sen or cash on delivery',
    },
    tell: {
      vi: 'Có huy hiệu trên Sen, giá bình thường, thanh toán qua Sen hoặc COD.',
      en: 'Sen badges, a normal price, payment through Sen or COD.',
    },
    explanation: {
      vi: 'Không có dấu hiệu lừa: mua bán và thanh toán đều ở trên Sen.',
      en: 'No scam signs: buying and paying both happen on Sen.',
    },
    lessonId: 'ban-hang-an-toan/pay-on-platform',
  },
  {
    slug: 'sextortion-threat',
    kind: 'chat',
    verdict: 'scam',
    header: { vi: 'Tin nhắn từ tài khoản lạ', en: 'A message from an unknown account' },
    lines: {
      vi: 'Tài khoản lạ: Tôi có ảnh riêng của chị. Chuyển 3 triệu trong hôm nay, nếu không tôi gửi cho toàn bộ khách và người thân của chị.',
      en: 'Unknown account: I have private photos of you. Send 3 million today or I send them to all your customers and family.',
    },
    tell: {
      vi: 'Đe doạ tung ảnh để đòi tiền, kèm hạn chót.',
      en: 'Threatens to publish photos to extort money, with a deadline.',
    },
    explanation: {
      vi: 'Không trả tiền, không trả lời. Lưu bằng chứng, báo cáo trên Sen, nói với người chị tin. Nguy hiểm ngay: gọi 113.',
      en: "Don't pay or reply. Keep evidence, report on Sen, tell someone you trust. In immediate danger: call 113.",
    },
    lessonId: 'an-toan-truoc-quay-roi/keeping-evidence',
  },
  {
    slug: 'persistent-messages',
    kind: 'chat',
    verdict: 'scam',
    header: { vi: 'Tin nhắn trên Sen từ một "khách"', en: 'Messages on Sen from a "buyer"' },
    lines: {
      vi: 'Khách: Em không mua gì đâu, chỉ muốn làm quen.\nChị: Shop chỉ trả lời về sản phẩm ạ.\nKhách: Gửi ảnh chị đi. Sao không trả lời? Anh biết chị ở Bắc Hà mà.',
      en: "Buyer: I'm not buying anything, I just want to get to know you.\nYou: The shop only answers questions about products.\nBuyer: Send me your photo. Why aren't you answering? I know you live in Bac Ha.",
    },
    tell: {
      vi: 'Tiếp tục sau khi bị từ chối và nhắc nơi chị ở — đây là quấy rối, không phải khách mua.',
      en: 'Carries on after a clear no and mentions where you live — harassment, not a buyer.',
    },
    explanation: {
      vi: 'Chụp màn hình, chặn và báo cáo trên Sen. Nhân viên có thể khoá tài khoản này.',
      en: 'Screenshot, block and report on Sen. Staff can suspend the account.',
    },
    lessonId: 'an-toan-truoc-quay-roi/block-and-report',
  },
  {
    slug: 'recovery-group',
    kind: 'chat',
    verdict: 'scam',
    header: { vi: 'Bình luận dưới bài chị kể bị lừa', en: 'A comment under your post about being scammed' },
    lines: {
      vi: 'Bình luận: Bên mình là đội hỗ trợ lấy lại tiền bị lừa, có luật sư. Nhắn Telegram @lay_lai_tien, phí hồ sơ chỉ 500k.',
      en: 'Comment: We are a team that recovers scammed money, with lawyers. Message Telegram @lay_lai_tien, file fee only 500k.',
    },
    tell: {
      vi: 'Hứa "lấy lại tiền" nhưng đòi phí trước qua Telegram.',
      en: 'Promises to "recover your money" but wants an upfront fee on Telegram.',
    },
    explanation: {
      vi: 'Đây thường là lừa đảo lần hai. Báo ngân hàng và công an, dùng Trung tâm an toàn của Sen.',
      en: "This is usually a second scam. Tell your bank and the police, and use Sen's Safety centre.",
    },
    lessonId: 'an-toan-truoc-quay-roi/finding-help',
  },
  {
    slug: 'mentor-checkin',
    kind: 'chat',
    verdict: 'safe',
    header: { vi: 'Tin nhắn trên Sen từ người cố vấn của chị', en: 'A message on Sen from your mentor' },
    lines: {
      vi: 'Cố vấn: Chào chị Hoa, buổi hẹn thứ Năm mình đổi sang 9 giờ được không chị?\nCố vấn: Chị mang theo sổ ghi chép đơn hàng tháng này để mình cùng xem nhé.',
      en: "Mentor: Hi Hoa, could we move Thursday's session to 9 am?\nMentor: Bring this month's order notebook so we can go through it together.",
    },
    tell: {
      vi: 'Tin nhắn trong Sen, không link, không đòi tiền, mật khẩu hay OTP.',
      en: 'A message inside Sen, no links, no requests for money, passwords or OTPs.',
    },
    explanation: {
      vi: 'Một tin nhắn bình thường. Cảnh giác là tốt, nhưng không phải tin nhắn nào cũng là lừa đảo.',
      en: 'An ordinary message. Being careful is good, but not every message is a scam.',
    },
    lessonId: 'ban-hang-an-toan/stay-on-platform-chat',
  },
  {
    slug: 'password-reset-you-asked',
    kind: 'sms',
    verdict: 'safe',
    header: {
      vi: 'Email ngay sau khi chị bấm "Quên mật khẩu" trên Sen',
      en: 'An email right after you clicked "Forgot password" on Sen',
    },
    lines: {
      vi: 'Email từ Sen: Chị vừa yêu cầu đặt lại mật khẩu. Liên kết dùng được trong 1 giờ. Nếu không phải chị, hãy bỏ qua email này.',
      en: "Email from Sen: You asked to reset your password. The link works for 1 hour. If it wasn't you, ignore this email.",
    },
    tell: {
      vi: 'Chị vừa tự yêu cầu, và email không hỏi mật khẩu cũ hay OTP.',
      en: 'You just asked for it, and the email asks for no old password or OTP.',
    },
    explanation: {
      vi: 'Email đặt lại mật khẩu do chính chị yêu cầu là bình thường. Nếu nhận mà không yêu cầu, hãy bỏ qua.',
      en: 'A reset email you requested yourself is normal. If one arrives unasked, ignore it.',
    },
    lessonId: 'bao-ve-thong-tin/strong-passwords',
  },
  {
    slug: 'unexpected-verification-code',
    kind: 'sms',
    verdict: 'scam',
    header: {
      vi: 'SMS lúc nửa đêm, khi chị không đăng nhập gì',
      en: "A text at midnight, when you weren't logging in",
    },
    lines: {
      vi: 'SMS: Ma xac minh Zalo cua ban la 552 190. Khong chia se ma nay.\n(Vài phút sau) Người lạ: Chị ơi em gửi nhầm mã, chị gửi lại giúp em.',
      en: 'SMS: Your Zalo verification code is 552 190. Do not share this code.\n(A few minutes later) Stranger: Sorry, I sent a code to you by mistake, please send it back.',
    },
    tell: {
      vi: 'Mã xác minh đến khi chị không đăng nhập, rồi có người xin mã.',
      en: "A verification code arrives when you aren't logging in, then someone asks for it.",
    },
    explanation: {
      vi: 'Có người đang cố chiếm Zalo của chị. Không gửi mã; đổi mật khẩu và bật xác minh hai bước.',
      en: 'Someone is trying to take over your Zalo. Keep the code; change your password and turn on two-step verification.',
    },
    lessonId: 'bao-ve-thong-tin/two-step-verification',
  },
  {
    slug: 'photo-with-address',
    kind: 'listing',
    verdict: 'scam',
    header: { vi: 'Bài đăng chị định đăng lên cửa hàng', en: 'A post you are about to publish on your shop' },
    lines: {
      vi: 'Ảnh: bánh chưng xếp trước cổng, thấy rõ biển "Số 12, ngõ 4, thôn Nà Hẩu" và biển số xe máy\nChú thích: Nhận đơn đến 9 giờ tối, chồng đi làm xa nên em tự giao nhé!',
      en: 'Photo: bánh chưng stacked at the gate, clearly showing the sign "No. 12, lane 4, Na Hau village" and a motorbike plate\nCaption: Orders until 9 pm, my husband works far away so I deliver myself!',
    },
    tell: {
      vi: 'Ảnh lộ địa chỉ nhà, biển số xe, và chú thích cho biết chị thường ở nhà một mình.',
      en: "The photo shows your address and plate, and the caption says you're often home alone.",
    },
    explanation: {
      vi: 'Đây là rủi ro tự tạo ra: chụp lại ở góc khác và bỏ câu về việc ở một mình.',
      en: 'A risk you create yourself: retake from another angle and drop the line about being alone.',
    },
    lessonId: 'bao-ve-thong-tin/what-to-publish',
  },
  {
    slug: 'packing-video-proof',
    kind: 'chat',
    verdict: 'safe',
    header: { vi: 'Tin nhắn khách trên Sen', en: 'A buyer message on Sen' },
    lines: {
      vi: 'Khách: Chị ơi hộp em nhận bị móp một góc, bên trong vẫn ổn ạ.\nKhách: Em gửi ảnh để chị biết, lần sau chị bọc thêm giúp em nha.',
      en: 'Buyer: The box I got was dented at one corner, the inside is fine.\nBuyer: Sending a photo so you know, please add more padding next time.',
    },
    tell: {
      vi: 'Khách góp ý thật, không đòi hoàn tiền vào tài khoản khác, không rời khỏi Sen.',
      en: 'Honest feedback, no refund to another account, no leaving Sen.',
    },
    explanation: {
      vi: 'Một góp ý bình thường. Video đóng gói của chị vẫn nên được lưu lại cho mỗi đơn.',
      en: 'Ordinary feedback. Still keep your packing video for every order.',
    },
    lessonId: 'ban-hang-an-toan/keeping-proof',
  },
  {
    slug: 'refund-to-new-account',
    kind: 'chat',
    verdict: 'scam',
    header: { vi: 'Tin nhắn khách trên Zalo sau khi nhận hàng', en: 'A buyer on Zalo after delivery' },
    lines: {
      vi: 'Khách: Hàng lỗi, em đã vứt rồi nên không có ảnh.\nKhách: Chị hoàn 100% vào tài khoản mới của em 0567xxxx, không thì em đăng bài bóc phốt shop.',
      en: "Buyer: The item was faulty, I threw it away so no photo.\nBuyer: Refund 100% to my new account 0567xxxx, or I'll post about your shop everywhere.",
    },
    tell: {
      vi: 'Không có bằng chứng, đòi hoàn vào tài khoản mới và đe doạ bóc phốt.',
      en: 'No evidence, a refund to a new account, and a threat to shame the shop.',
    },
    explanation: {
      vi: 'Gửi bằng chứng đóng gói của chị cho nhân viên Sen qua báo cáo đơn; hoàn tiền chỉ qua Sen.',
      en: 'Send your packing proof to Sen staff through the order report; refunds only through Sen.',
    },
    lessonId: 'ban-hang-an-toan/keeping-proof',
  },
];
