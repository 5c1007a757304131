import { type CourseContent, trueFalse } from './types';

// Help lines: only the police emergency number 113, which is Vietnam's
// nationwide emergency number for the police. Everything else points to the
// platform's own staff (reports, the Safety centre), as the issue asks.
export const anToanTruocQuayRoi: CourseContent = {
  slug: 'an-toan-truoc-quay-roi',
  position: 3,
  title: { vi: 'An toàn trước quấy rối trực tuyến', en: 'Staying safe from online harassment' },
  summary: {
    vi: 'Nhận ra quấy rối và bạo lực trên cơ sở giới trên mạng, chặn và báo cáo trên Sen, lưu bằng chứng, và tìm người giúp đỡ.',
    en: 'Recognise harassment and gender-based violence online, block and report on Sen, keep evidence, and find help.',
  },
  modules: [
    {
      title: { vi: 'Nhận ra quấy rối', en: 'Recognising harassment' },
      lessons: [
        {
          slug: 'recognising-harassment',
          minutes: 3,
          title: { vi: 'Thế nào là quấy rối trực tuyến', en: 'What online harassment looks like' },
          body: {
            vi: `Quấy rối trực tuyến **không phải lỗi của chị** và chị không phải chịu đựng nó để bán được hàng.

## Những dạng thường gặp
- Tin nhắn, bình luận tục tĩu, gạ gẫm, gửi ảnh nhạy cảm chị không hề muốn nhận.
- Nhắn liên tục sau khi chị đã từ chối; tạo tài khoản mới để nhắn tiếp khi bị chặn.
- **Doạ tung ảnh, thông tin riêng** ("nếu không… thì tôi đăng ảnh của chị").
- Chê bai, bôi nhọ cửa hàng vì chị là phụ nữ; kêu gọi người khác cùng công kích.
- Theo dõi: nhắc đến nơi chị ở, giờ chị đi lại.

## Đây là bạo lực trên cơ sở giới
Khi việc quấy rối nhắm vào chị **vì chị là phụ nữ** — qua cơ thể, ngoại hình, chuyện gia đình — đó là bạo lực trên cơ sở giới trên mạng. Nó có thể gây sợ hãi thật và ảnh hưởng đến việc kinh doanh.

Điều chị cảm thấy là thật. Chị có quyền dừng cuộc trò chuyện bất cứ lúc nào.`,
            en: `Online harassment **is not your fault**, and you don't have to put up with it to make a sale.

## Common forms
- Obscene messages or comments, sexual propositions, sexual images you never wanted.
- Messaging again and again after you said no; new accounts to keep going after being blocked.
- **Threats to publish photos or private details** ("if you don't… I'll post your pictures").
- Insulting or smearing your shop because you are a woman; calling on others to pile on.
- Stalking: mentioning where you live or when you go out.

## This is gender-based violence
When harassment targets you **because you are a woman** — your body, looks or family life — it is online gender-based violence. It can cause real fear and harm your business.

What you feel is real. You may end any conversation at any time.`,
          },
        },
      ],
      quiz: [
        {
          kind: 'multiple',
          prompt: {
            vi: 'Điều nào là quấy rối trực tuyến? (chọn tất cả)',
            en: 'Which of these are online harassment? (choose all)',
          },
          choices: [
            {
              text: { vi: 'Nhắn liên tục sau khi chị đã từ chối', en: 'Messaging again and again after you said no' },
              correct: true,
              why: { vi: 'Từ chối là đủ; tiếp tục là quấy rối.', en: 'No is enough; carrying on is harassment.' },
            },
            {
              text: { vi: 'Doạ đăng ảnh riêng của chị', en: 'Threatening to post your private photos' },
              correct: true,
              why: {
                vi: 'Đây là đe doạ nghiêm trọng; hãy lưu bằng chứng và báo cáo.',
                en: 'This is a serious threat; keep evidence and report it.',
              },
            },
            {
              text: { vi: 'Khách hỏi giá và thời gian giao hàng', en: 'A buyer asking the price and delivery time' },
              why: { vi: 'Đây là câu hỏi mua bán bình thường.', en: 'This is a normal sales question.' },
            },
          ],
        },
        trueFalse(
          {
            vi: 'Nếu chị bị quấy rối, đó là vì chị đăng ảnh của mình lên cửa hàng.',
            en: 'If you are harassed, it is because you posted your own photo on your shop.',
          },
          false,
          {
            vi: 'Sai: người quấy rối mới là người có lỗi, không phải chị.',
            en: 'Wrong: the harasser is at fault, not you.',
          },
          {
            vi: 'Đúng là sai: lỗi thuộc về người quấy rối.',
            en: 'Right, it is false: the fault lies with the harasser.',
          },
        ),
        {
          kind: 'single',
          prompt: {
            vi: 'Quấy rối nhắm vào chị vì chị là phụ nữ được gọi là gì?',
            en: 'Harassment that targets you because you are a woman is called:',
          },
          choices: [
            {
              text: { vi: 'Bạo lực trên cơ sở giới trên mạng', en: 'Online gender-based violence' },
              correct: true,
              why: {
                vi: 'Đúng. Nó gây hại thật và chị có thể báo cáo.',
                en: 'Right. It causes real harm and you can report it.',
              },
            },
            {
              text: { vi: 'Chuyện bình thường khi bán hàng online', en: 'A normal part of selling online' },
              why: { vi: 'Không: chị không phải chịu đựng nó.', en: "No: you don't have to put up with it." },
            },
          ],
        },
      ],
    },
    {
      title: { vi: 'Chặn, báo cáo và lưu bằng chứng', en: 'Block, report and keep evidence' },
      lessons: [
        {
          slug: 'block-and-report',
          minutes: 3,
          title: { vi: 'Chặn và báo cáo trên Sen', en: 'Blocking and reporting on Sen' },
          body: {
            vi: `## Chặn
Chặn người đó để họ không nhắn cho chị nữa. Chị không cần giải thích. Trước khi chặn, **chụp lại tin nhắn** (xem bài tiếp theo), vì ở một số ứng dụng, chặn hoặc xoá có thể làm mất cuộc trò chuyện.

## Báo cáo trên Sen
- Dùng nút **Báo cáo** trên tin nhắn, hồ sơ hoặc đơn hàng. Chọn lý do và viết vài dòng.
- Hoặc vào **Trung tâm an toàn** (mục "An toàn" trên thanh menu, địa chỉ \`/safety\`).
- Nhân viên Sen (Hội Liên hiệp Phụ nữ) xem báo cáo, có thể cảnh cáo, khoá tài khoản kẻ quấy rối và giữ bằng chứng.
- Người bị báo cáo **không biết ai đã báo cáo**.

## Ở mạng xã hội khác
Zalo, Facebook, TikTok đều có chức năng chặn và báo cáo. Hãy dùng chúng — và báo cho Sen nếu người đó cũng là khách trên Sen.`,
            en: `## Block
Block the person so they can't message you again. You don't owe an explanation. Before blocking, **screenshot the messages** (see the next lesson), because in some apps blocking or deleting can lose the conversation.

## Report on Sen
- Use the **Report** button on a message, profile or order. Choose a reason and write a few lines.
- Or go to the **Safety centre** ("Safety" in the menu, at \`/safety\`).
- Sen's staff (from the Women's Union) read reports, can warn or suspend the harasser's account, and keep the evidence.
- The reported person **is not told who reported them**.

## On other social networks
Zalo, Facebook and TikTok all let you block and report. Use them — and tell Sen if the person is also a buyer on Sen.`,
          },
        },
        {
          slug: 'keeping-evidence',
          minutes: 3,
          title: { vi: 'Lưu bằng chứng', en: 'Keeping evidence' },
          body: {
            vi: `Bằng chứng giúp nhân viên Sen, nền tảng khác và công an xử lý nhanh hơn.

## Chụp gì
- Tin nhắn, bình luận, ảnh — thấy rõ **ngày giờ** và **tên tài khoản** (bấm vào hồ sơ để chụp cả đường link hoặc số điện thoại).
- Đường link đến bài đăng hoặc trang giả mạo.
- Mỗi lần bị đe doạ: chụp ngay, kể cả khi họ đã xoá sau đó.

## Lưu thế nào
- Gửi ảnh vào một nơi an toàn chỉ chị mở được (email riêng, thư mục có mật khẩu), đặt tên theo ngày.
- Ghi một dòng nhật ký: ngày, chuyện gì xảy ra, ai liên quan.
- **Không cần trả lời** để "lấy thêm bằng chứng"; cũng không đăng lại ảnh nhạy cảm.

## Nếu bị doạ tung ảnh
Không chuyển tiền, không gửi thêm ảnh. Lưu bằng chứng, báo cáo và nói với người chị tin tưởng. Trả tiền thường khiến họ đòi thêm.`,
            en: `Evidence helps Sen's staff, other platforms and the police act faster.

## What to capture
- Messages, comments, images — with the **date and time** and the **account name** visible (open the profile to capture its link or phone number too).
- Links to the posts or fake pages.
- Every threat, right away, even if they delete it later.

## How to keep it
- Put the screenshots somewhere only you can open (your own email, a password-protected folder), named by date.
- Keep a short log: date, what happened, who was involved.
- **You don't need to reply** to "get more evidence"; and don't repost sexual images.

## If someone threatens to publish photos
Don't pay, don't send more photos. Keep the evidence, report it and tell someone you trust. Paying usually leads to more demands.`,
          },
        },
      ],
      quiz: [
        {
          kind: 'single',
          prompt: {
            vi: 'Trước khi chặn người quấy rối, nên làm gì?',
            en: 'Before blocking a harasser, what should you do?',
          },
          choices: [
            {
              text: {
                vi: 'Chụp màn hình tin nhắn có ngày giờ và tên tài khoản',
                en: 'Screenshot the messages with date, time and account name',
              },
              correct: true,
              why: {
                vi: 'Chặn có thể làm mất cuộc trò chuyện; bằng chứng cần cho báo cáo.',
                en: 'Blocking may lose the conversation; reports need evidence.',
              },
            },
            {
              text: { vi: 'Nhắn lại để họ xin lỗi', en: 'Reply so they apologise' },
              why: {
                vi: 'Không cần trả lời; điều đó có thể khiến họ tiếp tục.',
                en: "You don't need to reply; it may encourage them.",
              },
            },
            {
              text: { vi: 'Xoá hết tin nhắn cho đỡ khó chịu', en: 'Delete everything to feel better' },
              why: { vi: 'Xoá làm mất bằng chứng.', en: 'Deleting destroys the evidence.' },
            },
          ],
        },
        trueFalse(
          {
            vi: 'Người bị báo cáo trên Sen được biết ai đã báo cáo họ.',
            en: 'A person reported on Sen is told who reported them.',
          },
          false,
          {
            vi: 'Sai: báo cáo được giữ kín với người bị báo cáo.',
            en: 'Wrong: reports are kept private from the reported person.',
          },
          {
            vi: 'Chính xác: người bị báo cáo không biết ai đã báo cáo.',
            en: 'Exactly: the reported person is not told who reported them.',
          },
        ),
        {
          kind: 'single',
          prompt: {
            vi: 'Có người doạ tung ảnh riêng nếu chị không chuyển tiền. Cách đúng là:',
            en: 'Someone threatens to publish private photos unless you pay. The right move is:',
          },
          choices: [
            {
              text: { vi: 'Chuyển tiền để họ im lặng', en: 'Pay so they stay quiet' },
              why: { vi: 'Trả tiền thường khiến họ đòi thêm.', en: 'Paying usually leads to more demands.' },
            },
            {
              text: {
                vi: 'Không trả tiền, lưu bằng chứng, báo cáo và nói với người tin tưởng',
                en: "Don't pay, keep evidence, report and tell someone you trust",
              },
              correct: true,
              why: {
                vi: 'Đúng: chị không đơn độc, và bằng chứng giúp ngăn họ lại.',
                en: 'Right: you are not alone, and the evidence helps stop them.',
              },
            },
          ],
        },
      ],
    },
    {
      title: { vi: 'Tìm người giúp đỡ', en: 'Getting help' },
      lessons: [
        {
          slug: 'finding-help',
          minutes: 3,
          title: { vi: 'Tìm người giúp đỡ', en: 'Finding help' },
          body: {
            vi: `Chị không phải tự xử lý một mình.

## Nếu chị đang gặp nguy hiểm
Gọi **113** (Cảnh sát) ngay. Nếu có thể, đến chỗ đông người hoặc nhà người quen.

## Trên Sen
- **Trung tâm an toàn** (\`/safety\`): gửi báo cáo, kèm ảnh chụp màn hình. Nhân viên Sen của Hội Liên hiệp Phụ nữ sẽ đọc và trả lời chị trong Sen.
- Nút **Báo cáo** trên tin nhắn, hồ sơ hoặc đơn hàng.
- Chị có thể nhờ **người cố vấn** (mentor) của mình cùng xem và hỗ trợ.
- Nếu có người hay xem điện thoại của chị: nút **Thoát nhanh** ở đầu mọi trang của Sen chuyển ngay sang một trang tin thời tiết, và nút "quay lại" không đưa về Sen nữa.

## Ngoài Sen
- **Công an xã/phường** nơi chị ở: mang theo bằng chứng đã lưu khi trình báo.
- **Hội Liên hiệp Phụ nữ** ở xã/phường của chị có thể cùng chị đi trình báo và tìm hỗ trợ.
- Một người thân hoặc bạn bè chị tin tưởng — kể cho ai đó giúp chị bớt sợ.

> Sen chỉ ghi số điện thoại mà chúng tôi kiểm chứng được từ nguồn chính thức. Nếu chị không chắc nên liên hệ ai, hãy gửi báo cáo trong Trung tâm an toàn: nhân viên sẽ chỉ đường giúp chị.`,
            en: `You don't have to deal with it alone.

## If you are in danger
Call **113** (Police) right away. If you can, go somewhere with other people or to someone you know.

## On Sen
- **Safety centre** (\`/safety\`): send a report with your screenshots. Sen's staff from the Women's Union read it and reply to you inside Sen.
- The **Report** button on a message, profile or order.
- You can ask your **mentor** to look at it with you and support you.
- If someone checks your phone: the **Quick exit** button at the top of every Sen page goes straight to a weather page, and "back" no longer leads to Sen.

## Outside Sen
- **The commune/ward police** where you live: bring the evidence you kept when you report.
- **The Women's Union** in your commune or ward can go with you to report and find support.
- A relative or friend you trust — telling someone makes it less frightening.

> Sen lists only phone numbers we can check against an official source. If you are not sure whom to contact, send a report in the Safety centre: staff will point you the right way.`,
          },
        },
      ],
      quiz: [
        {
          kind: 'single',
          prompt: {
            vi: 'Chị đang gặp nguy hiểm ngay lúc này. Chị gọi số nào?',
            en: 'You are in danger right now. Which number do you call?',
          },
          choices: [
            {
              text: { vi: '113 (Cảnh sát)', en: '113 (Police)' },
              correct: true,
              why: { vi: 'Đúng: 113 là số khẩn cấp của cảnh sát.', en: 'Right: 113 is the police emergency number.' },
            },
            {
              text: { vi: 'Số điện thoại người quấy rối', en: "The harasser's number" },
              why: { vi: 'Không liên lạc lại với người quấy rối.', en: "Don't contact the harasser." },
            },
            {
              text: { vi: 'Số "tổng đài hỗ trợ" trong một tin nhắn lạ', en: 'A "support line" from a strange message' },
              why: { vi: 'Số lạ có thể là của kẻ gian.', en: 'An unknown number may be a scammer.' },
            },
          ],
        },
        trueFalse(
          {
            vi: 'Chị có thể gửi báo cáo trong Trung tâm an toàn của Sen kèm ảnh chụp màn hình.',
            en: "You can send a report with screenshots in Sen's Safety centre.",
          },
          true,
          {
            vi: 'Đúng: nhân viên Sen sẽ đọc và trả lời chị trong Sen.',
            en: 'Right: Sen staff will read it and reply inside Sen.',
          },
          {
            vi: 'Thực ra là được: Trung tâm an toàn nhận báo cáo kèm ảnh.',
            en: 'Actually you can: the Safety centre takes reports with screenshots.',
          },
        ),
        {
          kind: 'multiple',
          prompt: {
            vi: 'Ngoài Sen, chị có thể tìm giúp đỡ ở đâu? (chọn tất cả)',
            en: 'Outside Sen, where can you find help? (choose all)',
          },
          choices: [
            {
              text: { vi: 'Công an xã/phường', en: 'The commune/ward police' },
              correct: true,
              why: { vi: 'Mang theo bằng chứng khi trình báo.', en: 'Bring your evidence when reporting.' },
            },
            {
              text: { vi: 'Hội Liên hiệp Phụ nữ ở xã/phường', en: "The Women's Union in your commune or ward" },
              correct: true,
              why: { vi: 'Có thể cùng chị đi trình báo và tìm hỗ trợ.', en: 'They can go with you and find support.' },
            },
            {
              text: {
                vi: 'Một nhóm Telegram "lấy lại tiền bị lừa"',
                en: 'A Telegram group that "recovers scammed money"',
              },
              why: {
                vi: 'Các nhóm "lấy lại tiền" thường là lừa đảo lần hai.',
                en: '"Money recovery" groups are often a second scam.',
              },
            },
          ],
        },
      ],
    },
  ],
};
