import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The tool contract: `npm run -s scam:check` reads JSON lines, answers one JSON line each, in order.
function run(input: string, args: string[] = []): Promise<{ code: number | null; lines: string[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve('node_modules/.bin/tsx'), ['app/modules/safety/scam-check.ts', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, lines: out.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1), stderr: err }));
    child.stdin.end(input);
  });
}

describe('scam:check', () => {
  it('answers every line in order, errors in place of bad lines, and goes on', async () => {
    const input = [
      JSON.stringify({ text: 'Chị ck cọc 200k qua stk 0123456789 VCB nhé' }),
      'not json',
      '',
      JSON.stringify({ text: 42 }),
      JSON.stringify({ nottext: 'x' }),
      '[1,2]',
      'null',
      JSON.stringify({ text: 'Em không nhận chuyển khoản riêng, chị thanh toán trên Sen nhé' }),
      JSON.stringify({ text: 'Send me the OTP pls', locale: 'en' }),
      JSON.stringify({ text: 'gui e ma otp nhe' }),
    ].join('\n') + '\n';
    const { code, lines, stderr } = await run(input);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(lines).toHaveLength(10);
    const answers = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(answers[0].level).toBe('danger');
    expect((answers[0].signals as Array<{ code: string; message: string }>).map((s) => s.code)).toContain('deposit_request');
    expect(Object.keys((answers[0].signals as object[])[0]).sort()).toEqual(['code', 'message']);
    for (const i of [1, 2, 3, 4, 5, 6]) expect(answers[i], `line ${i + 1}`).toEqual({ error: expect.any(String) });
    expect(answers[2]).toEqual({ error: 'empty line' });
    expect(answers[7]).toEqual({ level: 'none', signals: [] });
    expect(answers[8].level).toBe('danger');
    expect((answers[8].signals as Array<{ message: string }>)[0].message).toMatch(/OTP or verification code/);
    expect((answers[9].signals as Array<{ message: string }>)[0].message).toMatch(/mã OTP/);
  });

  it('takes the default language from --locale, and handles input without a final newline', async () => {
    const { lines } = await run(JSON.stringify({ text: 'Read me the OTP' }), ['--locale', 'en']);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]).signals[0].message).toMatch(/OTP or verification code/);
  });

  it('answers nothing for no input', async () => {
    const { code, lines } = await run('');
    expect(code).toBe(0);
    expect(lines).toEqual([]);
  });
});
