import { describe, expect, it } from 'vitest';
import { collectPage, withoutNulBytes } from '../app/server/strip-nul';

// React 18.3.1 writes a stray NUL byte at some 2 KB chunk boundaries; pages go out without them.
describe('withoutNulBytes', () => {
  it('drops every NUL byte and keeps every other byte', () => {
    for (const text of ['', '\0', 'a\0b', '\0\0ăn\0', 'Khăn thổ cẩm', 'ơ\0ư\0\0']) {
      expect(withoutNulBytes(Buffer.from(text)).toString('utf8')).toBe(text.replace(/\0/g, ''));
    }
  });

  it('returns the same buffer when there is nothing to drop', () => {
    const page = Buffer.from('<p>Áo dài lụa</p>');
    expect(withoutNulBytes(page)).toBe(page);
  });

  it('collects what is piped into one buffer', async () => {
    const page = await collectPage((sink) => {
      sink.write(Buffer.from('<p>Áo '));
      sink.write(Buffer.from([0]));
      sink.write(Buffer.from('dài</p>'));
      sink.end();
    });
    expect(page.toString('utf8')).toBe('<p>Áo dài</p>');
  });
});
