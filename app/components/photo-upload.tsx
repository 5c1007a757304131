import { Form } from '@remix-run/react';
import { useRef, useState, type ComponentProps, type FormEvent } from 'react';
import { useI18n } from '~/lib/i18n';

// Photos on a slow phone connection (issue 22): with JavaScript, each photo is
// made smaller in the browser before it is sent (a 12-megapixel 3-8 MB phone photo
// becomes a few hundred KB), its size is checked before anything is sent, the
// upload shows its progress and the button is disabled while it runs. Without
// JavaScript this is a plain multipart <Form>, and the server still accepts the
// originals (it re-encodes every photo itself: app/lib/uploads.server.ts).

/** The server's own ceiling per file (app/lib/uploads.server.ts maxFileBytes). */
const serverMaxBytes = 8 * 1024 * 1024;
/** Below this a photo is sent as it is: shrinking it saves little. */
const smallEnough = 600 * 1024;
const resizable = new Set(['image/jpeg', 'image/png', 'image/webp']);

type Phase =
  { kind: 'idle' } | { kind: 'resizing' } | { kind: 'sending'; percent: number } | { kind: 'error'; message: string };

/** A photo no longer than `maxSide` on its long side, as JPEG; the original when that fails or gains nothing. */
export async function shrinkPhoto(file: File, maxSide: number, quality = 0.85): Promise<File> {
  if (!resizable.has(file.type) || typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && file.size <= smallEnough) {
      bitmap.close();
      return file;
    }
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    const context = canvas.getContext('2d');
    if (!context) return file;
    // A transparent PNG would turn black as JPEG: paint it on white.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (!blob || blob.size >= file.size) return file;
    return new File([blob], file.name.replace(/\.[^.]*$/, '') + '.jpg', {
      type: 'image/jpeg',
      lastModified: file.lastModified,
    });
  } catch {
    return file;
  }
}

const megabytes = (bytes: number) => (Math.round((bytes / 1024 / 1024) * 10) / 10).toString();

/**
 * A multipart form whose photos are made smaller and sent with a progress bar
 * when JavaScript runs. `maxSide`: the long side photos are shrunk to (1600 px for
 * product and shop photos; identity papers keep more, to stay readable).
 */
export function PhotoUploadForm({
  maxSide = 1600,
  children,
  ...props
}: Omit<ComponentProps<typeof Form>, 'encType' | 'method' | 'onSubmit'> & { maxSide?: number }) {
  const { t } = useI18n();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const busy = phase.kind === 'resizing' || phase.kind === 'sending';
  const sending = useRef(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const inputs = [...form.querySelectorAll<HTMLInputElement>('input[type="file"]')].filter(
      (input) => input.files?.length,
    );
    if (!inputs.length || typeof XMLHttpRequest === 'undefined') return; // nothing to send: the plain form does it
    event.preventDefault();
    if (sending.current) return;
    sending.current = true;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const body = new FormData(form);
    if (submitter?.name) body.set(submitter.name, submitter.value);
    setPhase({ kind: 'resizing' });
    for (const input of inputs) {
      body.delete(input.name);
      for (const file of [...(input.files ?? [])]) {
        const small = await shrinkPhoto(file, maxSide);
        if (small.size > serverMaxBytes) {
          sending.current = false;
          setPhase({
            kind: 'error',
            message: t('ux.photo.tooBig', {
              name: file.name,
              size: megabytes(small.size),
              max: megabytes(serverMaxBytes),
            }),
          });
          input.focus();
          return;
        }
        body.append(input.name, small, small.name);
      }
    }
    setPhase({ kind: 'sending', percent: 0 });
    const action = form.action;
    const xhr = new XMLHttpRequest();
    xhr.open('POST', action);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable)
        setPhase({ kind: 'sending', percent: Math.min(99, Math.round((e.loaded / e.total) * 100)) });
    };
    xhr.onload = () => {
      // Sent: the server answered with the page to show next (after its redirect), or
      // the same form with its errors in her language.
      if (xhr.responseURL && xhr.responseURL !== action) {
        window.location.assign(xhr.responseURL);
        return;
      }
      // The page with her errors, shown as a plain page: its scripts are not run
      // (they would carry another response's CSP nonce), and its forms post as usual.
      const next = new DOMParser().parseFromString(xhr.responseText, 'text/html');
      document.title = next.title;
      document.body.replaceWith(document.adoptNode(next.body));
    };
    xhr.onerror = () => {
      sending.current = false;
      setPhase({ kind: 'error', message: t('ux.photo.failed') });
    };
    xhr.send(body);
  }

  return (
    <Form {...props} method="post" encType="multipart/form-data" onSubmit={onSubmit} aria-busy={busy || undefined}>
      <fieldset disabled={busy} className="plain-fieldset">
        {children}
      </fieldset>
      <div role="status" aria-live="polite" className="upload-status">
        {phase.kind === 'resizing' ? <p className="small">{t('ux.photo.resizing')}</p> : null}
        {phase.kind === 'sending' ? (
          <>
            <progress max={100} value={phase.percent} aria-label={t('ux.photo.sending', { percent: phase.percent })} />
            <p className="small">{t('ux.photo.sending', { percent: phase.percent })}</p>
          </>
        ) : null}
      </div>
      {phase.kind === 'error' ? (
        <p className="form-error" role="alert">
          {phase.message}
        </p>
      ) : null}
    </Form>
  );
}
