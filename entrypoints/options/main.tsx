import { render } from 'preact';
import { OptionsPage } from '@/components/OptionsPage';
import { requestPersistentStorage } from '@/components/persist';
import '@/components/style.css';

render(<OptionsPage />, document.getElementById('app')!);
void requestPersistentStorage().catch((e: unknown) => console.warn('[年报审计助手] 未能申请持久存储', e));
