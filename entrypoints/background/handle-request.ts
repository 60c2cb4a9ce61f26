/** Receives every request of lib/app/messages.ts: checks who sent it and its shape, then runs its handler. */
import { zhCN } from 'zod/locales';
import { REQUESTS, type RequestType, type Response } from '@/lib/app/messages';
import { storageErrorMessage } from '@/store/errors';
import { isExtensionPage } from './batch';
import { HANDLERS, Refusal, type Context, type Sender } from './handlers';
import { t } from '@/lib/app/i18n';

const STALE = () => t('bg_stale');
const zhMessages = zhCN().localeError;

const refuse = (error: string): Promise<Response> => Promise.resolve({ ok: false, error });

export function onMessage(message: unknown, sender: Sender): Promise<Response> {
  const type = (message as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(REQUESTS, type)) return refuse(t('bg_unknownRequest', { stale: STALE() }));
  const endpoint = REQUESTS[type as RequestType];
  const context: Context = { sender, fromPage: isExtensionPage(sender.url) };
  if (endpoint.from === 'page' && !context.fromPage) return refuse(t('bg_pagesOnly', { type }));
  const parsed = endpoint.request.safeParse(message, { error: zhMessages });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length ? `${issue.path.join('.')}：` : '';
    return refuse(t('bg_badRequest', { type, problem: `${field}${issue.message}`, stale: STALE() }));
  }
  // Synchronously up to the handler's first await: panel:open needs the user's click to still count.
  const handler = HANDLERS[type as RequestType] as (request: unknown, context: Context) => Promise<object>;
  return handler(parsed.data, context).then(
    (answer) => ({ ok: true, ...answer }) as Response,
    (e: unknown) => ({ ok: false, error: e instanceof Refusal ? e.message : storageErrorMessage(e) }),
  );
}
