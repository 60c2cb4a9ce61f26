import type { ComponentType } from 'preact';
import { t, uiLocale, type MessageKey } from '@/lib/app/i18n';
import { loadUiLocale, useUiLocale } from './locale';

void loadUiLocale();

/**
 * An extension page in the chosen UI language: rendered once the language is known, and again
 * (state kept) whenever the setting changes. A component, not children: children made once by the
 * caller would be the same vnodes, which Preact does not render again.
 */
export function Localized({ page: Page, title }: { page: ComponentType; title: MessageKey }) {
  const locale = useUiLocale({ documentLang: true });
  if (!locale) return null;
  document.title = t(title);
  return <Page />;
}

/** The English gloss a Chinese heading carries («审计记录 Audits»): the English UI has it as the heading already. */
export function EnglishGloss({ text }: { text: string }) {
  return uiLocale() === 'en' ? null : <small class="muted">{text}</small>;
}
