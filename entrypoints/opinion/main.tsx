import '@/lib/app/zod-without-eval';
import { render } from 'preact';
import { OpinionPage } from '@/components/OpinionPage';
import { Localized } from '@/components/Localized';
import '@/components/style.css';
import '@/components/opinion.css';

const reportId = new URLSearchParams(location.search).get('report');
render(<Localized page={() => <OpinionPage reportId={reportId} />} title="page_opinion" />, document.getElementById('app')!);
