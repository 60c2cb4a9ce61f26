/**
 * The list check's first step, apart from list-offer.ts so the always-on first look can use it
 * without loading zod (list-offer.ts validates URLs with the batch job's schema).
 */
import { compact } from '../engine/text';

/** Fewer links is a 「相关链接」 box on an ordinary page, not a list worth a batch. */
export const MIN_LIST_LINKS = 3;

/** The page's title and prefix (from the first look) name reports: a list column calls itself so. */
export function mentionsReports(prefix: string): boolean {
  return /年报|年度报告/.test(compact(prefix));
}
