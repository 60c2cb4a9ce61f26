import '@/lib/app/zod-without-eval';
import { render } from 'preact';
import { SidePanel } from '@/components/SidePanel';
import { requestPersistentStorage } from '@/components/persist';
import { Localized } from '@/components/Localized';
import '@/components/style.css';

render(<Localized page={SidePanel} title="page_sidepanel" />, document.getElementById('app')!);
void requestPersistentStorage().catch((e: unknown) => console.warn('[年报审计助手] 未能申请持久存储', e));
