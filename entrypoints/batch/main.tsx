import { render } from 'preact';
import { BatchPage } from '@/components/batch/BatchPage';
import { requestPersistentStorage } from '@/components/persist';
import { limitsFromQuery } from '@/lib/app/batch/limits';
import '@/components/style.css';

const params = new URLSearchParams(location.search);
const jobId = params.get('job');
const app = document.getElementById('app')!;
if (jobId) render(<BatchPage jobId={jobId} limits={limitsFromQuery(params)} />, app);
else render(<p class="error">缺少任务编号：请从年报列表页或审计记录页打开批量审核。</p>, app);
void requestPersistentStorage().catch((e: unknown) => console.warn('[年报审计助手] 未能申请持久存储', e));
