/** The extension pages' client of the background: every request of lib/app/messages.ts. */
import { REQUESTS } from '@/lib/app/messages';
import { createAsk } from './client';

export const ask = createAsk(REQUESTS);
