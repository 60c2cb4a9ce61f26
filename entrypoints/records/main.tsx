import { render } from 'preact';
import { RecordsPage } from '@/components/RecordsPage';
import { requestPersistentStorage } from '@/components/persist';
import '@/components/style.css';

render(<RecordsPage />, document.getElementById('app')!);
void requestPersistentStorage().catch((e: unknown) => console.warn('[年报审计助手] 未能申请持久存储', e));
