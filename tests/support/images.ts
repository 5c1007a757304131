import sharp from 'sharp';

/** A small JPEG photo carrying EXIF with a GPS position (as phones write it). */
export function jpegWithGps(width = 64, height = 48) {
  return sharp({ create: { width, height, channels: 3, background: '#c03060' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'GPS Cam' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 51/1 0/1' },
    })
    .toBuffer();
}

export function pngImage(width = 40, height = 40) {
  return sharp({ create: { width, height, channels: 4, background: '#2a7f62' } })
    .png()
    .toBuffer();
}

export function webpImage(width = 40, height = 40) {
  return sharp({ create: { width, height, channels: 3, background: '#224488' } })
    .webp()
    .toBuffer();
}

export const tinyPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

export const svgFile = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>',
);

/** The first bytes of a Linux and a Windows executable, as a renamed file would carry them. */
export const elfExecutable = Buffer.concat([
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
  Buffer.alloc(2048, 0x90),
]);
export const windowsExecutable = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2048, 0x90)]);

/** A multipart POST as a browser sends it. */
export function multipartRequest(
  path: string,
  fields: Record<
    string,
    string | { name: string; type: string; bytes: Uint8Array } | { name: string; type: string; bytes: Uint8Array }[]
  >,
  options: { cookie?: string } = {},
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (typeof v === 'string') form.append(key, v);
      else form.append(key, new File([v.bytes as BlobPart], v.name, { type: v.type }));
    }
  }
  const headers = new Headers({ Origin: 'http://localhost:3000' });
  if (options.cookie) headers.set('Cookie', options.cookie);
  return new Request(new URL(path, 'http://localhost:3000'), { method: 'POST', headers, body: form });
}
