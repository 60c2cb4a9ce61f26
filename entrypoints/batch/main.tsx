import '@/lib/app/zod-without-eval';
import { render } from 'preact';
import { BatchPage } from '@/components/batch/BatchPage';
import { requestPersistentStorage } from '@/components/persist';
import { limitsFromQuery } from '@/lib/app/batch/limits';
import { Localized } from '@/components/Localized';
import { t } from '@/lib/app/i18n';
import '@/components/style.css';

const params = new URLSearchParams(location.search);
const jobId = params.get('job');
const app = document.getElementById('app')!;
const limits = limitsFromQuery(params);
const page = () => (jobId ? <BatchPage jobId={jobId} limits={limits} /> : <p class="error">{t('batch_noJob')}</p>);
render(<Localized page={page} title="page_batch" />, app);
void requestPersistentStorage().catch((e: unknown) => console.warn('[年报审计助手] 未能申请持久存储', e));
