// `npm run -s scam:check`: the scam detector for tools.
//
// Reads JSON lines from standard input, one `{"text": "..."}` per line, and
// writes, in the same order, one JSON line per input line:
//   {"level": "none" | "caution" | "danger", "signals": [{"code": "...", "message": "..."}]}
// A line that is not a JSON object with a string "text" gets {"error": "..."} in
// its place and the rest go on. An empty (or all-blank) line is an input line
// too and gets {"error": "empty line"}, so output line N always answers input
// line N. The final newline of the input does not start another line.
//
// Explanations are written in the language of each text (a cheap guess:
// Vietnamese letters or words vs English words, detector/language.ts). An
// optional `"locale": "vi" | "en"` on the line wins over the guess; when the
// guess cannot tell ("OTP 123456"), `--locale en` on the command line decides,
// else Vietnamese.
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { detectScam } from './detector';
import { guessLocale } from './detector/language';

type Locale = 'vi' | 'en';

function defaultLocale(argv: string[]): Locale {
  const i = argv.indexOf('--locale');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--locale='))?.slice('--locale='.length);
  return value === 'en' ? 'en' : 'vi';
}

/** One input line → one output line; `locale` is the fallback when neither the line nor the text tells. */
export function answerLine(line: string, locale: Locale): string {
  if (line.trim() === '') return JSON.stringify({ error: 'empty line' });
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return JSON.stringify({ error: 'invalid JSON' });
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return JSON.stringify({ error: 'expected a JSON object like {"text": "..."}' });
  }
  const { text, locale: lineLocale } = input as { text?: unknown; locale?: unknown };
  if (typeof text !== 'string') return JSON.stringify({ error: 'missing "text" (a string)' });
  const chosen: Locale = lineLocale === 'en' || lineLocale === 'vi' ? lineLocale : (guessLocale(text) ?? locale);
  const result = detectScam(text, { locale: chosen });
  return JSON.stringify({
    level: result.level,
    signals: result.signals.map(({ code, message }) => ({ code, message })),
  });
}

async function main() {
  const locale = defaultLocale(process.argv.slice(2));
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let out: string[] = [];
  const flush = () => {
    if (out.length) process.stdout.write(out.join('\n') + '\n');
    out = [];
  };
  for await (const line of lines) {
    out.push(answerLine(line, locale));
    if (out.length >= 256) flush();
  }
  flush();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    process.stderr.write(`scam:check failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
