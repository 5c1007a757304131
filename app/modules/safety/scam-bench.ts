// `npm run -s bench:scam`: time per message of the scam detector, over the
// labelled set in tests/safety/scam-set.jsonl (typical chat messages) and over a
// long listing description. Prints figures; asserts nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { detectScam } from './detector';

const setFile = path.resolve('tests/safety/scam-set.jsonl');
const texts = readFileSync(setFile, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { text: string }).text);

function time(label: string, inputs: string[], rounds: number) {
  for (const text of inputs) detectScam(text); // warm up
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < rounds; i++) for (const text of inputs) detectScam(text, { locale: i % 2 ? 'en' : 'vi' });
  const cpu = process.cpuUsage(cpuStart);
  const ns = Number(process.hrtime.bigint() - start);
  const n = rounds * inputs.length;
  const perMessage = ns / 1e3 / n;
  // CPU time is what the detector costs; wall time also counts waiting for a busy machine.
  const cpuPerMessage = (cpu.user + cpu.system) / n;
  const avgChars = Math.round(inputs.reduce((sum, t) => sum + t.length, 0) / inputs.length);
  console.log(
    `${label}: ${cpuPerMessage.toFixed(1)} µs CPU, ${perMessage.toFixed(1)} µs wall per message (${inputs.length} messages × ${rounds} rounds, ${avgChars} characters on average)`,
  );
  return perMessage;
}

const listing = Array.from({ length: 12 }, (_, i) =>
  i % 3 === 0
    ? 'Khăn lụa tơ tằm dệt tay ở Vạn Phúc, nhuộm bằng lá bàng và vỏ cây, mỗi chiếc một màu hơi khác nhau. '
    : i % 3 === 1
      ? 'Giá 350.000đ một chiếc, mua từ 3 chiếc giảm 10%. Giao hàng toàn quốc qua GHTK, thanh toán qua Sen hoặc khi nhận hàng. '
      : 'Handwoven silk scarf from Van Phuc, dyed with almond leaves; each one is unique. Ships in 2-3 days. ',
).join('');

time('typical messages (labelled set)', texts, 50);
time('long listing description', [listing], 2000);
