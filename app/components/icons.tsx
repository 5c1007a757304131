// Small inline icons (24 × 24, drawn with strokes in the text colour) beside words,
// for people who read slowly: no icon font or sprite to download, a few hundred
// bytes each before compression. Always decorative: the word next to it is the name.
const paths = {
  market:
    'M3 9l1.5-5h15L21 9M3 9h18M3 9c0 1.7 1.3 3 3 3s3-1.3 3-3m0 0c0 1.7 1.3 3 3 3s3-1.3 3-3m0 0c0 1.7 1.3 3 3 3s3-1.3 3-3M5 12v8h14v-8M10 20v-5h4v5',
  learn:
    'M4 5.5C4 4.7 4.7 4 5.5 4H11v16H5.5C4.7 20 4 19.3 4 18.5zM20 5.5c0-.8-.7-1.5-1.5-1.5H13v16h5.5c.8 0 1.5-.7 1.5-1.5z',
  messages: 'M4 5h16v11H9l-5 4z',
  orders: 'M3 7l9-4 9 4v10l-9 4-9-4zM3 7l9 4 9-4M12 11v10',
  dashboard: 'M4 4h7v7H4zM13 4h7v4h-7zM13 10h7v10h-7zM4 13h7v7H4z',
  more: 'M4 6h16M4 12h16M4 18h16',
  bell: 'M6 16V11a6 6 0 0112 0v5l2 2H4zM10 20a2 2 0 004 0',
  cart: 'M3 4h2l2.5 11h11L21 7H6.2M9 20a1 1 0 100-2 1 1 0 000 2zM18 20a1 1 0 100-2 1 1 0 000 2z',
  safety: 'M12 3l8 3v6c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V6z',
  mentors:
    'M9 11a3.5 3.5 0 100-7 3.5 3.5 0 000 7zM2 20c0-3.9 3.1-7 7-7s7 3.1 7 7M16 4a3.5 3.5 0 010 7M18 13.5c2.4 1 4 3.5 4 6.5',
  calendar: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5',
  staff: 'M12 3l8 3v6c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V6zM8.5 12l2.5 2.5 4.5-5',
  exit: 'M14 4h5v16h-5M10 8l-4 4 4 4M6 12h10',
  audio: 'M4 9h4l5-4v14l-5-4H4zM16 9a4 4 0 010 6M18.5 6.5a8 8 0 010 11',
  quiz: 'M9 9a3 3 0 115 2.2c-1.2.8-2 1.4-2 2.8M12 17.5v.5M12 21a9 9 0 100-18 9 9 0 000 18z',
  game: 'M7 8h10a4 4 0 014 4v1a4 4 0 01-7 2.6h-4A4 4 0 013 13v-1a4 4 0 014-4zM7 10.5v3M5.5 12h3M15.5 11.5h.01M17.5 13.5h.01',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, className = 'icon' }: { name: IconName; className?: string }) {
  return (
    <svg className={className} viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={paths[name]} />
    </svg>
  );
}
