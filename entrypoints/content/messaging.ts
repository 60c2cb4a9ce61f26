/** The content script's client of the background: only the requests a content script may send. */
import { CONTENT_REQUESTS } from '@/lib/app/content-messages';
import { createAsk } from '@/messaging/client';

export const ask = createAsk(CONTENT_REQUESTS);
