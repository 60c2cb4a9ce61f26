import { render } from 'preact';
import { OpinionPage } from '@/components/OpinionPage';
import { auditDb } from '@/store/db';
import { getReportState } from '@/store/reports';
import '@/components/style.css';
import '@/components/opinion.css';

render(
  <OpinionPage reportId={new URLSearchParams(location.search).get('report')} load={(id) => getReportState(auditDb(), id)} />,
  document.getElementById('app')!,
);
