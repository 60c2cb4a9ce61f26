import { render } from 'preact';
import { OpinionPage } from '@/components/OpinionPage';
import '@/components/style.css';
import '@/components/opinion.css';

render(<OpinionPage reportId={new URLSearchParams(location.search).get('report')} />, document.getElementById('app')!);
