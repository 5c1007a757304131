import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireStaff } from '~/lib/auth.server';
import { audioResponse, findAudio } from '~/modules/learning/audio.server';

// A lesson's recording, with HTTP range requests (206 / 416) so the phone's
// <audio> player can seek without downloading the whole file. A published
// lesson's audio is for everyone; before publishing, only the staff who edit
// lessons (country level, like the lesson editor) can hear it.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const audio = await findAudio(params.id ?? '');
  if (!audio) throw new Response('Not found', { status: 404 });
  if (!audio.published) await requireStaff(request, { country: true });
  return audioResponse(request, audio, { public: Boolean(audio.published) });
}
