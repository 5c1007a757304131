import { type CourseContent, trueFalse } from './types';

export const baoVeThongTin: CourseContent = {
  slug: 'bao-ve-thong-tin',
  position: 2,
  title: { vi: 'Bảo vệ thông tin và tài khoản', en: 'Protecting your information and accounts' },
  summary: {
    vi: 'Mật khẩu, xác minh hai bước, mã OTP, link giả, kẻ mạo danh, ứng dụng điều khiển từ xa, và nên công khai gì về cửa hàng.',
    en: 'Passwords, two-step verification, OTP codes, fake links, impostors, remote-control apps, and what to make public about your shop.',
  },
  modules: [
    {
      title: { vi: 'Khoá chặt tài khoản', en: 'Locking your accounts' },
      lessons: [
        {
          slug: 'strong-passwords',
          minutes: 3,
          title: { vi: 'Mật khẩu và cụm mật khẩu', en: 'Passwords and passphrases' },
          body: {
            vi: `Mật khẩu như \`123456\`, ngày sinh hay tên con rất dễ bị đoán.

## Dùng cụm mật khẩu
Ghép 4–5 từ ngẫu nhiên mà chị nhớ được: \`ca phe sua da mua he\`. Dài thì khó đoán, mà vẫn dễ nhớ.

## Ba quy tắc
1. **Mỗi tài khoản một mật khẩu riêng**, nhất là email, ngân hàng và Sen. Một trang bị lộ, các tài khoản khác vẫn an toàn.
2. Ghi vào **trình quản lý mật khẩu** hoặc sổ giấy cất kỹ ở nhà — không ghi trong ghi chú điện thoại có tên "mật khẩu".
3. **Không đưa mật khẩu cho ai**, kể cả người tự xưng nhân viên Sen hay ngân hàng.

Đổi mật khẩu ngay nếu chị nghi ngờ bị lộ (trang Tài khoản → Mật khẩu), rồi đăng xuất mọi thiết bị.`,
            en: `Passwords like \`123456\`, a birthday or a child's name are easy to guess.

## Use a passphrase
Join 4–5 random words you can remember: \`iced milk coffee summer rain\`. Long means hard to guess, yet easy to remember.

## Three rules
1. **A different password for each account**, especially email, banking and Sen. If one site leaks, the others stay safe.
2. Keep them in a **password manager** or a paper notebook kept safely at home — not in a phone note called "passwords".
3. **Never give your password to anyone**, including people claiming to be Sen or bank staff.

Change your password at once if you think it leaked (Account page → Password), then log out of all devices.`,
          },
        },
        {
          slug: 'two-step-verification',
          minutes: 2,
          title: { vi: 'Xác minh hai bước', en: 'Two-step verification' },
          body: {
            vi: `Xác minh hai bước nghĩa là đăng nhập cần **mật khẩu + một thứ chị đang cầm** (mã trong ứng dụng xác thực hoặc tin nhắn). Kẻ gian có mật khẩu cũng chưa vào được.

## Bật ở đâu trước
1. **Email** — vì email dùng để đặt lại mọi mật khẩu khác.
2. **Zalo, Facebook** — nơi khách và người thân nhắn cho chị.
3. **Ngân hàng** — dùng xác thực trong ứng dụng chính thức (Smart OTP, sinh trắc học).

## Lưu ý
- Cất **mã dự phòng** ở nơi an toàn, phòng khi mất điện thoại.
- Nếu nhận được mã xác minh mà **chị không hề đăng nhập**, có người đang thử vào tài khoản: đổi mật khẩu ngay và **không đưa mã cho ai**.`,
            en: `Two-step verification means logging in needs **your password + something you hold** (a code from an authenticator app or a text). A scammer with your password still can't get in.

## Turn it on first for
1. **Email** — it resets every other password.
2. **Zalo, Facebook** — where buyers and family message you.
3. **Banking** — use the official app's authentication (Smart OTP, fingerprint/face).

## Notes
- Keep the **backup codes** somewhere safe in case you lose your phone.
- If a verification code arrives when **you didn't log in**, someone is trying your account: change the password now and **give the code to no one**.`,
          },
        },
        {
          slug: 'never-share-otp',
          minutes: 2,
          title: { vi: 'Không bao giờ chia sẻ mã OTP', en: 'Never share an OTP code' },
          body: {
            vi: `Mã OTP là **chữ ký của chị**. Ai có mã là có thể chuyển tiền, đổi mật khẩu, chiếm Zalo của chị.

## Các câu kẻ gian hay nói
- "Em gửi nhầm mã vào máy chị, chị đọc lại giúp em."
- "Shop trúng thưởng, đọc mã để xác nhận nhận quà."
- "Nhân viên ngân hàng đây, tài khoản chị bị khoá, đọc mã để mở."

## Quy tắc duy nhất
**Không đọc, không chụp, không chuyển tiếp mã OTP cho bất kỳ ai** — kể cả người tự xưng nhân viên Sen, ngân hàng, công an. Sen và ngân hàng không bao giờ hỏi mã OTP.

Đọc kỹ tin nhắn OTP: nó thường ghi rõ mã dùng để làm gì ("xác nhận chuyển 5.000.000 ₫"). Nếu không phải chị đang làm việc đó, dừng lại.`,
            en: `An OTP code is **your signature**. Whoever has it can move money, change your password, take over your Zalo.

## What scammers say
- "I sent my code to your phone by mistake, please read it back."
- "Your shop won a prize, read the code to confirm."
- "This is the bank, your account is locked, read the code to unlock it."

## The only rule
**Never read out, photograph or forward an OTP to anyone** — including people claiming to be Sen, the bank or the police. Sen and banks never ask for your OTP.

Read the OTP message: it usually says what the code is for ("confirm transfer of 5,000,000 ₫"). If that isn't what you are doing, stop.`,
          },
        },
      ],
      quiz: [
        trueFalse(
          {
            vi: 'Nhân viên ngân hàng thật có thể hỏi mã OTP để "mở khoá tài khoản".',
            en: 'Real bank staff may ask for your OTP to "unlock your account".',
          },
          false,
          { vi: 'Sai: ngân hàng và Sen không bao giờ hỏi mã OTP.', en: 'Wrong: banks and Sen never ask for your OTP.' },
          {
            vi: 'Đúng là sai: ai hỏi OTP đều là kẻ gian.',
            en: 'Correct, it is false: anyone asking for your OTP is a scammer.',
          },
        ),
        {
          kind: 'single',
          prompt: { vi: 'Mật khẩu nào mạnh nhất?', en: 'Which password is strongest?' },
          choices: [
            {
              text: { vi: 'hoa1990', en: 'hoa1990' },
              why: { vi: 'Tên và năm sinh rất dễ đoán.', en: 'A name and birth year are easy to guess.' },
            },
            {
              text: { vi: 'ca phe sua da mua he', en: 'iced milk coffee summer rain' },
              correct: true,
              why: {
                vi: 'Cụm nhiều từ ngẫu nhiên: dài, khó đoán, dễ nhớ.',
                en: 'Several random words: long, hard to guess, easy to remember.',
              },
            },
            {
              text: { vi: '123456', en: '123456' },
              why: { vi: 'Một trong những mật khẩu bị dùng nhiều nhất.', en: 'One of the most used passwords of all.' },
            },
          ],
        },
        {
          kind: 'single',
          prompt: {
            vi: 'Nên bật xác minh hai bước cho tài khoản nào trước tiên?',
            en: 'Which account should get two-step verification first?',
          },
          choices: [
            {
              text: { vi: 'Email', en: 'Email' },
              correct: true,
              why: { vi: 'Email dùng để đặt lại mọi mật khẩu khác.', en: 'Email resets every other password.' },
            },
            {
              text: { vi: 'Ứng dụng chơi game', en: 'A game app' },
              why: { vi: 'Nên bật, nhưng email quan trọng hơn nhiều.', en: 'Worth doing, but email matters far more.' },
            },
            {
              text: { vi: 'Không cần bật nếu mật khẩu mạnh', en: 'Not needed if the password is strong' },
              why: {
                vi: 'Mật khẩu mạnh vẫn có thể bị lộ qua trang giả.',
                en: 'Strong passwords still leak through fake pages.',
              },
            },
          ],
        },
      ],
    },
    {
      title: { vi: 'Nhận ra đồ giả', en: 'Spotting fakes' },
      lessons: [
        {
          slug: 'phishing-links',
          minutes: 3,
          title: { vi: 'Link giả và tên miền nhái', en: 'Phishing links and lookalike domains' },
          body: {
            vi: `Trang giả trông giống hệt trang thật để lấy mật khẩu, số thẻ, OTP của chị. Cách nhận ra: **đọc tên miền**.

## Đọc tên miền thế nào
Tên miền là phần ngay trước đuôi (\`.vn\`, \`.com\`, \`.com.vn\`) và trước dấu \`/\` đầu tiên.
- \`https://vietcombank.com.vn/...\` → chủ là \`vietcombank.com.vn\`.
- \`https://vietcombank.com.vn.xac-minh.top/\` → chủ là \`xac-minh.top\` — **giả**.
- \`https://sen-vn.help/login\` → không phải Sen.

## Mánh nhái chữ
- Thêm hoặc đổi chữ: \`vletcombank\`, \`shopee-vn.shop\`, \`zal0.me\`.
- Link rút gọn (\`bit.ly/...\`) che tên thật — đừng nhập mật khẩu sau link rút gọn.

## Thói quen an toàn
- **Tự gõ địa chỉ** hoặc mở ứng dụng chính thức thay vì bấm link trong tin nhắn.
- Trang bắt nhập OTP ngay sau khi bấm link lạ: đóng lại.
- Sen cảnh báo link lạ trong tin nhắn; khi thấy cảnh báo, hãy dừng lại.`,
            en: `Fake pages look exactly like real ones to steal your password, card number or OTP. How to tell: **read the domain**.

## How to read a domain
The domain is the part right before the ending (\`.vn\`, \`.com\`, \`.com.vn\`) and before the first \`/\`.
- \`https://vietcombank.com.vn/...\` → the owner is \`vietcombank.com.vn\`.
- \`https://vietcombank.com.vn.xac-minh.top/\` → the owner is \`xac-minh.top\` — **fake**.
- \`https://sen-vn.help/login\` → not Sen.

## Lookalike tricks
- Added or swapped letters: \`vletcombank\`, \`shopee-vn.shop\`, \`zal0.me\`.
- Short links (\`bit.ly/...\`) hide the real name — never type a password after a short link.

## Safe habits
- **Type the address yourself** or open the official app instead of tapping links in messages.
- A page that asks for an OTP right after you tapped a strange link: close it.
- Sen warns about strange links in messages; when you see a warning, stop.`,
          },
        },
        {
          slug: 'impersonation',
          minutes: 3,
          title: { vi: 'Kẻ mạo danh', en: 'Impersonation' },
          body: {
            vi: `Kẻ gian giả làm người chị tin: người thân, khách quen, ngân hàng, công an, nhân viên Sen.

## Ví dụ
- Zalo của em gái nhắn: "Chị chuyển giúp em 5 triệu, em gấp quá" — tài khoản đã bị chiếm.
- "Công an" gọi nói chị liên quan vụ án, yêu cầu chuyển tiền "tạm giữ" để "chứng minh trong sạch". Công an không làm việc qua điện thoại như vậy.
- Trang Facebook nhái cửa hàng của chị, dùng ảnh của chị để nhận cọc của khách.

## Cách xử lý
- **Gọi lại bằng số chị đã lưu từ trước**, hoặc hỏi một câu chỉ người thật biết.
- Không chuyển tiền khi bị doạ hay bị giục.
- Thấy trang giả mạo cửa hàng mình: báo cáo với mạng xã hội đó, báo khách trên trang Sen của chị, và báo nhân viên Sen.`,
            en: `Scammers pretend to be someone you trust: family, a regular customer, the bank, the police, Sen staff.

## Examples
- Your sister's Zalo writes: "Please send me 5 million, it's urgent" — the account has been taken over.
- "Police" call saying you are involved in a case and must transfer money "for safekeeping" to "prove your innocence". Police don't work like that over the phone.
- A Facebook page copies your shop, using your photos to take buyers' deposits.

## What to do
- **Call back on a number you saved before**, or ask something only the real person knows.
- Never transfer money when threatened or rushed.
- If you find a fake page copying your shop: report it to that social network, tell buyers on your Sen storefront, and tell Sen's staff.`,
          },
        },
        {
          slug: 'remote-control-apps',
          minutes: 2,
          title: {
            vi: 'Ứng dụng điều khiển từ xa và file cài đặt lạ',
            en: 'Remote-control apps and strange install files',
          },
          body: {
            vi: `Một "nhân viên" nhờ chị cài ứng dụng để "hỗ trợ", "cập nhật thông tin", "nhận hoàn thuế". Ứng dụng đó cho họ **xem và điều khiển điện thoại của chị** — kể cả đọc OTP và mở ứng dụng ngân hàng.

## Dấu hiệu
- Yêu cầu cài ứng dụng điều khiển từ xa (chia sẻ màn hình) hoặc file \`.apk\` gửi qua Zalo/Telegram.
- Ứng dụng xin quyền **Trợ năng (Accessibility)**, đọc tin nhắn, hiển thị trên ứng dụng khác.

## Quy tắc
- Chỉ cài ứng dụng từ **CH Play / App Store**, do chính chị tìm.
- Không cài gì theo lời người gọi điện hay nhắn tin.
- Lỡ cài: **tắt mạng (chế độ máy bay)**, gọi ngân hàng theo số trên thẻ, gỡ ứng dụng và nhờ người tin cậy kiểm tra máy.`,
            en: `A "staff member" asks you to install an app to "help", "update your details" or "get a tax refund". That app lets them **see and control your phone** — including reading OTPs and opening your banking app.

## Signs
- A request to install a remote-control (screen-sharing) app, or an \`.apk\` file sent over Zalo/Telegram.
- The app asks for **Accessibility** permission, to read messages, or to draw over other apps.

## Rules
- Install apps only from **Google Play / the App Store**, found by you.
- Install nothing because a caller or message told you to.
- Already installed: **cut the connection (airplane mode)**, call your bank on the number on your card, remove the app and have someone you trust check the phone.`,
          },
        },
      ],
      quiz: [
        {
          kind: 'single',
          prompt: {
            vi: 'Link nào thật sự thuộc về vietcombank.com.vn?',
            en: 'Which link really belongs to vietcombank.com.vn?',
          },
          choices: [
            {
              text: { vi: 'https://vietcombank.com.vn.xac-minh.top', en: 'https://vietcombank.com.vn.xac-minh.top' },
              why: { vi: 'Chủ trang là xac-minh.top.', en: 'The owner is xac-minh.top.' },
            },
            {
              text: { vi: 'https://vietcombank.com.vn/ca-nhan', en: 'https://vietcombank.com.vn/ca-nhan' },
              correct: true,
              why: {
                vi: 'Tên miền kết thúc đúng bằng vietcombank.com.vn trước dấu /.',
                en: 'The domain ends exactly with vietcombank.com.vn before the /.',
              },
            },
            {
              text: { vi: 'https://vletcombank.com.vn', en: 'https://vletcombank.com.vn' },
              why: { vi: 'Chữ "i" bị đổi thành "l".', en: 'The "i" was swapped for an "l".' },
            },
          ],
        },
        {
          kind: 'multiple',
          prompt: {
            vi: 'Dấu hiệu nào cho thấy có thể là kẻ mạo danh? (chọn tất cả)',
            en: 'Which signs suggest an impostor? (choose all)',
          },
          choices: [
            {
              text: { vi: 'Giục chuyển tiền gấp', en: 'Rushing you to transfer money' },
              correct: true,
              why: { vi: 'Giục giã để chị không kịp kiểm tra.', en: 'Rushing stops you from checking.' },
            },
            {
              text: {
                vi: 'Doạ chị liên quan vụ án qua điện thoại',
                en: 'Threatening that you are involved in a case, by phone',
              },
              correct: true,
              why: {
                vi: 'Cơ quan chức năng không yêu cầu chuyển tiền qua điện thoại.',
                en: 'Authorities do not demand transfers over the phone.',
              },
            },
            {
              text: { vi: 'Nhờ cài ứng dụng để "hỗ trợ"', en: 'Asking you to install an app "to help"' },
              correct: true,
              why: {
                vi: 'Ứng dụng điều khiển từ xa cho họ quyền điều khiển máy chị.',
                en: 'A remote-control app lets them control your phone.',
              },
            },
            {
              text: {
                vi: 'Gọi từ số chị đã lưu và hỏi thăm bình thường',
                en: 'Calling from a number you saved and just chatting',
              },
              why: { vi: 'Đây là liên lạc bình thường.', en: 'This is a normal contact.' },
            },
          ],
        },
        trueFalse(
          {
            vi: 'Cài file .apk do "nhân viên thuế" gửi qua Zalo là an toàn nếu họ nói đúng tên chị.',
            en: 'Installing an .apk sent by a "tax officer" over Zalo is safe if they know your name.',
          },
          false,
          {
            vi: 'Sai: biết tên chị không chứng minh gì; file lạ có thể chiếm điện thoại.',
            en: 'Wrong: knowing your name proves nothing; a strange file can take over your phone.',
          },
          {
            vi: 'Đúng là sai. Chỉ cài ứng dụng từ cửa hàng chính thức do chị tự tìm.',
            en: 'Right, it is false. Only install apps from the official store, found by you.',
          },
        ),
      ],
    },
    {
      title: { vi: 'Nên công khai gì', en: 'What to make public' },
      lessons: [
        {
          slug: 'what-to-publish',
          minutes: 3,
          title: {
            vi: 'Công khai gì về cửa hàng, giữ kín gì',
            en: 'What to publish about your shop, and what to keep private',
          },
          body: {
            vi: `Khách cần đủ thông tin để tin chị, kẻ gian cần thông tin để mạo danh chị. Hãy chọn.

## Nên công khai
- Tên cửa hàng, câu chuyện, ảnh sản phẩm, tỉnh/thành.
- Huy hiệu **đã xác minh** và **Người bán an toàn** trên Sen — thay cho việc đưa giấy tờ.
- Cách đặt hàng và thanh toán qua Sen.

## Nên giữ kín
- **Địa chỉ nhà chính xác**, giờ chị ở nhà một mình, trường của con.
- Số CCCD, ảnh giấy tờ, số thẻ ngân hàng, ngày sinh đầy đủ.
- Ảnh có lộ biển số nhà, biển số xe, giấy tờ trên bàn.

## Mẹo
- Chụp sản phẩm ở góc không lộ nhà và đường.
- Tắt vị trí (GPS) trong ảnh trước khi đăng.
- Dùng số điện thoại riêng cho việc bán hàng nếu có thể.`,
            en: `Buyers need enough to trust you; scammers need enough to impersonate you. Choose.

## Worth publishing
- Shop name, story, product photos, province.
- Sen's **verified** and **Safe Seller** badges — instead of showing your documents.
- How to order and pay through Sen.

## Keep private
- **Your exact home address**, when you are home alone, your children's school.
- ID number, ID photos, card numbers, full date of birth.
- Photos that show your house number, number plate, or papers on the table.

## Tips
- Photograph products from angles that don't show your home or street.
- Turn off location (GPS) in photos before posting.
- Use a separate phone number for selling if you can.`,
          },
        },
        {
          slug: 'id-card-photos',
          minutes: 2,
          title: { vi: 'Ảnh căn cước (CCCD)', en: 'ID card photos' },
          body: {
            vi: `Ảnh CCCD hai mặt đủ để kẻ gian **mở tài khoản, vay tiền online, lập trang giả** mang tên chị.

## Khi nào có thể gửi
- Chỉ khi **chính chị bắt đầu** một thủ tục với tổ chức đáng tin (ngân hàng trong ứng dụng chính thức, xác minh người bán trên Sen).
- Trên Sen, ảnh giấy tờ chỉ nhân viên xác minh xem được.

## Không gửi khi
- Khách "muốn chắc chị là người thật".
- "Nhà tuyển dụng", "đơn vị trao thưởng", "shipper" đòi.
- Qua Zalo/Telegram cho người chưa gặp.

## Nếu bắt buộc phải gửi
Viết đè lên ảnh (không che mất chữ): "Chỉ dùng để xác minh với … ngày …". Như vậy ảnh khó bị dùng vào việc khác.`,
            en: `Photos of both sides of your ID card are enough for a scammer to **open accounts, take online loans or set up fake pages** in your name.

## When you may send it
- Only when **you started** a procedure with a trusted organisation (your bank in its official app, seller verification on Sen).
- On Sen, ID photos are seen only by verification staff.

## Don't send it when
- A buyer "wants to be sure you're real".
- A "recruiter", "prize office" or "shipper" asks.
- Over Zalo/Telegram to someone you have never met.

## If you really must send it
Write across the photo (without hiding the text): "Only for verification with … on …". It makes the photo hard to reuse.`,
          },
        },
      ],
      quiz: [
        {
          kind: 'multiple',
          prompt: {
            vi: 'Thông tin nào nên giữ kín? (chọn tất cả)',
            en: 'Which information should stay private? (choose all)',
          },
          choices: [
            {
              text: { vi: 'Địa chỉ nhà chính xác', en: 'Your exact home address' },
              correct: true,
              why: { vi: 'Có thể bị dùng để đe doạ hoặc quấy rối.', en: 'It can be used for threats or harassment.' },
            },
            {
              text: { vi: 'Ảnh CCCD', en: 'ID card photos' },
              correct: true,
              why: {
                vi: 'Có thể bị dùng để vay tiền hay mạo danh chị.',
                en: 'They can be used for loans in your name or impersonation.',
              },
            },
            {
              text: { vi: 'Ảnh sản phẩm', en: 'Product photos' },
              why: { vi: 'Nên công khai: khách cần xem hàng.', en: 'Publish them: buyers need to see the goods.' },
            },
            {
              text: { vi: 'Tỉnh/thành nơi cửa hàng', en: "The shop's province" },
              why: {
                vi: 'Có thể công khai; đủ để khách ước tính thời gian giao.',
                en: 'Fine to publish; it helps buyers estimate delivery.',
              },
            },
          ],
        },
        trueFalse(
          {
            vi: 'Khách muốn "chắc chị là người thật" thì nên gửi ảnh CCCD cho khách.',
            en: 'If a buyer wants to "be sure you are real", you should send them your ID photo.',
          },
          false,
          {
            vi: 'Không: huy hiệu đã xác minh trên Sen thay cho việc đưa giấy tờ.',
            en: "No: Sen's verified badge replaces showing your documents.",
          },
          {
            vi: 'Chính xác. Huy hiệu đã xác minh trên Sen thay cho việc đưa giấy tờ.',
            en: "Exactly. Sen's verified badge replaces showing your documents.",
          },
        ),
        {
          kind: 'single',
          prompt: {
            vi: 'Nếu buộc phải gửi ảnh giấy tờ, chị nên làm gì?',
            en: 'If you must send an ID photo, what should you do?',
          },
          choices: [
            {
              text: {
                vi: 'Viết đè lên ảnh: "Chỉ dùng để xác minh với … ngày …"',
                en: 'Write across it: "Only for verification with … on …"',
              },
              correct: true,
              why: { vi: 'Làm ảnh khó bị dùng vào việc khác.', en: 'It makes the photo hard to reuse.' },
            },
            {
              text: { vi: 'Gửi ảnh gốc độ phân giải cao nhất', en: 'Send the original at the highest resolution' },
              why: { vi: 'Càng dễ bị dùng lại.', en: 'That makes it easier to reuse.' },
            },
            {
              text: { vi: 'Đăng công khai để ai cũng tin', en: 'Post it publicly so everyone trusts you' },
              why: { vi: 'Ai cũng có thể lấy và dùng ảnh.', en: 'Anyone could take and use it.' },
            },
          ],
        },
      ],
    },
  ],
};
